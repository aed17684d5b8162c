package io.imageloop.engine.frame;

/** Width and height in pixels. */
public record FrameSize(int width, int height) {

    public FrameSize {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("size " + width + "x" + height);
    }

    public FrameSize scaled(double factor) {
        return new FrameSize(Math.max(2, (int) Math.round(width * factor)), Math.max(2, (int) Math.round(height * factor)));
    }

    public org.bytedeco.opencv.opencv_core.Size toCv() {
        return new org.bytedeco.opencv.opencv_core.Size(width, height);
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
