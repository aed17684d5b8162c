package io.imageloop.timeline.render;

import io.imageloop.engine.encode.OutputFormat;
import io.imageloop.engine.frame.FrameSize;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What a draft export produced.
 *
 * @param audio whether the file has an audio stream
 */
public record RenderResult(Path output, OutputFormat format, FrameSize size, int frames, double fps, boolean audio, long millis) {

    public double seconds() {
        return frames / fps;
    }

    /** One line for logs and the CLI. */
    public String summary() {
        return String.format(Locale.ROOT, "%s  %s %s, %d frames at %s fps (%.2f s), %s; rendered in %.2f s", output.getFileName(), format,
                size, frames, fps == Math.rint(fps) ? Long.toString((long) fps) : Double.toString(fps), seconds(),
                audio ? "with audio" : "no audio", millis / 1000.0);
    }
}
