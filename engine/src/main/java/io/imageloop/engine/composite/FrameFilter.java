package io.imageloop.engine.composite;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A stage after motion that draws on finished frames (particles, later text), like a filter in
 * FFmpeg's graph. Filters of a loop must be periodic in t so the loop stays seamless.
 */
public interface FrameFilter extends AutoCloseable {

    /** Draws onto frame t of the loop, in place. */
    void apply(int t, Mat frame);

    /** Short description for reports. */
    String describe();

    @Override
    default void close() {
    }
}
