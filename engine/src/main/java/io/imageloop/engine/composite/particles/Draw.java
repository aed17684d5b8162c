package io.imageloop.engine.composite.particles;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.line;

/**
 * Anti-aliased shapes at sub-pixel positions (OpenCV's fixed-point coordinates, 1/16 px), so
 * slow particles glide instead of stepping from pixel to pixel.
 */
final class Draw {

    private static final int SHIFT = 4;
    private static final double ONE = 1 << SHIFT;
    /** Lit width of an anti-aliased line by its OpenCV thickness (index), in pixels. */
    private static final double[] LINE_WIDTH = {0, 1.38, 3.41, 5.42};

    private Draw() {
    }

    static void disc(Mat canvas, double x, double y, double radius, double b, double g, double r) {
        try (Point centre = point(x, y); Scalar color = new Scalar(b, g, r, 0)) {
            circle(canvas, centre, (int) Math.round(Math.max(0.5, radius) * ONE), color, FILLED, LINE_AA, SHIFT);
        }
    }

    static void ring(Mat canvas, double x, double y, double radius, int thickness, double b, double g, double r) {
        try (Point centre = point(x, y); Scalar color = new Scalar(b, g, r, 0)) {
            circle(canvas, centre, (int) Math.round(Math.max(0.5, radius) * ONE), color, Math.max(1, thickness), LINE_AA, SHIFT);
        }
    }

    /**
     * A line carrying the light of one {@code width} pixels wide. OpenCV's anti-aliased lines
     * come in a few widths only (thickness 1, 2 and 3 light about 1.4, 3.4 and 5.4 pixels
     * across, measured); the nearest is drawn and its brightness scaled by the difference, so a
     * line keeps its weight at any frame size, even below a pixel.
     */
    static void segment(Mat canvas, double x0, double y0, double x1, double y1, double width, double b, double g, double r) {
        int thickness = width < 2.4 ? 1 : width < 4.4 ? 2 : 3;
        double k = width / LINE_WIDTH[thickness];
        try (Point from = point(x0, y0); Point to = point(x1, y1); Scalar color = new Scalar(b * k, g * k, r * k, 0)) {
            line(canvas, from, to, color, thickness, LINE_AA, SHIFT);
        }
    }

    private static Point point(double x, double y) {
        return new Point((int) Math.round(x * ONE), (int) Math.round(y * ONE));
    }

    /** x wrapped into [0, range). */
    static double wrap(double x, double range) {
        double v = x % range;
        return v < 0 ? v + range : v;
    }

    /** sin² of a whole number of half-turns per loop plus an offset: 0..1, periodic in phase. */
    static double twinkle(double phase, int cycles, double offset) {
        double s = Math.sin(Math.PI * (cycles * phase + offset));
        return s * s;
    }

    /** Whole cycles per loop nearest to a frequency, at least one. */
    static int cycles(double perSecond, double seconds) {
        return Math.max(1, (int) Math.round(perSecond * seconds));
    }
}
