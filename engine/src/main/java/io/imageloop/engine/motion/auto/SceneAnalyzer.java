package io.imageloop.engine.motion.auto;

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
 *   <li>Sky: scanning each column down from the top edge while the picture stays smooth and
 *       bright; the horizon line is median-filtered across columns. Accepted only if it covers
 *       enough of the top, is brighter than the ground and is not brick-red or green.</li>
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
        int[] horizon = skyLine(f.lab(), f.texture(), w, h);
        Mat sky = new Mat(h, w, CV_8UC1, Scalar.all(0));
        boolean skyFound = plausibleSky(f.lab(), horizon, w, h);
        if (skyFound) fill(sky, horizon, f);
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

    /**
     * Per column, the horizon. Going down from the top edge, the sky ends at the first sustained
     * dark band (mountains, trees, buildings: darker than half the brightness at the top of the
     * column) or, failing that, at the strongest bright-to-dark step below a smooth stretch. A
     * column whose top is textured, dark, green or brick-coloured has no sky (0).
     * The line is median-filtered across columns.
     */
    static int[] skyLine(float[] lab, float[] texture, int w, int h) {
        int[] line = new int[w];
        int top = Math.max(2, h / 10);
        int darkRun = Math.max(2, (int) (0.03 * h));
        for (int x = 0; x < w; x++) {
            double l = 0, a = 0, b = 0, t = 0;
            for (int y = 0; y < top; y++) {
                int k = y * w + x;
                l += lab[3 * k];
                a += lab[3 * k + 1];
                b += lab[3 * k + 2];
                t += texture[k];
            }
            l /= top;
            a /= top;
            b /= top;
            t /= top;
            boolean skyColoured = l > 25 && a > -8 && !(a > 12 && b > 10 && l < 65);
            if (!skyColoured || t > 2 * SMOOTH) continue;
            double dark = 0.55 * l;
            int run = 0;
            int end = h;
            for (int y = top; y < h; y++) {
                run = lab[3 * (y * w + x)] < dark ? run + 1 : 0;
                if (run >= darkRun) {
                    end = y - run + 1;
                    break;
                }
            }
            if (end == h) continue; // no ground found below: not a sky over land
            line[x] = refine(lab, w, x, end, Math.max(2, h / 30), top);
        }
        capOutliers(line, h);
        fillGaps(line, lab, w, top);
        int[] smooth = new int[w];
        int half = Math.max(2, w / 24);
        for (int x = 0; x < w; x++) {
            int[] window = new int[Math.min(w, x + half + 1) - Math.max(0, x - half)];
            for (int i = 0; i < window.length; i++) window[i] = line[Math.max(0, x - half) + i];
            java.util.Arrays.sort(window);
            smooth[x] = window[window.length / 2];
        }
        return smooth;
    }

    /** A column whose horizon dips far below the typical one found ground late: hold it at the typical line. */
    private static void capOutliers(int[] line, int h) {
        int[] found = java.util.Arrays.stream(line).filter(v -> v > 0).sorted().toArray();
        if (found.length == 0) return;
        int typical = found[found.length / 2];
        int limit = typical + (int) (0.12 * h);
        for (int x = 0; x < line.length; x++) line[x] = Math.min(line[x], limit);
    }

    /**
     * Narrow runs of columns without sky between columns with sky (the sun, a bright cloud) are
     * filled when the top of the gap has the colour of the sky beside it; a tower or a wall does not.
     */
    private static void fillGaps(int[] line, float[] lab, int w, int top) {
        int x = 0;
        while (x < w) {
            if (line[x] != 0) {
                x++;
                continue;
            }
            int start = x;
            while (x < w && line[x] == 0) x++;
            if (start == 0 || x == w || x - start > w / 4) continue;
            int left = start - 1;
            int right = x;
            double[] gap = topColour(lab, w, start, x, top);
            double[] sides = topColour(lab, w, left, left + 1, top);
            double[] other = topColour(lab, w, right, right + 1, top);
            for (int c = 0; c < 3; c++) sides[c] = (sides[c] + other[c]) / 2;
            double de = Math.sqrt(Math.pow(gap[0] - sides[0], 2) + Math.pow(gap[1] - sides[1], 2) + Math.pow(gap[2] - sides[2], 2));
            boolean brighter = gap[0] > Math.min(sides[0], other[0]) - 10;
            if (de > 25 && !brighter) continue; // the sun or a lit cloud is brighter than the sky beside it; a tower is not
            for (int i = start; i < x; i++) {
                double f = (double) (i - left) / (right - left);
                line[i] = (int) Math.round(line[left] + f * (line[right] - line[left]));
            }
        }
    }

    private static double[] topColour(float[] lab, int w, int x0, int x1, int top) {
        double[] sum = new double[3];
        int n = 0;
        for (int y = 0; y < top; y++) {
            for (int x = x0; x < x1; x++) {
                int k = y * w + x;
                for (int c = 0; c < 3; c++) sum[c] += lab[3 * k + c];
                n++;
            }
        }
        for (int c = 0; c < 3; c++) sum[c] /= Math.max(1, n);
        return sum;
    }

    /** The row of the steepest darkening within ±span rows of a guess (never above minRow). */
    private static int refine(float[] lab, int w, int x, int guess, int span, int minRow) {
        int best = guess;
        double steepest = 0;
        int h = lab.length / 3 / w;
        for (int y = Math.max(minRow, guess - span); y < Math.min(h - 1, guess + span); y++) {
            double drop = lab[3 * ((y - 1) * w + x)] - lab[3 * ((y + 1) * w + x)];
            if (drop > steepest) {
                steepest = drop;
                best = y;
            }
        }
        return best;
    }

    static boolean plausibleSky(float[] lab, int[] horizon, int w, int h) {
        long skyPixels = 0;
        double skyL = 0, skyA = 0, skyB = 0, groundL = 0;
        long groundPixels = 0;
        int coveredColumns = 0;
        for (int x = 0; x < w; x++) {
            if (horizon[x] > h * 0.08) coveredColumns++;
            for (int y = 0; y < h; y++) {
                int k = y * w + x;
                if (y < horizon[x]) {
                    skyPixels++;
                    skyL += lab[3 * k];
                    skyA += lab[3 * k + 1];
                    skyB += lab[3 * k + 2];
                } else {
                    groundPixels++;
                    groundL += lab[3 * k];
                }
            }
        }
        if (skyPixels < 0.08 * w * h || coveredColumns < 0.6 * w || groundPixels == 0) return false;
        skyL /= skyPixels;
        skyA /= skyPixels;
        skyB /= skyPixels;
        groundL /= groundPixels;
        boolean brighter = skyL > groundL + 4;
        boolean brick = skyA > 14 && skyL < 62;
        boolean green = skyA < -8;
        return brighter && !brick && !green;
    }

    /**
     * Marks sky above the horizon line, pixel by pixel: only pixels that are themselves plausible
     * sky (not dark against the sky's brightness, not brick-red, not green, not strongly textured)
     * and connected to the top edge through such pixels. Roof corners and walls that the column
     * scan let through drop out here.
     */
    private static void fill(Mat mask, int[] horizon, Features f) {
        int w = mask.cols();
        int h = mask.rows();
        float[] lab = f.lab();
        double[] tops = new double[w];
        int n = 0;
        for (int x = 0; x < w; x++) if (horizon[x] > 0) tops[n++] = lab[3 * x];
        double[] sorted = java.util.Arrays.copyOf(tops, n);
        java.util.Arrays.sort(sorted);
        double dark = n == 0 ? 0 : 0.55 * sorted[n / 2];
        boolean[] ok = new boolean[w * h];
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < horizon[x]; y++) {
                int k = y * w + x;
                double l = lab[3 * k], a = lab[3 * k + 1], b = lab[3 * k + 2];
                ok[k] = l > dark && a > -8 && !(a > 12 && b > 10 && l < 65) && f.texture()[k] < 2.5 * SMOOTH;
            }
        }
        boolean[] sky = new boolean[w * h];
        boolean[] open = ok.clone();
        java.util.List<Integer> seeds = new java.util.ArrayList<>();
        for (int x = 0; x < w; x++) if (open[x]) seeds.add(x);
        flood(seeds, open, sky, w, h);
        // Holes in the sky (clouds, the sun) are sky too: whatever non-sky area the ground cannot
        // reach without crossing sky is enclosed by it.
        boolean[] notSky = new boolean[w * h];
        for (int k = 0; k < w * h; k++) notSky[k] = !sky[k];
        boolean[] ground = new boolean[w * h];
        seeds.clear();
        for (int x = 0; x < w; x++) {
            for (int y = horizon[x]; y < h; y++) seeds.add(y * w + x);
        }
        flood(seeds, notSky, ground, w, h);
        java.nio.ByteBuffer out = mask.createBuffer();
        for (int k = 0; k < w * h; k++) if (!ground[k]) out.put(k, (byte) 255);
    }

    /** 4-connected flood fill from the seeds through {@code open} pixels, marking {@code reached}. */
    private static void flood(java.util.List<Integer> seeds, boolean[] open, boolean[] reached, int w, int h) {
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        for (int k : seeds) {
            if (open[k]) {
                open[k] = false;
                queue.add(k);
            }
        }
        while (!queue.isEmpty()) {
            int k = queue.poll();
            reached[k] = true;
            int x = k % w;
            int y = k / w;
            if (x > 0 && open[k - 1]) { open[k - 1] = false; queue.add(k - 1); }
            if (x + 1 < w && open[k + 1]) { open[k + 1] = false; queue.add(k + 1); }
            if (y > 0 && open[k - w]) { open[k - w] = false; queue.add(k - w); }
            if (y + 1 < h && open[k + w]) { open[k + w] = false; queue.add(k + w); }
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
