package io.imageloop.engine.plan;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

import java.io.File;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2Lab;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.Sobel;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;

/**
 * Classical scene analysis for automatic motion: where the sky, water and foliage are, and where
 * faces are. It prefers missing a region to inventing one (a wall that drifts like sky or a face
 * that ripples is worse than a photo that moves less), so each detector has a plausibility check
 * on the whole region, not only per pixel.
 *
 * <ul>
 *   <li>Sky: {@link SkyDetector}, a horizon per column and a pixel-level check above it.</li>
 *   <li>Water: below the horizon, smooth areas whose colour is close to the sky's (reflection),
 *       as wide bands rather than blobs.</li>
 *   <li>Foliage: green, textured pixels.</li>
 *   <li>Faces: OpenCV's frontal-face cascade, run on an equalised grey image.</li>
 * </ul>
 */
final class SceneAnalyzer {

    /** Gradient of L (0..100) per analysis pixel below which the picture counts as smooth. */
    static final double SMOOTH = 3.2;

    private SceneAnalyzer() {
    }

    static SceneMasks analyze(Mat bgr) {
        int w = bgr.cols();
        int h = bgr.rows();
        Features f = Features.of(bgr);
        int[] horizon = SkyDetector.skyLine(f.lab(), f.texture(), w, h);
        Mat sky = new Mat(h, w, CV_8UC1, Scalar.all(0));
        boolean skyFound = SkyDetector.plausibleSky(f.lab(), horizon, w, h);
        if (skyFound) SkyDetector.fill(sky, horizon, f);
        Mat water = skyFound ? water(f.lab(), f.texture(), horizon, w, h) : new Mat(h, w, CV_8UC1, Scalar.all(0));
        Mat foliage = foliage(f.lab(), f.texture(), w, h);
        return new SceneMasks(sky, water, foliage, faces(bgr), w, h);
    }

    /** Per-pixel CIE Lab (interleaved) and texture: the smoothed gradient magnitude of L. */
    record Features(float[] lab, float[] texture) {
        static Features of(Mat bgr) {
            int w = bgr.cols();
            int h = bgr.rows();
            float[] lab = new float[w * h * 3];
            float[] texture = new float[w * h];
            try (Mat f = new Mat(); Mat labMat = new Mat()) {
                bgr.convertTo(f, CV_32FC3, 1 / 255.0, 0);
                cvtColor(f, labMat, COLOR_BGR2Lab);
                ((FloatBuffer) labMat.createBuffer()).get(lab);
                try (MatVector channels = new MatVector(); Mat gx = new Mat(); Mat gy = new Mat(); Mat mag = new Mat(); Size k = new Size(0, 0)) {
                    split(labMat, channels);
                    Sobel(channels.get(0), gx, CV_32F, 1, 0);
                    Sobel(channels.get(0), gy, CV_32F, 0, 1);
                    org.bytedeco.opencv.global.opencv_core.magnitude(gx, gy, mag);
                    mag.convertTo(mag, -1, 0.125, 0); // Sobel's 3x3 kernel sums to 8: back to L units per pixel
                    GaussianBlur(mag, mag, k, 2.0);
                    ((FloatBuffer) mag.createBuffer()).get(texture);
                }
            }
            return new Features(lab, texture);
        }
    }

    /** Smooth areas below the horizon that look like the sky they reflect, kept as wide runs. */
    static Mat water(float[] lab, float[] texture, int[] horizon, int w, int h) {
        double[] skyColour = new double[3];
        long n = 0;
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < horizon[x]; y++) {
                int k = y * w + x;
                for (int c = 0; c < 3; c++) skyColour[c] += lab[3 * k + c];
                n++;
            }
        }
        Mat mask = new Mat(h, w, CV_8UC1, Scalar.all(0));
        if (n == 0) return mask;
        for (int c = 0; c < 3; c++) skyColour[c] /= n;
        java.nio.ByteBuffer b = mask.createBuffer();
        int minRun = w / 6;
        long total = 0;
        for (int y = 0; y < h; y++) {
            int runStart = -1;
            for (int x = 0; x <= w; x++) {
                boolean candidate = false;
                // Water lies under a sky, in the upper half of the ground (a road at the bottom is not a lake).
                if (x < w && horizon[x] > 0 && y > horizon[x] + h * 0.02 && y < horizon[x] + 0.5 * (h - horizon[x])) {
                    int k = y * w + x;
                    double dl = lab[3 * k] - skyColour[0];
                    double da = lab[3 * k + 1] - skyColour[1];
                    double db = lab[3 * k + 2] - skyColour[2];
                    candidate = texture[k] < SMOOTH * 1.5 && Math.sqrt(dl * dl + da * da + db * db) < 22;
                }
                if (candidate && runStart < 0) runStart = x;
                if (!candidate && runStart >= 0) {
                    if (x - runStart >= minRun) {
                        for (int i = runStart; i < x; i++) b.put(y * w + i, (byte) 255);
                        total += x - runStart;
                    }
                    runStart = -1;
                }
            }
        }
        if (total < 0.03 * w * h) mask.put(Scalar.all(0));
        return mask;
    }

    static Mat foliage(float[] lab, float[] texture, int w, int h) {
        Mat mask = new Mat(h, w, CV_8UC1, Scalar.all(0));
        java.nio.ByteBuffer b = mask.createBuffer();
        for (int k = 0; k < w * h; k++) {
            if (lab[3 * k + 1] < -7 && lab[3 * k] > 12 && texture[k] > SMOOTH * 0.6) b.put(k, (byte) 255);
        }
        return mask;
    }

    /** Faces by OpenCV's frontal-face Haar cascade, which ships inside the OpenCV artifact. */
    static List<Rect> faces(Mat bgr) {
        List<Rect> found = new ArrayList<>();
        File cascade = cascadeFile();
        if (cascade == null) return found;
        try (CascadeClassifier classifier = new CascadeClassifier(cascade.getAbsolutePath());
             Mat gray = new Mat(); RectVector rects = new RectVector()) {
            if (classifier.empty()) return found;
            cvtColor(bgr, gray, COLOR_BGR2GRAY);
            equalizeHist(gray, gray);
            int min = Math.max(12, Math.min(bgr.cols(), bgr.rows()) / 20);
            try (Size minSize = new Size(min, min); Size maxSize = new Size()) {
                classifier.detectMultiScale(gray, rects, 1.1, 7, 0, minSize, maxSize);
            }
            for (long i = 0; i < rects.size(); i++) {
                Rect r = rects.get(i);
                if (skinToned(bgr, r)) found.add(new Rect(r.x(), r.y(), r.width(), r.height()));
            }
        }
        return found;
    }

    /**
     * Cascades fire on bark and rocks; a real face has skin in the middle of its box. Skin of any
     * tone sits in a narrow band of hue in Lab: a* and b* both positive, b* not far above a*·2.5.
     */
    static boolean skinToned(Mat bgr, Rect face) {
        int cx = face.x() + face.width() / 4;
        int cy = face.y() + face.height() / 3;
        try (Rect centre = new Rect(cx, cy, Math.max(1, face.width() / 2), Math.max(1, face.height() / 2));
             Mat patch = new Mat(bgr, centre); Mat f = new Mat(); Mat lab = new Mat()) {
            patch.convertTo(f, CV_32FC3, 1 / 255.0, 0);
            cvtColor(f, lab, COLOR_BGR2Lab);
            Scalar mean = org.bytedeco.opencv.global.opencv_core.mean(lab);
            double l = mean.get(0), a = mean.get(1), b = mean.get(2);
            return l > 20 && l < 90 && a > 4 && a < 35 && b > 4 && b < 2.5 * a + 12;
        }
    }

    private static File cascadeFile() {
        try {
            String name = "/org/bytedeco/opencv/" + Loader.getPlatform() + "/share/opencv4/haarcascades/haarcascade_frontalface_default.xml";
            return Loader.cacheResource(SceneAnalyzer.class, name);
        } catch (Exception e) {
            return null;
        }
    }
}
