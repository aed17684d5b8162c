package io.imageloop.engine.motion;

import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.FloatBuffer;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;

/** Sampling grids for {@code remap}: each pixel holds the source position it reads from. */
final class Grids {

    private Grids() {
    }

    /** Interleaved (x, y) identity map, CV_32FC2. */
    static Mat identity(int width, int height) {
        float[] row = new float[width * 2];
        Mat grid = new Mat(height, width, CV_32FC2);
        FloatBuffer buffer = grid.createBuffer();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                row[2 * x] = x;
                row[2 * x + 1] = y;
            }
            buffer.put(row);
        }
        return grid;
    }

    /** A single-channel map whose every pixel holds f(x, y). */
    static Mat field(int width, int height, FieldFunction f) {
        float[] row = new float[width];
        Mat grid = new Mat(height, width, CV_32FC1);
        FloatBuffer buffer = grid.createBuffer();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) row[x] = (float) f.at(x, y);
            buffer.put(row);
        }
        return grid;
    }

    @FunctionalInterface
    interface FieldFunction {
        double at(int x, int y);
    }
}
