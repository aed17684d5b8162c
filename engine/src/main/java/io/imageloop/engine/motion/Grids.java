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

    /**
     * A smooth field evaluated every {@code step} pixels and upsampled bilinearly: for fields
     * that change slowly across the frame, the same values at a fraction of the cost.
     * Samples sit at pixel centres of the coarse grid, mapped back to full-size coordinates.
     */
    static Mat smoothField(int width, int height, int step, FieldFunction f) {
        int w = Math.max(2, (width + step - 1) / step);
        int h = Math.max(2, (height + step - 1) / step);
        double sx = (double) width / w;
        double sy = (double) height / h;
        try (Mat coarse = field(w, h, (x, y) -> f.at((int) Math.round((x + 0.5) * sx - 0.5), (int) Math.round((y + 0.5) * sy - 0.5)));
             org.bytedeco.opencv.opencv_core.Size size = new org.bytedeco.opencv.opencv_core.Size(width, height)) {
            Mat full = new Mat();
            org.bytedeco.opencv.global.opencv_imgproc.resize(coarse, full, size, 0, 0, org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR);
            return full;
        }
    }

    @FunctionalInterface
    interface FieldFunction {
        double at(int x, int y);
    }
}
