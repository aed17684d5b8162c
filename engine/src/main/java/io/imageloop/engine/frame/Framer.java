package io.imageloop.engine.frame;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Fits a photo into the output frame: the first stage after decoding. Resampling happens once,
 * here, with an area filter when shrinking; everything downstream works at output scale.
 */
public final class Framer {

    private Framer() {
    }

    /**
     * @param canvasScale how much larger than the region the motion stage wants its canvas
     *                    (1.0 for in-place motion, more for camera moves)
     */
    public static Layout frame(Mat photo, FrameSize output, Fitting fitting, double canvasScale) {
        PhotoWindow window = canvasWindow(photo.cols(), photo.rows(), output, fitting, canvasScale);
        if (fitting == Fitting.COVER) {
            Rect region = new Rect(0, 0, output.width(), output.height());
            return new Layout(output, region, cover(photo, output.scaled(canvasScale)), null, window);
        }
        double fit = Math.min((double) output.width() / photo.cols(), (double) output.height() / photo.rows());
        int w = Math.min(output.width(), even(photo.cols() * fit));
        int h = Math.min(output.height(), even(photo.rows() * fit));
        Rect region = new Rect((output.width() - w) / 2 / 2 * 2, (output.height() - h) / 2 / 2 * 2, w, h);
        Mat canvas = cover(photo, new FrameSize(w, h).scaled(canvasScale));
        return new Layout(output, region, canvas, blurredBackdrop(photo, output), window);
    }

    /**
     * A still picture (or a clip's frame) placed in the output frame, cover or fit: a new 8-bit
     * BGR Mat of exactly {@code size}, with the blurred bars already drawn for FIT.
     */
    public static Mat place(Mat picture, FrameSize size, Fitting fitting) {
        if (fitting == Fitting.COVER) return cover(picture, size);
        try (Layout layout = frame(picture, size, Fitting.FIT, 1.0)) {
            Mat out = layout.background().clone();
            try (Mat region = out.apply(layout.region())) {
                layout.canvas().copyTo(region);
            }
            return out;
        }
    }

    /** Centre crop to the target's shape, then one resample to the target size. */
    public static Mat cover(Mat photo, FrameSize target) {
        int[] c = coverCrop(photo.cols(), photo.rows(), target);
        double scale = Math.max((double) target.width() / photo.cols(), (double) target.height() / photo.rows());
        try (Rect crop = new Rect(c[0], c[1], c[2], c[3]); Mat view = photo.apply(crop)) {
            Mat out = new Mat();
            int filter = scale < 1.0 ? INTER_AREA : INTER_CUBIC;
            resize(view, out, target.toCv(), 0, 0, filter);
            return out;
        }
    }

    /** The centred crop (x, y, w, h in photo pixels) with the target's shape that {@link #cover} takes. */
    static int[] coverCrop(int photoW, int photoH, FrameSize target) {
        double scale = Math.max((double) target.width() / photoW, (double) target.height() / photoH);
        int cropW = Math.min(photoW, (int) Math.round(target.width() / scale));
        int cropH = Math.min(photoH, (int) Math.round(target.height() / scale));
        return new int[] {(photoW - cropW) / 2, (photoH - cropH) / 2, cropW, cropH};
    }

    /**
     * The part of a {@code photoW x photoH} photo that the canvas of {@link #frame} shows for this
     * output, fitting and canvas scale: where photo coordinates land on the canvas.
     */
    public static PhotoWindow canvasWindow(int photoW, int photoH, FrameSize output, Fitting fitting, double canvasScale) {
        if (fitting == Fitting.COVER) return PhotoWindow.cover(photoW, photoH, output.scaled(canvasScale));
        double fit = Math.min((double) output.width() / photoW, (double) output.height() / photoH);
        int w = Math.min(output.width(), even(photoW * fit));
        int h = Math.min(output.height(), even(photoH * fit));
        return PhotoWindow.cover(photoW, photoH, new FrameSize(w, h).scaled(canvasScale));
    }

    /**
     * The bars behind a fitted photo: the photo itself, cropped to fill the frame, heavily
     * blurred and darkened so the sharp photo stays the subject. Blurring at 1/8 scale is as
     * good to the eye and 60x cheaper than at full size.
     */
    static Mat blurredBackdrop(Mat photo, FrameSize output) {
        FrameSize small = output.scaled(1.0 / 8);
        try (Mat tiny = cover(photo, small); Size kernel = new Size(0, 0)) {
            GaussianBlur(tiny, tiny, kernel, Math.max(small.width(), small.height()) / 24.0);
            Mat out = new Mat();
            resize(tiny, out, output.toCv(), 0, 0, INTER_CUBIC);
            out.convertTo(out, -1, 0.55, 0);
            return out;
        }
    }

    private static int even(double v) {
        int i = (int) Math.round(v);
        return Math.max(2, i - (i & 1));
    }
}
