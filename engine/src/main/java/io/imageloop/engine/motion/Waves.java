package io.imageloop.engine.motion;

import io.imageloop.engine.frame.FrameSize;
import io.imageloop.engine.recipe.Layer;
import io.imageloop.engine.motion.depth.DepthSource;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_core.scaleAdd;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Periodic displacement: the layers that move content back and forth in place (ripples, sway,
 * parallax) as one field, displacement(x, t) = Σ cos(ω_k t)·C_k(x) + sin(ω_k t)·S_k(x), with
 * ω_k = 2π c_k / N and every c_k a whole number of cycles per loop, so frame N is frame 0 again
 * and every step is like any other. Pixels where every term is zero sample their own position
 * exactly, so what does not move stays bit-identical.
 */
final class Waves implements AutoCloseable {

    /** One term: its cycles per loop and the x, y displacement at phase 0 and a quarter cycle on. */
    record Term(int cycles, Mat cosX, Mat cosY, Mat sinX, Mat sinY) implements AutoCloseable {
        @Override
        public void close() {
            for (Mat m : new Mat[] {cosX, cosY, sinX, sinY}) if (m != null) m.close();
        }
    }

    private final List<Term> terms = new ArrayList<>();
    private final FrameSize size;

    Waves(FrameSize size) {
        this.size = size;
    }

    boolean isEmpty() {
        return terms.isEmpty();
    }

    List<Term> terms() {
        return terms;
    }

    /** Largest displacement any layer here can reach, in pixels, for the canvas margin. */
    static double reach(Layer layer, FrameSize frame) {
        double side = Math.max(frame.width(), frame.height());
        if (layer instanceof Layer.Sway s) return swayAmplitude(s.strength()) * side * 1.3;
        if (layer instanceof Layer.Ripple r) return rippleAmplitude(r.strength()) * side * 1.6;
        if (layer instanceof Layer.Parallax p) return parallaxAmplitude(p.strength()) * frame.width() * 1.1;
        return 0;
    }

    /** Sway amplitude at the free tips, as a fraction of the frame's larger side. */
    static double swayAmplitude(double strength) {
        return 0.006 * Math.min(3, strength);
    }

    /** Ripple amplitude nearest the viewer, as a fraction of the frame's larger side. */
    static double rippleAmplitude(double strength) {
        return 0.0022 * Math.min(3, strength);
    }

    /** Parallax camera offset, as a fraction of the frame width. */
    static double parallaxAmplitude(double strength) {
        return 0.012 * Math.min(3, strength);
    }

    /**
     * A sway rooted at one side of its area: zero displacement at the roots (the area's edge on
     * that side, per column or row), growing with distance from them, as a gust that travels
     * across the picture (two wavelengths across it) with a faint second harmonic.
     */
    void sway(Layer.Sway layer, Mat weights, double seconds) {
        int w = size.width();
        int h = size.height();
        boolean vertical = switch (layer.roots().word()) { case "left", "right" -> false; default -> true; };
        double amplitude = swayAmplitude(layer.strength()) * Math.max(w, h);
        int cycles = (int) Math.max(1, Math.round(seconds / 2.5));
        try (Mat bend = rootDistance(weights, layer.roots().word())) {
            Grids.FieldFunction psi = vertical ? (x, y) -> 2 * Math.PI * (2.0 * x / w + 0.35 * y / h)
                    : (x, y) -> 2 * Math.PI * (2.0 * y / h + 0.35 * x / w);
            Mat c1 = Grids.smoothField(w, h, 4, (x, y) -> amplitude * Math.cos(psi.at(x, y)));
            Mat s1 = Grids.smoothField(w, h, 4, (x, y) -> amplitude * Math.sin(psi.at(x, y)));
            Mat c2 = Grids.smoothField(w, h, 4, (x, y) -> 0.25 * amplitude * Math.cos(2.3 * psi.at(x, y) + 1.7));
            Mat s2 = Grids.smoothField(w, h, 4, (x, y) -> 0.25 * amplitude * Math.sin(2.3 * psi.at(x, y) + 1.7));
            for (Mat m : new Mat[] {c1, s1, c2, s2}) multiply(m, bend, m);
            // Content moves by +displacement; the remap samples at position − displacement.
            terms.add(vertical ? new Term(cycles, c1, null, s1, null) : new Term(cycles, null, c1, null, s1));
            terms.add(vertical ? new Term(2 * cycles + 1, c2, null, s2, null) : new Term(2 * cycles + 1, null, c2, null, s2));
        }
    }

    /**
     * How far each pixel is from the roots of its area, 0..1, raised to 1.4 so the base bends
     * little and the tips most; times the area's own weight. Per column (roots at the bottom or
     * top) or per row (left, right): the root line is the area's last covered pixel on that side.
     */
    static Mat rootDistance(Mat weights, String roots) {
        int w = weights.cols();
        int h = weights.rows();
        float[] a = new float[w * h];
        ((FloatBuffer) weights.createBuffer()).get(a);
        boolean columns = roots.equals("bottom") || roots.equals("top");
        int lines = columns ? w : h;
        int length = columns ? h : w;
        double[] root = new double[lines];
        double[] extent = new double[lines];
        for (int i = 0; i < lines; i++) {
            int first = -1;
            int last = -1;
            for (int j = 0; j < length; j++) {
                float v = columns ? a[j * w + i] : a[i * w + j];
                if (v > 0.3f) {
                    if (first < 0) first = j;
                    last = j;
                }
            }
            boolean far = roots.equals("bottom") || roots.equals("right");
            root[i] = first < 0 ? -1 : far ? last : first;
            extent[i] = first < 0 ? 0 : last - first + 1;
        }
        smoothLine(root, extent, Math.max(3, lines / 40));
        float[] d = new float[w * h];
        double minExtent = 0.12 * length;
        for (int i = 0; i < lines; i++) {
            if (root[i] < 0) continue;
            double span = Math.max(minExtent, extent[i]);
            for (int j = 0; j < length; j++) {
                double dist = (roots.equals("bottom") || roots.equals("right")) ? root[i] - j : j - root[i];
                double f = Math.max(0, Math.min(1, dist / span));
                int k = columns ? j * w + i : i * w + j;
                d[k] = (float) (Math.pow(f, 1.4) * a[k]);
            }
        }
        Mat out = new Mat(h, w, CV_32FC1);
        ((FloatBuffer) out.createBuffer()).put(d);
        return out;
    }

    /** Averages the root line and the area's extent over neighbouring lines, so the bend has no jags. */
    private static void smoothLine(double[] root, double[] extent, int half) {
        double[] r = root.clone();
        double[] e = extent.clone();
        for (int i = 0; i < root.length; i++) {
            if (r[i] < 0) continue;
            double sr = 0, se = 0;
            int n = 0;
            for (int k = Math.max(0, i - half); k <= Math.min(root.length - 1, i + half); k++) {
                if (r[k] < 0) continue;
                sr += r[k];
                se += e[k];
                n++;
            }
            root[i] = sr / n;
            extent[i] = se / n;
        }
    }

    /**
     * Ripples on water: wavefronts parallel to the horizon that crowd together towards it (the
     * water surface seen in perspective) and grow towards the viewer, with a slow wobble along
     * them so they never read as ruled lines. Mostly vertical displacement (that is what breaks
     * a reflection into shimmer), a little horizontal.
     */
    void ripple(Layer.Ripple layer, Mat weights, double seconds, long seed) {
        int w = size.width();
        int h = size.height();
        int[] rows = Areas.rows(weights);
        if (rows[1] <= rows[0]) return;
        double top = rows[0];
        double depthSpan = Math.max(1, h - top);
        double amplitude = rippleAmplitude(layer.strength()) * Math.max(w, h);
        Random random = new Random(seed * 31 + 7);
        int base = (int) Math.max(2, Math.round(seconds / 1.5));
        int[] cycles = {base, base + 1, 2 * base + 1};
        double[] wavelengths = {0.035, 0.022, 0.013}; // of the frame's larger side, nearest the viewer
        double[] weightsK = {1.0, 0.6, 0.35};
        for (int k = 0; k < cycles.length; k++) {
            double lambda = wavelengths[k] * Math.max(w, h);
            double slope = (random.nextDouble() - 0.5) * 0.6;
            double wobble = random.nextDouble() * 2 * Math.PI;
            double amp = amplitude * weightsK[k];
            double lam = lambda;
            // Perspective: ground distance grows like 1/p towards the horizon, so the phase does too.
            Grids.FieldFunction phase = (x, y) -> {
                double p = Math.max(0.03, (y - top) / depthSpan);
                double ground = 0.25 * depthSpan / p;
                return 2 * Math.PI * (ground / lam + slope * x / lam * 0.2 + 0.8 * Math.sin(2 * Math.PI * x / (0.6 * w) + wobble));
            };
            Grids.FieldFunction near = (x, y) -> amp * (0.25 + 0.75 * Math.max(0, Math.min(1, (y - top) / depthSpan)));
            Mat cy = Grids.smoothField(w, h, 2, (x, y) -> near.at(x, y) * Math.cos(phase.at(x, y)));
            Mat sy = Grids.smoothField(w, h, 2, (x, y) -> near.at(x, y) * Math.sin(phase.at(x, y)));
            Mat cx = Grids.smoothField(w, h, 4, (x, y) -> 0.35 * near.at(x, y) * Math.sin(phase.at(x, y) + 0.9));
            Mat sx = Grids.smoothField(w, h, 4, (x, y) -> -0.35 * near.at(x, y) * Math.cos(phase.at(x, y) + 0.9));
            for (Mat m : new Mat[] {cx, cy, sx, sy}) multiply(m, weights, m);
            terms.add(new Term(cycles[k], cx, cy, sx, sy));
        }
    }

    /**
     * Parallax: a camera on a small ellipse, once per loop. A pixel nearer than the focal plane
     * (the median depth) follows the camera, a farther one goes against it. Depth is blurred
     * first: a smooth depth bends the picture, a sharp one would tear it at object edges.
     */
    void parallax(Layer.Parallax layer, Mat canvas, Rect frameInCanvas) {
        double ampX = parallaxAmplitude(layer.strength()) * canvas.cols();
        double ampY = ampX * 0.5;
        DepthSource depth = DepthSource.parse(layer.depth());
        try (Mat near = depth.nearness(canvas); Size blur = new Size(0, 0)) {
            GaussianBlur(near, near, blur, Math.max(1.0, 0.01 * canvas.cols()));
            double focal = median(near);
            try (Mat view = near.apply(frameInCanvas)) {
                Mat kx = new Mat();
                Mat ky = new Mat();
                // A pixel at nearness offset k shows the canvas shifted by k·c: near content follows the camera.
                view.convertTo(kx, CV_32FC1, 2.0 * ampX, -2.0 * focal * ampX);
                view.convertTo(ky, CV_32FC1, 2.0 * ampY, -2.0 * focal * ampY);
                terms.add(new Term(1, kx, null, null, ky));
            }
        }
    }

    private static double median(Mat map) {
        int n = (int) Math.min(20_000, map.total());
        float[] all = new float[(int) map.total()];
        ((FloatBuffer) map.createBuffer()).get(all);
        float[] sample = new float[n];
        long step = Math.max(1, all.length / n);
        for (int i = 0; i < n; i++) sample[i] = all[(int) Math.min(all.length - 1, i * step)];
        java.util.Arrays.sort(sample);
        return sample[n / 2];
    }

    /**
     * Pixels that would move by less than {@code epsilon} pixels hold exactly still instead (their
     * displacement eased to zero): near the roots of a sway, at the far edge of a ripple. Nobody
     * sees a twentieth of a pixel, but the encoder does, and still pixels must stay bit-exact.
     */
    void settle(double epsilon) {
        if (terms.isEmpty()) return;
        try (Mat energy = new Mat(size.height(), size.width(), CV_32FC1, Scalar.all(0)); Mat sq = new Mat(); Mat scale = new Mat()) {
            for (Term t : terms) {
                for (Mat m : new Mat[] {t.cosX(), t.cosY(), t.sinX(), t.sinY()}) {
                    if (m == null) continue;
                    multiply(m, m, sq);
                    org.bytedeco.opencv.global.opencv_core.add(energy, sq, energy);
                }
            }
            org.bytedeco.opencv.global.opencv_core.sqrt(energy, energy);
            // scale = max(0, E − ε) / E, with E the largest displacement a pixel reaches.
            energy.convertTo(scale, -1, 1, -epsilon);
            org.bytedeco.opencv.global.opencv_imgproc.threshold(scale, scale, 0, 0, org.bytedeco.opencv.global.opencv_imgproc.THRESH_TOZERO);
            energy.convertTo(energy, -1, 1, 1e-6);
            org.bytedeco.opencv.global.opencv_core.divide(scale, energy, scale);
            scaleBy(scale);
        }
    }

    /** Scales every term by a weight map (e.g. 1 − frozen), so those pixels do not move. */
    void scaleBy(Mat weights) {
        for (Term t : terms) {
            for (Mat m : new Mat[] {t.cosX(), t.cosY(), t.sinX(), t.sinY()}) if (m != null) multiply(m, weights, m);
        }
    }

    /** Writes the displacement at frame t of n into dx, dy (CV_32FC1, size of the field). */
    void displacement(int t, int n, Mat dx, Mat dy) {
        dx.create(size.height(), size.width(), CV_32FC1);
        dy.create(size.height(), size.width(), CV_32FC1);
        dx.put(Scalar.all(0));
        dy.put(Scalar.all(0));
        for (Term term : terms) {
            double omega = 2 * Math.PI * term.cycles() * t / n;
            double c = Math.cos(omega);
            double s = Math.sin(omega);
            if (term.cosX() != null) scaleAdd(term.cosX(), c, dx, dx);
            if (term.sinX() != null) scaleAdd(term.sinX(), s, dx, dx);
            if (term.cosY() != null) scaleAdd(term.cosY(), c, dy, dy);
            if (term.sinY() != null) scaleAdd(term.sinY(), s, dy, dy);
        }
    }

    /** Random smooth field in −1..1 (a few cells across), for phases that differ spot to spot. */
    static Mat noise(FrameSize size, int cells, Random random) {
        int cw = Math.max(2, cells);
        int ch = Math.max(2, (int) Math.round((double) cells * size.height() / size.width()));
        float[] v = new float[cw * ch];
        for (int i = 0; i < v.length; i++) v[i] = (float) (random.nextDouble() * 2 - 1);
        try (Mat coarse = new Mat(ch, cw, CV_32FC1); Size s = new Size(size.width(), size.height())) {
            ((FloatBuffer) coarse.createBuffer()).put(v);
            Mat out = new Mat();
            resize(coarse, out, s, 0, 0, INTER_CUBIC);
            return out;
        }
    }

    @Override
    public void close() {
        terms.forEach(Term::close);
        terms.clear();
    }
}
