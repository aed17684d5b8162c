package io.imageloop.engine.plan;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_imgproc.LineSegmentDetector;

import java.nio.FloatBuffer;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.createLineSegmentDetector;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.line;

/**
 * Man-made structure: long straight edges that lie level or stand exactly upright (OpenCV's line
 * segment detector), and a band around each. Floors, windows, roofs, walls and trunks are full of
 * them; grass blades are long and straight too, but they lean, and leaves and water have none.
 * Whatever lies in this band never sways, so a city's facades cannot pass for reeds.
 */
final class Structure {

    private Structure() {
    }

    /** 255 within a few pixels of any level (within 25°) or upright (within 4°) segment longer than 7% of the short side. */
    static Mat of(Mat bgr) {
        return of(bgr, true);
    }

    /** The same, with level segments left out when {@code level} is false (cloud banks lie level too). */
    static Mat of(Mat bgr, boolean withLevel) {
        int w = bgr.cols();
        int h = bgr.rows();
        Mat mask = new Mat(h, w, CV_8UC1, Scalar.all(0));
        double min = 0.07 * Math.min(w, h);
        int band = Math.max(2, Math.min(w, h) / 60);
        try (Mat grey = new Mat(); Mat lines = new Mat(); LineSegmentDetector lsd = createLineSegmentDetector()) {
            cvtColor(bgr, grey, COLOR_BGR2GRAY);
            lsd.detect(grey, lines);
            if (lines.empty()) return mask;
            float[] v = new float[(int) lines.total() * 4];
            ((FloatBuffer) lines.createBuffer()).get(v);
            for (int i = 0; i + 3 < v.length; i += 4) {
                double dx = v[i + 2] - v[i];
                double dy = v[i + 3] - v[i + 1];
                double angle = Math.toDegrees(Math.atan2(Math.abs(dy), Math.abs(dx)));
                boolean level = withLevel && angle < 25;
                boolean plumb = angle > 86; // walls and trunks stand exactly upright; blades lean
                if (Math.hypot(dx, dy) < min || !(level || plumb)) continue;
                try (Point a = new Point(Math.round(v[i]), Math.round(v[i + 1])); Point b = new Point(Math.round(v[i + 2]), Math.round(v[i + 3]))) {
                    line(mask, a, b, Scalar.all(255), 2 * band + 1, LINE_8, 0);
                }
            }
        }
        return mask;
    }
}
