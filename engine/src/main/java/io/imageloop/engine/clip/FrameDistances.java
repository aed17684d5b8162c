package io.imageloop.engine.clip;

import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.Arrays;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.GEMM_2_T;
import static org.bytedeco.opencv.global.opencv_core.REDUCE_AVG;
import static org.bytedeco.opencv.global.opencv_core.gemm;
import static org.bytedeco.opencv.global.opencv_core.reduce;
import static org.bytedeco.opencv.global.opencv_core.subtract;

/**
 * Distances between all pairs of frames: the RMS luma difference per pixel of their thumbnails.
 * All pairs at once as one matrix product, |a − b|² = |a|² + |b|² − 2 a·b, on thumbnails with
 * the mean frame taken out first so that single precision keeps small differences exact enough.
 */
final class FrameDistances {

    private final int n;
    private final float[] d;

    private FrameDistances(int n, float[] d) {
        this.n = n;
        this.d = d;
    }

    static FrameDistances of(List<Mat> thumbnails) {
        int n = thumbnails.size();
        int pixels = (int) thumbnails.get(0).total();
        try (Mat rows = new Mat(n, pixels, CV_32F); Mat mean = new Mat(); Mat gram = new Mat(); Mat none = new Mat()) {
            for (int i = 0; i < n; i++) {
                try (Mat flat = thumbnails.get(i).reshape(1, 1); Mat row = rows.row(i)) {
                    flat.copyTo(row);
                }
            }
            reduce(rows, mean, 0, REDUCE_AVG, CV_32F);
            for (int i = 0; i < n; i++) {
                try (Mat row = rows.row(i)) {
                    subtract(row, mean, row);
                }
            }
            gemm(rows, rows, 1.0, none, 0.0, gram, GEMM_2_T);
            float[] g = new float[n * n];
            try (FloatIndexer idx = gram.createIndexer()) {
                idx.get(0, g);
            }
            float[] d = new float[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double sq = g[i * n + i] + g[j * n + j] - 2.0 * g[i * n + j];
                    d[i * n + j] = i == j ? 0f : (float) Math.sqrt(Math.max(0, sq) / pixels);
                }
            }
            return new FrameDistances(n, d);
        }
    }

    int frames() {
        return n;
    }

    double at(int i, int j) {
        return d[i * n + j];
    }

    /** The median distance between consecutive frames: what an ordinary step looks like. */
    double typicalStep() {
        return typicalStep(1);
    }

    /** The median distance between frames {@code apart} frames apart. */
    double typicalStep(int apart) {
        if (n <= apart) return 0;
        double[] steps = new double[n - apart];
        for (int i = 0; i + apart < n; i++) steps[i] = at(i, i + apart);
        Arrays.sort(steps);
        return steps[steps.length / 2];
    }
}
