package io.imageloop.engine.measure;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.TermCriteria;

import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_calib3d.LMEDS;
import static org.bytedeco.opencv.global.opencv_calib3d.estimateAffinePartial2D;
import static org.bytedeco.opencv.global.opencv_imgproc.goodFeaturesToTrack;
import static org.bytedeco.opencv.global.opencv_video.calcOpticalFlowPyrLK;

/**
 * The camera's path as the decoded frames show it: between each pair of frames, corners tracked
 * with pyramidal Lucas-Kanade and a similarity transform fitted to them (robustly, so moving
 * clouds do not count). The frame centre's displacement per step is the camera's velocity; its
 * change from step to step, around the loop, is the jitter (px/frame², at the file's resolution).
 * A smooth sub-pixel path measures a few hundredths; whole-pixel crops (ffmpeg's zoompan) ten
 * times more.
 */
final class CameraTrack implements AutoCloseable {

    private Mat first;
    private Mat previous;
    private final List<double[]> velocity = new ArrayList<>();

    void add(Mat grey) {
        Mat copy = grey.clone();
        if (previous != null) velocity.add(step(previous, copy));
        else first = copy.clone();
        if (previous != null) previous.close();
        previous = copy;
    }

    /** The frame centre's displacement from a to b, in pixels. */
    private static double[] step(Mat a, Mat b) {
        try (Mat corners = new Mat(); Mat moved = new Mat(); Mat status = new Mat(); Mat error = new Mat(); Mat noMask = new Mat();
             Size window = new Size(21, 21);
             TermCriteria stop = new TermCriteria(TermCriteria.COUNT + TermCriteria.EPS, 40, 0.001)) {
            goodFeaturesToTrack(a, corners, 600, 0.005, Math.max(4, a.cols() / 60.0), noMask, 7, false, 0.04);
            if (corners.rows() < 8) return new double[] {0, 0};
            calcOpticalFlowPyrLK(a, b, corners, moved, status, error, window, 3, stop, 0, 1e-4);
            try (Mat inliers = new Mat(); Mat model = estimateAffinePartial2D(corners, moved, inliers, LMEDS, 3, 2000, 0.99, 10)) {
                if (model == null || model.empty()) return new double[] {0, 0};
                double[] m = new double[6];
                ((DoubleBuffer) model.createBuffer()).get(m);
                double cx = a.cols() / 2.0;
                double cy = a.rows() / 2.0;
                return new double[] {m[0] * cx + m[1] * cy + m[2] - cx, m[3] * cx + m[4] * cy + m[5] - cy};
            }
        }
    }

    /** RMS of the change in velocity, the last step to the first included (the loop wraps). */
    double jitter() {
        if (previous != null && first != null) velocity.add(step(previous, first));
        int n = velocity.size();
        if (n < 3) return 0;
        double sum = 0;
        for (int t = 0; t < n; t++) {
            double[] v = velocity.get(t);
            double[] u = velocity.get((t + 1) % n);
            double ax = u[0] - v[0];
            double ay = u[1] - v[1];
            sum += ax * ax + ay * ay;
        }
        return Math.sqrt(sum / n);
    }

    @Override
    public void close() {
        if (first != null) first.close();
        if (previous != null) previous.close();
    }
}
