package io.imageloop.engine.encode;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Size;

import java.nio.FloatBuffer;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_core.transform;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * 8-bit BGR to I420 with the BT.709 matrix in limited (studio) range, as HD video is specified
 * and players assume for it. OpenCV's own conversion is BT.601 only. Luma and chroma come from
 * one SIMD matrix transform; chroma is then averaged over each 2x2 block (centred siting, the
 * average of the four pixels it covers).
 */
public final class Bt709 {

    /** Rows: Y, Cb, Cr; columns: B, G, R, offset (Kr = 0.2126, Kb = 0.0722; 219 and 224 levels). */
    private static final float[] MATRIX = {
            0.062007f, 0.614231f, 0.182586f, 16f,
            0.439216f, -0.338572f, -0.100644f, 128f,
            -0.040274f, -0.398942f, 0.439216f, 128f,
    };

    private Bt709() {
    }

    /** Writes {@code bgr} (even width and height) as one I420 buffer (w x h*3/2, 8-bit) into {@code i420}. */
    public static void toI420(Mat bgr, Mat i420) {
        int w = bgr.cols();
        int h = bgr.rows();
        i420.create(h * 3 / 2, w, CV_8UC1);
        try (Mat m = matrix(); Mat ycc = new Mat(); MatVector planes = new MatVector();
             Mat y = plane(i420, w, h, 0); Mat u = plane(i420, w, h, 1); Mat v = plane(i420, w, h, 2); Size half = new Size(w / 2, h / 2)) {
            transform(bgr, ycc, m);
            split(ycc, planes);
            planes.get(0).copyTo(y);
            resize(planes.get(1), u, half, 0, 0, INTER_AREA);
            resize(planes.get(2), v, half, 0, 0, INTER_AREA);
        }
    }

    private static Mat matrix() {
        Mat m = new Mat(3, 4, CV_32F);
        ((FloatBuffer) m.createBuffer()).put(MATRIX);
        return m;
    }

    /** Plane 0 (Y), 1 (U) or 2 (V) of an I420 buffer as a Mat over its bytes. */
    static Mat plane(Mat i420, int w, int h, int index) {
        long offset = index == 0 ? 0 : (long) w * h + (index - 1) * (long) (w / 2) * (h / 2);
        BytePointer start = i420.data().getPointer(offset);
        return index == 0 ? new Mat(h, w, CV_8UC1, start) : new Mat(h / 2, w / 2, CV_8UC1, start);
    }
}
