package io.imageloop.engine.plan;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Grass, reeds and crops versus leaves. Grass is fine, strongly oriented texture whose strokes
 * run up and down (blades, stems), in plant colours: green, or the yellows and tans of dry grass
 * and reeds. Foliage is
 * green, textured and not oriented (crowns of trees, bushes).
 */
final class Vegetation {

    private Vegetation() {
    }

    static boolean[] grass(Features f, int[] horizon, boolean[] sky, boolean[] white, boolean[] structure) {
        int w = f.width();
        int h = f.height();
        boolean[] out = new boolean[w * h];
        long count = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int k = y * w + x;
                if (sky[k] || white[k] || structure[k]) continue;
                boolean ground = horizon[x] > 0 ? y > horizon[x] - 0.02 * h : y > 0.25 * h;
                if (!ground) continue;
                double l = f.l(k), a = f.a(k), b = f.b(k);
                // Green, or the saturated yellows and tans of dry grass, reeds and crops.
                // (A hazy city's teal shadows are greenish too, but grey: plants have some chroma.)
                boolean plant = a < -6 && Math.hypot(a, b) > 10 && l > 15 || b > 20 && Math.hypot(a, b) > 22 && a < 16 && a > -20 && l > 25;
                // Strokes that run up, or lean (windblown blades), but do not lie flat.
                boolean stems = f.upright()[k] > 0.4 && f.coherence()[k] > 0.3;
                boolean fine = f.fine()[k] > 3.0;
                if (plant && stems && fine) {
                    out[k] = true;
                    count++;
                }
            }
        }
        if (count < 0.02 * w * h) java.util.Arrays.fill(out, false);
        return out;
    }

    static boolean[] foliage(Features f, boolean[] grass, boolean[] structure) {
        int n = f.width() * f.height();
        boolean[] out = new boolean[n];
        for (int k = 0; k < n; k++) {
            if (!grass[k] && !structure[k] && f.a(k) < -7 && f.chroma(k) > 12 && f.l(k) > 12 && f.texture()[k] > SceneAnalyzer.SMOOTH * 0.6) out[k] = true;
        }
        return out;
    }

    /**
     * Lamps, lit windows, floodlit stone and their reflections in a night scene: pixels much
     * brighter than their surroundings in a dark picture. A bright sky at dusk is not a lamp:
     * it is not brighter than what is around it.
     */
    static boolean[] lights(Features f, double[] surround) {
        int w = f.width();
        int h = f.height();
        int n = w * h;
        boolean[] out = new boolean[n];
        if (f.medianL() > 38) return out;
        for (int k = 0; k < n; k++) out[k] = f.l(k) > 82 && f.l(k) - surround[k] > 24;
        // A lamp is a spot: a sunlit hull or a floodlit wall is a surface, and stays as it is.
        try (Mat m = SceneAnalyzer.mat(out, w, h); Mat labels = new Mat()) {
            int count = org.bytedeco.opencv.global.opencv_imgproc.connectedComponents(m, labels);
            int[] label = new int[n];
            ((java.nio.IntBuffer) labels.createBuffer()).get(label);
            long[] area = new long[count];
            for (int l : label) area[l]++;
            long kept = 0;
            for (int i = 0; i < n; i++) {
                out[i] = label[i] > 0 && area[label[i]] <= 0.004 * n;
                if (out[i]) kept++;
            }
            if (kept < 0.002 * n) java.util.Arrays.fill(out, false);
        }
        return out;
    }
}
