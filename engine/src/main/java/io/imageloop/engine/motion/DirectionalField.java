package io.imageloop.engine.motion;

import io.imageloop.engine.frame.FrameSize;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Uniform drift in one direction inside a band of the photo ("the sky drifts right").
 * Speed is a fraction of the canvas width per second, so a loop looks the same at any resolution.
 */
public record DirectionalField(Direction direction, Region region, double widthsPerSecond) implements FieldSource {

    @Override
    public VectorField build(Mat pixels, int nodes, LoopTiming timing) {
        FrameSize canvas = new FrameSize(pixels.cols(), pixels.rows());
        VectorField field = VectorField.forCanvas(canvas, nodes);
        double speed = widthsPerSecond * canvas.width() / timing.fps();
        double dx = direction.dx() * speed;
        double dy = direction.dy() * speed;
        for (int j = 0; j < field.rows(); j++) {
            double w = region.weight((field.nodeY(j) + 0.5) / canvas.height());
            for (int i = 0; i < field.cols(); i++) field.set(i, j, dx * w, dy * w);
        }
        return field;
    }

    @Override
    public String describe() {
        return "drift " + direction + (region == Region.WHOLE ? "" : " in the " + region + " part");
    }
}
