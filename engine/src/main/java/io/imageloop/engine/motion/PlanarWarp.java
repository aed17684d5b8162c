package io.imageloop.engine.motion;

import io.imageloop.engine.frame.FrameSize;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.nio.DoubleBuffer;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT_101;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2YUV_I420;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_YUV2BGR_I420;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.WARP_INVERSE_MAP;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

/**
 * A bicubic scale-and-shift done on I420 planes: luma at full size, the two chroma planes at
 * quarter size. The video ends up 4:2:0 anyway, so sampling chroma at full size is work nobody
 * sees; on a 1080p frame this takes two thirds of the time of warping BGR, conversions included.
 */
final class PlanarWarp implements AutoCloseable {

    private final Mat source = new Mat();
    private final Mat target;
    private final FrameSize frame;
    private final Mat luma = new Mat(2, 3, CV_64F);
    private final Mat chroma = new Mat(2, 3, CV_64F);
    private int width;
    private int height;

    PlanarWarp(FrameSize frame) {
        this.frame = frame;
        this.target = new Mat(frame.height() * 3 / 2, frame.width(), CV_8UC1);
    }

    /** Takes a new source picture (cropped to even dimensions, as I420 needs). */
    void load(Mat bgr) {
        width = bgr.cols() & ~1;
        height = bgr.rows() & ~1;
        try (Rect even = new Rect(0, 0, width, height); Mat view = bgr.apply(even)) {
            cvtColor(view, source, COLOR_BGR2YUV_I420);
        }
    }

    /**
     * Samples the source at {@code x_src = s * x_dst + tx} (luma pixel coordinates, likewise y)
     * into {@code dst} as BGR at the frame size.
     */
    void warp(double s, double tx, double ty, Mat dst) {
        ((DoubleBuffer) luma.createBuffer()).put(new double[] {s, 0, tx, 0, s, ty});
        // A chroma sample i sits at luma position 2i + 0.5; the same map in chroma coordinates:
        ((DoubleBuffer) chroma.createBuffer()).put(new double[] {s, 0, (0.5 * s + tx - 0.5) / 2, 0, s, (0.5 * s + ty - 0.5) / 2});
        int w = frame.width();
        int h = frame.height();
        try (Mat srcY = plane(source, width, height, 0, 1); Mat srcU = plane(source, width, height, 1, 2); Mat srcV = plane(source, width, height, 2, 2);
             Mat dstY = plane(target, w, h, 0, 1); Mat dstU = plane(target, w, h, 1, 2); Mat dstV = plane(target, w, h, 2, 2);
             Size full = new Size(w, h); Size half = new Size(w / 2, h / 2); Scalar border = new Scalar()) {
            warpAffine(srcY, dstY, luma, full, INTER_CUBIC | WARP_INVERSE_MAP, BORDER_REFLECT_101, border);
            warpAffine(srcU, dstU, chroma, half, INTER_CUBIC | WARP_INVERSE_MAP, BORDER_REFLECT_101, border);
            warpAffine(srcV, dstV, chroma, half, INTER_CUBIC | WARP_INVERSE_MAP, BORDER_REFLECT_101, border);
        }
        cvtColor(target, dst, COLOR_YUV2BGR_I420);
    }

    /** Plane 0 (Y), 1 (U) or 2 (V) of an I420 buffer of a w x h picture, as a Mat over its bytes. */
    private static Mat plane(Mat i420, int w, int h, int index, int divisor) {
        long offset = index == 0 ? 0 : (long) w * h + (index - 1) * (long) (w / 2) * (h / 2);
        BytePointer start = i420.data().getPointer(offset);
        return new Mat(h / divisor, w / divisor, CV_8UC1, start);
    }

    @Override
    public void close() {
        source.close();
        target.close();
        luma.close();
        chroma.close();
    }
}
