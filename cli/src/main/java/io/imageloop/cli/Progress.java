package io.imageloop.cli;

import io.imageloop.engine.ProgressListener;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on a terminal; nothing at all in a pipe or a log file. */
final class Progress implements ProgressListener, AutoCloseable {

    private final ProgressBar bar;
    private boolean closed;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    static Progress start(boolean quiet, String task, int frames) {
        if (quiet || System.console() == null) return new Progress(null);
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(frames)
                .setUnit(" frames", 1)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setUpdateIntervalMillis(100)
                .continuousUpdate()
                .build();
        return new Progress(bar);
    }

    @Override
    public void onFrame(int done, int total) {
        if (bar != null) bar.stepTo(done);
    }

    /** Finishes the bar before the loop report is printed; safe to call again. */
    @Override
    public void close() {
        if (bar != null && !closed) bar.close();
        closed = true;
    }
}
