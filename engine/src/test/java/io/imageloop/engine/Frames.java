package io.imageloop.engine;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import io.imageloop.engine.frame.PhotoWindow;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

/** Decoded frames of a loop file, and what tests measure on them. */
public final class Frames {

    private Frames() {
    }

    public static List<Mat> decode(Path video) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
        List<Mat> frames = new ArrayList<>();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile()); OpenCVFrameConverter.ToMat c = new OpenCVFrameConverter.ToMat()) {
            g.start();
            Frame f;
            while ((f = g.grabImage()) != null) {
                Mat gray = new Mat();
                cvtColor(c.convert(f), gray, COLOR_BGR2GRAY);
                frames.add(gray);
            }
        }
        return frames;
    }

    /** A rectangle given in photo fractions, in pixels of a frame that shows {@code window} of the photo. */
    public static Rect onFrame(Mat frame, PhotoWindow window, double x, double y, double w, double h) {
        int x0 = (int) Math.round(window.toPictureX(x) * frame.cols());
        int y0 = (int) Math.round(window.toPictureY(y) * frame.rows());
        int x1 = (int) Math.round(window.toPictureX(x + w) * frame.cols());
        int y1 = (int) Math.round(window.toPictureY(y + h) * frame.rows());
        return new Rect(x0, y0, x1 - x0, y1 - y0);
    }

    /** The shift (dx, dy) from a to b inside a rectangle, by phase correlation. */
    public static double[] flow(Mat a, Mat b, Rect r) {
        try (Mat ra = a.apply(r); Mat rb = b.apply(r); Mat fa = new Mat(); Mat fb = new Mat()) {
            ra.convertTo(fa, org.bytedeco.opencv.global.opencv_core.CV_32F);
            rb.convertTo(fb, org.bytedeco.opencv.global.opencv_core.CV_32F);
            // A Hann window, so the patch's borders do not pull the peak to zero shift.
            try (Mat window = new Mat(); org.bytedeco.opencv.opencv_core.Size s = new org.bytedeco.opencv.opencv_core.Size(fa.cols(), fa.rows())) {
                org.bytedeco.opencv.global.opencv_imgproc.createHanningWindow(window, s, org.bytedeco.opencv.global.opencv_core.CV_32F);
                org.bytedeco.opencv.opencv_core.Point2d shift = org.bytedeco.opencv.global.opencv_imgproc.phaseCorrelate(fa, fb, window, (double[]) null);
                return new double[] {shift.x(), shift.y()};
            }
        }
    }

    public static double change(Mat a, Mat b, Rect r) {
        try (Mat d = new Mat(); Mat ra = a.apply(r); Mat rb = b.apply(r)) {
            absdiff(ra, rb, d);
            return mean(d).get(0);
        }
    }

}
