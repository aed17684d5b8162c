package io.imageloop.engine.motion;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import io.imageloop.engine.frame.FrameSize;
import io.imageloop.engine.frame.Framer;
import io.imageloop.engine.media.MediaDoor;
import io.imageloop.engine.media.MediaLimits;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_32SC2;
import static org.bytedeco.opencv.global.opencv_core.max;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.fillPoly;

/**
 * Areas that must not move: rectangles and polygons in fractions of the framed picture, and/or a
 * painted mask (PNG, bright = frozen, same framing as the photo). The edge is feathered so still
 * and moving parts meet softly; inside, frozen pixels are exactly the photo's in every frame.
 */
public record Freeze(List<Rect> rects, List<List<Point>> polygons, Path mask) {

    public static final Freeze NONE = new Freeze(List.of(), List.of(), null);

    /** A rectangle in fractions: left, top, width, height. */
    public record Rect(double x, double y, double w, double h) {
        public Rect {
            if (!(x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= 1.0001 && y + h <= 1.0001)) {
                throw new LoopException(Kind.INVALID_PARAMETER,
                        "a freeze area is x,y,w,h in fractions of the photo, inside 0..1, got " + x + "," + y + "," + w + "," + h);
            }
        }

        public static Rect parse(String text) {
            String[] p = text.split(",");
            if (p.length != 4) {
                throw new LoopException(Kind.INVALID_PARAMETER, "a freeze area is x,y,w,h in fractions of the photo, got '" + text + "'");
            }
            try {
                return new Rect(Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim()),
                        Double.parseDouble(p[2].trim()), Double.parseDouble(p[3].trim()));
            } catch (NumberFormatException e) {
                throw new LoopException(Kind.INVALID_PARAMETER, "a freeze area needs four numbers, got '" + text + "'");
            }
        }
    }

    public Freeze {
        rects = List.copyOf(rects);
        polygons = List.copyOf(polygons);
        if (mask != null) {
            if (!Files.isRegularFile(mask)) throw new LoopException(Kind.INPUT_NOT_FOUND, "no such freeze mask: " + mask);
            MediaDoor.probePhoto(mask, MediaLimits.DEFAULT); // a mask is a picture like any other: same checks, same limits
        }
    }

    public boolean isEmpty() {
        return rects.isEmpty() && polygons.isEmpty() && mask == null;
    }

    /**
     * The frozen weight per pixel at the given size: CV_32FC1, 1 frozen, 0 free, feathered over
     * about 1.5% of the smaller side. Returns null when nothing is frozen.
     */
    public Mat alpha(FrameSize size) {
        if (isEmpty()) return null;
        Mat hard = new Mat(size.height(), size.width(), CV_32FC1, Scalar.all(0));
        for (Rect r : rects) {
            polygon(hard, size, List.of(new Point(r.x(), r.y()), new Point(Math.min(1, r.x() + r.w()), r.y()),
                    new Point(Math.min(1, r.x() + r.w()), Math.min(1, r.y() + r.h())), new Point(r.x(), Math.min(1, r.y() + r.h()))));
        }
        for (List<Point> p : polygons) {
            if (p.size() < 3) throw new LoopException(Kind.INVALID_PARAMETER, "a freeze polygon needs at least 3 points");
            polygon(hard, size, p);
        }
        if (mask != null) {
            try (Mat painted = imread(mask.toString(), IMREAD_GRAYSCALE)) {
                if (painted.empty()) throw new LoopException(Kind.CORRUPT_INPUT, "the freeze mask " + mask.getFileName() + " cannot be decoded");
                try (Mat fitted = Framer.cover(painted, size); Mat weights = new Mat()) {
                    fitted.convertTo(weights, CV_32FC1, 1 / 255.0, 0);
                    max(hard, weights, hard);
                }
            }
        }
        // Feather outwards only: inside the area the weight stays exactly 1, so frozen pixels are
        // the photo's own in every frame; the soft edge lies in the moving part.
        double sigma = Math.max(1.0, 0.015 * Math.min(size.width(), size.height()));
        Mat soft = new Mat();
        try (Size kernel = new Size(0, 0)) {
            GaussianBlur(hard, soft, kernel, sigma);
            soft.convertTo(soft, -1, 2.0, 0); // the blurred edge sits at 0.5: stretch it to reach 1 there
            max(soft, hard, soft);
            org.bytedeco.opencv.global.opencv_imgproc.threshold(soft, soft, 1.0, 1.0, org.bytedeco.opencv.global.opencv_imgproc.THRESH_TRUNC);
        } finally {
            hard.close();
        }
        return soft;
    }

    private static void polygon(Mat target, FrameSize size, List<Point> points) {
        int[] xy = new int[points.size() * 2];
        for (int i = 0; i < points.size(); i++) {
            xy[2 * i] = (int) Math.round(points.get(i).x() * (size.width() - 1));
            xy[2 * i + 1] = (int) Math.round(points.get(i).y() * (size.height() - 1));
        }
        try (Mat contour = new Mat(points.size(), 1, CV_32SC2); MatVector contours = new MatVector(contour)) {
            ((java.nio.IntBuffer) contour.createBuffer()).put(xy);
            fillPoly(target, contours, Scalar.all(1), LINE_8, 0, new org.bytedeco.opencv.opencv_core.Point());
        }
    }
}
