package io.imageloop.engine.motion;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Size;

import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.divide;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.pyrDown;
import static org.bytedeco.opencv.global.opencv_imgproc.pyrUp;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_ximgproc.guidedFilter;

/**
 * Where moving and still parts of the picture meet. The planner's masks are coarse; a matte
 * refined against the photo's own edges (a guided filter, He et al. 2010) follows the rock's
 * outline, not the analysis grid. And moving content is warped from a "clean plate" in which the
 * still things are painted over with the colours around them, so drifting sky never drags a
 * copy of the rock's edge along: the rock is composited back on top, unmoved.
 */
final class Mattes {

    /** The guided filter works at this long side at most; mattes are smooth at finer scales. */
    private static final int WORK_SIDE = 960;

    private Mattes() {
    }

    /**
     * Refines coarse weights (CV_32FC1, picture size) against the picture's edges, in place: the
     * soft band snaps to the nearest strong edge within about 1% of the picture.
     */
    static void refine(Mat weights, Mat picture) {
        int w = picture.cols();
        int h = picture.rows();
        double k = Math.min(1.0, (double) WORK_SIDE / Math.max(w, h));
        int sw = Math.max(8, (int) Math.round(w * k));
        int sh = Math.max(8, (int) Math.round(h * k));
        try (Mat grey = new Mat(); Mat small = new Mat(); Mat guide = new Mat(); Mat p = new Mat(); Mat q = new Mat();
             Size work = new Size(sw, sh); Size full = new Size(w, h)) {
            cvtColor(picture, grey, COLOR_BGR2GRAY);
            resize(grey, small, work, 0, 0, INTER_AREA);
            small.convertTo(guide, CV_32F, 1 / 255.0, 0);
            resize(weights, p, work, 0, 0, INTER_AREA);
            int radius = Math.max(2, (int) Math.round(0.008 * Math.max(sw, sh)));
            guidedFilter(guide, p, q, radius, 1e-3, -1, 1.0);
            // A little more contrast, so the edge is a few pixels wide rather than a gradient.
            q.convertTo(q, -1, 1.6, -0.3);
            resize(q, weights, full, 0, 0, INTER_LINEAR);
            org.bytedeco.opencv.global.opencv_imgproc.threshold(weights, weights, 1.0, 1.0, org.bytedeco.opencv.global.opencv_imgproc.THRESH_TRUNC);
            org.bytedeco.opencv.global.opencv_imgproc.threshold(weights, weights, 0.0, 0.0, org.bytedeco.opencv.global.opencv_imgproc.THRESH_TOZERO);
        }
    }

    /**
     * The picture with everything outside {@code keep} (weight below ~1) replaced by a smooth
     * fill of the kept colours around it (push-pull: a weighted pyramid down, then back up).
     * Kept pixels are untouched; 8-bit BGR, the picture's size.
     */
    static Mat cleanPlate(Mat picture, Mat keep) {
        try (Mat hard = new Mat(); Mat colour = new Mat(); Mat premul = new Mat(); Mat weight3 = new Mat();
             MatVector three = new MatVector()) {
            org.bytedeco.opencv.global.opencv_imgproc.threshold(keep, hard, 0.98, 1.0, org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY);
            picture.convertTo(colour, CV_32FC3);
            three.push_back(hard);
            three.push_back(hard);
            three.push_back(hard);
            merge(three, weight3);
            multiply(colour, weight3, premul);
            List<Mat[]> levels = new ArrayList<>();
            Mat c = premul.clone();
            Mat a = hard.clone();
            while (Math.min(c.cols(), c.rows()) > 4) {
                Mat c2 = new Mat();
                Mat a2 = new Mat();
                pyrDown(c, c2);
                pyrDown(a, a2);
                levels.add(new Mat[] {c, a});
                c = c2;
                a = a2;
            }
            // Up again: at each level, where the weight is low, take the coarser level's colour.
            Mat filled = normalised(c, a);
            c.close();
            a.close();
            for (int i = levels.size() - 1; i >= 0; i--) {
                Mat[] level = levels.get(i);
                Mat up = new Mat();
                try (Size s = new Size(level[0].cols(), level[0].rows())) {
                    pyrUp(filled, up, s, org.bytedeco.opencv.global.opencv_core.BORDER_DEFAULT);
                }
                filled.close();
                try (Mat fine = normalised(level[0], level[1]); Mat w = new Mat(); Mat w3 = new Mat(); Mat inv = new Mat();
                     MatVector ws = new MatVector()) {
                    // Partly covered cells still know their colour well: trust them more than their weight says.
                    level[1].convertTo(w, -1, 3.0, 0);
                    org.bytedeco.opencv.global.opencv_imgproc.threshold(w, w, 1.0, 1.0, org.bytedeco.opencv.global.opencv_imgproc.THRESH_TRUNC);
                    ws.push_back(w);
                    ws.push_back(w);
                    ws.push_back(w);
                    merge(ws, w3);
                    w3.convertTo(inv, -1, -1, 1);
                    multiply(fine, w3, fine);
                    multiply(up, inv, up);
                    org.bytedeco.opencv.global.opencv_core.add(fine, up, up);
                }
                filled = up;
                level[0].close();
                level[1].close();
            }
            Mat out = new Mat();
            filled.convertTo(out, CV_8UC3);
            filled.close();
            picture.copyTo(out, toMask(hard));
            return out;
        }
    }

    /** Premultiplied colour over weight, 0 where the weight is 0. */
    private static Mat normalised(Mat premul, Mat weight) {
        try (Mat safe = new Mat(); Mat w3 = new Mat(); MatVector ws = new MatVector()) {
            org.bytedeco.opencv.global.opencv_imgproc.threshold(weight, safe, 1e-6, 0, org.bytedeco.opencv.global.opencv_imgproc.THRESH_TOZERO);
            safe.convertTo(safe, -1, 1, 1e-6);
            ws.push_back(safe);
            ws.push_back(safe);
            ws.push_back(safe);
            merge(ws, w3);
            Mat out = new Mat();
            divide(premul, w3, out);
            return out;
        }
    }

    private static Mat toMask(Mat hard) {
        Mat m = new Mat();
        hard.convertTo(m, org.bytedeco.opencv.global.opencv_core.CV_8U, 255, 0);
        return m;
    }
}
