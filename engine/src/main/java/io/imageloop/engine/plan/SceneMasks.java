package io.imageloop.engine.plan;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

import java.util.List;

/**
 * What the analysis found, at analysis resolution: 8-bit masks (255 = yes) for the sky, calm
 * water, white water, grass, foliage and lights; rectangles around faces, in analysis pixels;
 * how textured the sky is (mean |∇L|: clouds have texture to move, a clear sky none); and which
 * way white water runs (degrees, 90 = down); and the share a product shot's object covers (0: none).
 */
record SceneMasks(Mat sky, Mat water, Mat white, Mat grass, Mat foliage, Mat lights, List<Rect> faces, int width, int height,
                  double skyTexture, double whiteFlowDegrees, double product) implements AutoCloseable {

    @Override
    public void close() {
        for (Mat m : new Mat[] {sky, water, white, grass, foliage, lights}) m.close();
        faces.forEach(Rect::close);
    }
}
