package io.imageloop.engine.frame;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Where the animated photo sits in the output frame. {@code canvas} is the photo prepared for
 * motion (possibly larger than {@code region} so that a camera can move inside it); for
 * {@link Fitting#FIT} a static {@code background} fills the rest of the frame. {@code window} is
 * the part of the photo the canvas shows.
 */
public record Layout(FrameSize output, Rect region, Mat canvas, Mat background, PhotoWindow window) implements AutoCloseable {

    public FrameSize regionSize() {
        return new FrameSize(region.width(), region.height());
    }

    public boolean hasBackground() {
        return background != null;
    }

    @Override
    public void close() {
        canvas.close();
        if (background != null) background.close();
        region.close();
    }
}
