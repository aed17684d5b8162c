package io.imageloop.engine.encode;

import org.bytedeco.opencv.opencv_core.Mat;

/** The last stage: consumes finished 8-bit BGR frames, in order, and writes a file. */
public interface FrameSink extends AutoCloseable {

    void write(Mat bgr);

    /** Flushes and finalises the file; without it the output is incomplete. */
    void finish();

    /** Releases resources; safe after {@link #finish()} and after a failure. */
    @Override
    void close();
}
