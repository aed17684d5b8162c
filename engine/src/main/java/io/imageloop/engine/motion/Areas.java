package io.imageloop.engine.motion;

import io.imageloop.engine.frame.FrameSize;
import io.imageloop.engine.frame.PhotoWindow;
import io.imageloop.engine.recipe.Area;
import io.imageloop.engine.recipe.Point;
import io.imageloop.engine.recipe.Region;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.nio.FloatBuffer;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_32SC2;
import static org.bytedeco.opencv.global.opencv_core.max;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_TRUNC;
import static org.bytedeco.opencv.global.opencv_imgproc.fillPoly;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

/**
 * Draws an {@link Area} (photo coordinates) onto a picture: a weight per pixel, CV_32FC1 in
 * 0..1, for the part of the photo the picture shows ({@link PhotoWindow}). Bands keep their soft
 * edge; shapes and masks are drawn as they are and softened or refined by the caller.
 */
final class Areas {

    private Areas() {
    }

    /** The area's weight at {@code size}, or null when the area covers nothing of this picture. */
    static Mat raster(Area area, PhotoWindow window, FrameSize size) {
        if (area.isEmpty()) return null;
        Mat out = new Mat(size.height(), size.width(), CV_32FC1, Scalar.all(0));
        if (area.band() != null) band(out, area.band(), window);
        try (Mat shapes = new Mat(size.height(), size.width(), CV_32FC1, Scalar.all(0))) {
            boolean any = false;
            for (Area.Rect r : area.rects()) any |= polygon(shapes, window, r.corners());
            for (List<Point> p : area.polygons()) any |= polygon(shapes, window, p);
            if (any) max(out, shapes, out);
        }
        if (area.mask() != null) {
            try (Mat painted = area.mask().decode(); Mat part = crop(painted, window, size)) {
                if (part != null) max(out, part, out);
            }
        }
        return out;
    }

    /** A band's weight per row: its smoothstep edge at photo heights, mapped onto the picture. */
    private static void band(Mat out, Region band, PhotoWindow window) {
        int w = out.cols();
        int h = out.rows();
        float[] row = new float[w];
        FloatBuffer buffer = out.createBuffer();
        for (int y = 0; y < h; y++) {
            double photoY = window.toPhotoY((y + 0.5) / h);
            java.util.Arrays.fill(row, (float) band.weight(photoY));
            buffer.position(y * (int) (out.step() / 4));
            buffer.put(row);
        }
    }

    /** Fills a polygon given in photo fractions; false when it misses the picture altogether. */
    private static boolean polygon(Mat target, PhotoWindow window, List<Point> points) {
        int w = target.cols();
        int h = target.rows();
        int[] xy = new int[points.size() * 2];
        boolean inside = false;
        for (int i = 0; i < points.size(); i++) {
            double px = window.toPictureX(points.get(i).x()) * w;
            double py = window.toPictureY(points.get(i).y()) * h;
            // Sub-pixel vertices (4 fractional bits) so shapes land where they were drawn at any scale.
            xy[2 * i] = (int) Math.round(Math.max(-4 * w, Math.min(5 * w, px)) * 16);
            xy[2 * i + 1] = (int) Math.round(Math.max(-4 * h, Math.min(5 * h, py)) * 16);
            inside |= px > -w && px < 2 * w && py > -h && py < 2 * h;
        }
        if (!inside) return false;
        try (Mat contour = new Mat(points.size(), 1, CV_32SC2); MatVector contours = new MatVector(contour);
             org.bytedeco.opencv.opencv_core.Point offset = new org.bytedeco.opencv.opencv_core.Point()) {
            ((java.nio.IntBuffer) contour.createBuffer()).put(xy);
            fillPoly(target, contours, Scalar.all(1), LINE_AA, 4, offset);
        }
        return true;
    }

    /** The window's part of a photo-sized mask, resampled to the picture, as weights. */
    private static Mat crop(Mat painted, PhotoWindow window, FrameSize size) {
        double x0 = window.x() * painted.cols();
        double y0 = window.y() * painted.rows();
        double x1 = (window.x() + window.w()) * painted.cols();
        double y1 = (window.y() + window.h()) * painted.rows();
        // An affine map picture → mask pixels, so sub-pixel windows stay exact (no crop rounding).
        double sx = (x1 - x0) / size.width();
        double sy = (y1 - y0) / size.height();
        try (Mat weights = new Mat(); Mat map = new Mat(2, 3, org.bytedeco.opencv.global.opencv_core.CV_64F);
             Size s = new Size(size.width(), size.height()); Scalar border = Scalar.all(0)) {
            painted.convertTo(weights, CV_32FC1, 1 / 255.0, 0);
            ((java.nio.DoubleBuffer) map.createBuffer()).put(new double[] {sx, 0, x0 + 0.5 * sx - 0.5, 0, sy, y0 + 0.5 * sy - 0.5});
            Mat out = new Mat();
            org.bytedeco.opencv.global.opencv_imgproc.warpAffine(weights, out, map, s,
                    INTER_LINEAR | org.bytedeco.opencv.global.opencv_imgproc.WARP_INVERSE_MAP,
                    org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE, border);
            return out;
        }
    }

    /**
     * Feathers a hard area outwards only: inside, the weight stays exactly 1 (frozen pixels are
     * the photo's own in every frame); the soft edge, over about 1.5% of the smaller side, lies
     * outside it, in the moving part.
     */
    static void featherOutwards(Mat weights) {
        double sigma = Math.max(1.0, 0.015 * Math.min(weights.cols(), weights.rows()));
        try (Mat soft = new Mat(); Size kernel = new Size(0, 0)) {
            GaussianBlur(weights, soft, kernel, sigma);
            soft.convertTo(soft, -1, 2.0, 0); // the blurred edge sits at 0.5: stretch it to reach 1 there
            max(soft, weights, weights);
            threshold(weights, weights, 1.0, 1.0, THRESH_TRUNC);
        }
    }

    /** Whether every weight is (nearly) zero. */
    static boolean isEmpty(Mat weights) {
        return weights == null || org.bytedeco.opencv.global.opencv_core.countNonZero(weights) == 0;
    }

    /** The rows [top, bottom) holding any weight above zero; {0, 0} for none. */
    static int[] rows(Mat weights) {
        try (Mat reduced = new Mat()) {
            org.bytedeco.opencv.global.opencv_core.reduce(weights, reduced, 1, org.bytedeco.opencv.global.opencv_core.REDUCE_MAX);
            FloatBuffer b = reduced.createBuffer();
            int top = -1;
            int bottom = -1;
            for (int y = 0; y < weights.rows(); y++) {
                if (b.get(y) > 1e-4f) {
                    if (top < 0) top = y;
                    bottom = y + 1;
                }
            }
            return top < 0 ? new int[] {0, 0} : new int[] {top, bottom};
        }
    }

    static Mat resized(Mat m, FrameSize size) {
        Mat out = new Mat();
        try (Size s = new Size(size.width(), size.height())) {
            resize(m, out, s, 0, 0, INTER_LINEAR);
        }
        return out;
    }

    static Rect rect(int x, int y, int w, int h) {
        return new Rect(x, y, w, h);
    }
}
