package io.imageloop.engine.source;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A decoded photo, upright (EXIF orientation applied), 8-bit BGR. {@code pixels} is native
 * memory owned by this record: close it when done.
 */
public record Photo(Mat pixels, PhotoProbe probe) implements AutoCloseable {

    public int width() {
        return pixels.cols();
    }

    public int height() {
        return pixels.rows();
    }

    @Override
    public void close() {
        pixels.close();
    }
}
