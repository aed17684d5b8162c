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
        boolean[] none = new boolean[w * h];
        boolean[] mirror = Water.calm(f, horizon, none);
        boolean skyFound = SkyDetector.plausibleSky(f.lab(), horizon, w, h, mirror);
        Mat sky = new Mat(h, w, CV_8UC1, Scalar.all(0));
        if (skyFound) SkyDetector.fill(sky, horizon, f);
        else java.util.Arrays.fill(horizon, 0);
        boolean[] structure;
        try (Mat lines = Structure.of(bgr)) {
            structure = pixels(lines);
        }
        try (Mat upright = Structure.of(bgr, false)) {
            holdSharpThingsOutOfTheSky(sky, f, pixels(upright), w, h);
        }
        boolean[] skyPx = pixels(sky);
        boolean[] white = Water.white(f, horizon, skyPx, structure);
        boolean[] grass = Vegetation.grass(f, horizon, skyPx, white, structure);
        boolean[] excluded = new boolean[w * h];
        for (int k = 0; k < excluded.length; k++) excluded[k] = skyPx[k] || white[k] || grass[k];
        boolean[] calm = Water.calm(f, horizon, excluded);
        grass = withoutStructure(field(grass, skyPx, calm, w, h), structure, w, h);
        boolean[] foliage = largeOnly(withoutStructure(Vegetation.foliage(f, or(grass, calm), structure), structure, w, h), 0.015, w, h);
        boolean[] lights = Vegetation.lights(f, surround(f, w, h));
        double cloudTexture = meanTexture(f, skyPx);
        return new SceneMasks(sky, mat(calm, w, h), mat(white, w, h), mat(grass, w, h), mat(foliage, w, h), mat(lights, w, h),
                faces(bgr), w, h, cloudTexture, Water.flowDegrees(f, white), Subjects.productObject(f));
    }

    /**
     * Grass as a field rather than as blades: the detected strokes closed into the stretch of
     * ground they grow on (a blurred foreground between sharp blades sways with them), never
     * reaching into the sky or the water.
     */
    private static boolean[] field(boolean[] grass, boolean[] sky, boolean[] water, int w, int h) {
        try (Mat m = mat(grass, w, h); Size k = new Size(Math.max(5, w / 20), Math.max(5, w / 20));
             Mat kernel = org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement(org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE, k)) {
            org.bytedeco.opencv.global.opencv_imgproc.morphologyEx(m, m, org.bytedeco.opencv.global.opencv_imgproc.MORPH_CLOSE, kernel);
            boolean[] out = pixels(m);
            for (int i = 0; i < out.length; i++) out[i] &= !sky[i] && !water[i];
            return out;
        }
    }

    /**
     * Drops the regions of a mask that are criss-crossed by straight edges: a stretch of
     * "grass" or "leaves" in which more than one pixel in fourteen lies near a long straight line is
     * a facade, a fence or a row of trunks.
     */
    private static boolean[] withoutStructure(boolean[] mask, boolean[] structure, int w, int h) {
        try (Mat m = mat(mask, w, h); Mat labels = new Mat()) {
            int n = org.bytedeco.opencv.global.opencv_imgproc.connectedComponents(m, labels);
            int[] label = new int[w * h];
            ((java.nio.IntBuffer) labels.createBuffer()).get(label);
            long[] area = new long[n];
            long[] lined = new long[n];
            for (int i = 0; i < label.length; i++) {
                area[label[i]]++;
                if (structure[i]) lined[label[i]]++;
            }
            boolean[] out = mask.clone();
            for (int i = 0; i < label.length; i++) {
                int l = label[i];
                if (l > 0 && lined[l] > area[l] / 14) out[i] = false;
            }
            return out;
        }
    }

    /**
     * A tower against the sky, or grass blades in front of it, must not drift with the clouds:
     * detail much sharper than the sky's own and upright straight edges (level ones are often
     * cloud banks) are taken out of the sky, with a pixel of margin, and the mattes then follow
     * their outline at full resolution.
     */
    private static void holdSharpThingsOutOfTheSky(Mat sky, Features f, boolean[] upright, int w, int h) {
        // Sharp against this sky: dramatic clouds have crisp edges too, so the bar is the sky's own detail.
        boolean[] inSky = pixels(sky);
        double[] detail = java.util.stream.IntStream.range(0, inSky.length).filter(k -> inSky[k]).mapToDouble(k -> f.fine()[k]).sorted().toArray();
        double bar = detail.length == 0 ? 3.5 : Math.max(3.5, 3.0 * detail[detail.length / 2]);
        boolean[] candidate = new boolean[w * h];
        for (int k = 0; k < candidate.length; k++) candidate[k] = inSky[k] && (upright[k] || f.fine()[k] > bar);
        // Only what rises from the ground: sharp pixels reached from below, through sharp pixels.
        // A crisp cloud edge in mid-sky is still cloud, and drifts with the rest.
        boolean[] sharp = new boolean[w * h];
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        for (int y = 0; y + 1 < h; y++) {
            for (int x = 0; x < w; x++) {
                int k = y * w + x;
                if (candidate[k] && !inSky[k + w]) {
                    sharp[k] = true;
                    queue.add(k);
                }
            }
        }
        while (!queue.isEmpty()) {
            int k = queue.poll();
            int x = k % w;
            for (int n : new int[] {k - w, k - 1, k + 1, k + w}) {
                if (n < 0 || n >= w * h || sharp[n] || !candidate[n]) continue;
                if ((n == k - 1 && x == 0) || (n == k + 1 && x == w - 1)) continue;
                sharp[n] = true;
                queue.add(n);
            }
        }
        try (Mat m = mat(sharp, w, h); Size k = new Size(3, 3);
             Mat kernel = org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement(org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE, k)) {
            org.bytedeco.opencv.global.opencv_imgproc.dilate(m, m, kernel);
            org.bytedeco.opencv.global.opencv_core.bitwise_not(m, m);
            org.bytedeco.opencv.global.opencv_core.bitwise_and(sky, m, sky);
        }
    }

    /** Keeps the connected regions of a mask that cover at least {@code share} of the picture. */
    private static boolean[] largeOnly(boolean[] mask, double share, int w, int h) {
        try (Mat m = mat(mask, w, h); Mat labels = new Mat()) {
            int n = org.bytedeco.opencv.global.opencv_imgproc.connectedComponents(m, labels);
            int[] label = new int[w * h];
            ((java.nio.IntBuffer) labels.createBuffer()).get(label);
            long[] area = new long[n];
            for (int l : label) area[l]++;
            boolean[] out = mask.clone();
            for (int i = 0; i < label.length; i++) if (label[i] > 0 && area[label[i]] < share * w * h) out[i] = false;
            return out;
        }
    }

    /** Mean lightness around each pixel (a wide blur of L): what a light stands out against. */
    private static double[] surround(Features f, int w, int h) {
        float[] l = new float[w * h];
        for (int i = 0; i < l.length; i++) l[i] = (float) f.l(i);
        try (Mat m = new Mat(h, w, org.bytedeco.opencv.global.opencv_core.CV_32FC1); Size k = new Size(0, 0)) {
            ((FloatBuffer) m.createBuffer()).put(l);
            GaussianBlur(m, m, k, Math.max(3, Math.min(w, h) / 25.0));
            ((FloatBuffer) m.createBuffer()).get(l);
        }
        double[] out = new double[l.length];
        for (int i = 0; i < l.length; i++) out[i] = l[i];
        return out;
    }

    private static double meanTexture(Features f, boolean[] mask) {
        double sum = 0;
        long n = 0;
        for (int k = 0; k < mask.length; k++) {
            if (mask[k]) {
                sum += f.texture()[k];
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    private static boolean[] or(boolean[] a, boolean[] b) {
        boolean[] out = new boolean[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[i] || b[i];
        return out;
    }

    static boolean[] pixels(Mat mask) {
        byte[] b = new byte[(int) mask.total()];
        ((java.nio.ByteBuffer) mask.createBuffer()).get(b);
        boolean[] out = new boolean[b.length];
        for (int i = 0; i < b.length; i++) out[i] = b[i] != 0;
        return out;
    }

    static Mat mat(boolean[] px, int w, int h) {
        byte[] b = new byte[px.length];
        for (int i = 0; i < px.length; i++) b[i] = px[i] ? (byte) 255 : 0;
        Mat m = new Mat(h, w, CV_8UC1);
        ((java.nio.ByteBuffer) m.createBuffer()).put(b);
        return m;
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
