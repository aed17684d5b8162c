package io.imageloop.engine.clip;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import io.imageloop.engine.frame.FrameSize;
import io.imageloop.engine.frame.Framer;
import io.imageloop.engine.frame.Fitting;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Path;

/**
 * Working frames at output size, decoded on demand. Reading forward streams through the file;
 * going back restarts it, so memory holds one frame however long the clip is.
 */
final class ClipFrames implements AutoCloseable {

    private final Path file;
    private final ClipTrack track;
    private final FrameSize size;
    private final Fitting fitting;
    private final ClipDecoder decoder;
    private Mat current;
    private int currentSource = -1;

    ClipFrames(Path file, ClipTrack track, FrameSize size, Fitting fitting) {
        this.file = file;
        this.track = track;
        this.size = size;
        this.fitting = fitting;
        this.decoder = ClipDecoder.open(file);
        decoder.scaleFor(size, fitting);
    }

    /** Working frame k, framed at output size, 8-bit BGR; valid until the next call. */
    Mat frame(int k) {
        int wanted = track.source()[k];
        if (wanted == currentSource) return current;
        if (wanted <= decoder.index()) decoder.restart();
        Mat picture = null;
        while (decoder.index() < wanted) {
            picture = decoder.next();
            if (picture == null) {
                throw new LoopException(Kind.CORRUPT_INPUT, file.getFileName() + " ended before frame " + wanted
                        + " when it was read again; was it changed meanwhile?");
            }
        }
        if (current != null) current.close();
        current = Framer.place(picture, size, fitting);
        currentSource = wanted;
        return current;
    }

    @Override
    public void close() {
        if (current != null) current.close();
        decoder.close();
    }
}
