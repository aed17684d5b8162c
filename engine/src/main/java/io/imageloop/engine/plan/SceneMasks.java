package io.imageloop.engine.plan;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

import java.util.List;

/**
 * What the analysis found, at analysis resolution: 8-bit masks (255 = yes) for sky, water and
 * foliage, and rectangles around faces, in analysis pixels.
 */
record SceneMasks(Mat sky, Mat water, Mat foliage, List<Rect> faces, int width, int height) implements AutoCloseable {

    @Override
    public void close() {
        sky.close();
        water.close();
        foliage.close();
        faces.forEach(Rect::close);
    }
}
