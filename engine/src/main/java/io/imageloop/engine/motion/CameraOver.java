package io.imageloop.engine.motion;

import io.imageloop.engine.frame.FrameSize;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A motion with a slow camera move on top, e.g. drifting clouds while the camera breathes in and
 * out. The inner motion animates a canvas larger than the frame; the camera then samples its
 * closed path over the moving picture.
 */
public record CameraOver(Motion inner, CameraMotion camera) implements Motion {

    @Override
    public double canvasScale() {
        return camera.canvasScale() * inner.canvasScale();
    }

    @Override
    public Animation animate(Mat canvas, io.imageloop.engine.frame.PhotoWindow window, FrameSize frame, LoopTiming timing) {
        FrameSize cameraSource = frame.scaled(camera.canvasScale());
        Animation moving = inner.animate(canvas, window, cameraSource, timing);
        try {
            return camera.animateOver(moving, cameraSource, frame, timing);
        } catch (RuntimeException e) {
            moving.close();
            throw e;
        }
    }

    @Override
    public String describe() {
        return inner.describe() + " under a " + camera.describe();
    }
}
