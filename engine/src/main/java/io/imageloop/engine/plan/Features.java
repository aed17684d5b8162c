package io.imageloop.engine.plan;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Size;

import java.nio.FloatBuffer;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2Lab;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.Sobel;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

/**
 * What the detectors look at, per pixel of the analysis copy: CIE Lab colour, texture (the
 * smoothed gradient magnitude of L, in L units per pixel), and the local structure tensor of L,
 * which says how strongly oriented the texture is (coherence 0..1) and which way its strokes run
 * (grass blades and reeds run up and down, ripples and reflections lie flat).
 *
 * @param lab       interleaved L (0..100), a, b
 * @param texture   smoothed |∇L|
 * @param fine      |∇L| smoothed less: thin strokes (blades, reeds) still count
 * @param coherence (λ1 − λ2) / (λ1 + λ2) of the structure tensor
 * @param upright   how much the strokes run vertically: Jxx / (Jxx + Jyy), 1 = vertical strokes
 */
record Features(int width, int height, float[] lab, float[] texture, float[] fine, float[] coherence, float[] upright) {

    static Features of(Mat bgr) {
        int w = bgr.cols();
        int h = bgr.rows();
        int n = w * h;
        float[] lab = new float[n * 3];
        float[] texture = new float[n];
        float[] fine = new float[n];
        float[] coherence = new float[n];
        float[] upright = new float[n];
        try (Mat f = new Mat(); Mat labMat = new Mat(); MatVector channels = new MatVector(); Mat gx = new Mat(); Mat gy = new Mat();
             Mat mag = new Mat(); Mat xx = new Mat(); Mat yy = new Mat(); Mat xy = new Mat(); Size k = new Size(0, 0)) {
            bgr.convertTo(f, CV_32FC3, 1 / 255.0, 0);
            cvtColor(f, labMat, COLOR_BGR2Lab);
            ((FloatBuffer) labMat.createBuffer()).get(lab);
            split(labMat, channels);
            Sobel(channels.get(0), gx, CV_32F, 1, 0);
            Sobel(channels.get(0), gy, CV_32F, 0, 1);
            gx.convertTo(gx, -1, 0.125, 0); // Sobel's 3x3 kernel sums to 8: back to L units per pixel
            gy.convertTo(gy, -1, 0.125, 0);
            org.bytedeco.opencv.global.opencv_core.magnitude(gx, gy, mag);
            try (Mat fineMag = new Mat()) {
                GaussianBlur(mag, fineMag, k, 0.8);
                ((FloatBuffer) fineMag.createBuffer()).get(fine);
            }
            GaussianBlur(mag, mag, k, 2.0);
            ((FloatBuffer) mag.createBuffer()).get(texture);
            multiply(gx, gx, xx);
            multiply(gy, gy, yy);
            multiply(gx, gy, xy);
            GaussianBlur(xx, xx, k, 2.5);
            GaussianBlur(yy, yy, k, 2.5);
            GaussianBlur(xy, xy, k, 2.5);
            float[] a = new float[n];
            float[] b = new float[n];
            float[] c = new float[n];
            ((FloatBuffer) xx.createBuffer()).get(a);
            ((FloatBuffer) yy.createBuffer()).get(b);
            ((FloatBuffer) xy.createBuffer()).get(c);
            for (int i = 0; i < n; i++) {
                double trace = a[i] + b[i] + 1e-6;
                double diff = Math.sqrt((a[i] - b[i]) * (a[i] - b[i]) + 4 * c[i] * c[i]);
                coherence[i] = (float) (diff / trace);
                upright[i] = (float) (a[i] / trace);
            }
        }
        return new Features(w, h, lab, texture, fine, coherence, upright);
    }

    double l(int i) {
        return lab[3 * i];
    }

    double a(int i) {
        return lab[3 * i + 1];
    }

    double b(int i) {
        return lab[3 * i + 2];
    }

    double chroma(int i) {
        return Math.hypot(lab[3 * i + 1], lab[3 * i + 2]);
    }

    /** The median lightness of the whole picture. */
    double medianL() {
        float[] l = new float[width * height];
        for (int i = 0; i < l.length; i++) l[i] = lab[3 * i];
        java.util.Arrays.sort(l);
        return l[l.length / 2];
    }
}
