package io.imageloop.engine.plan;

/**
 * Where the photo shows water, and which kind. Calm water is found by what it does: it mirrors
 * what stands above it. Along vertical strips, the water line is the row about which the picture
 * is most nearly symmetric; below it, pixels that match their mirror image (and stay smooth) are
 * water. White water (falls, rapids, surf) is bright, colourless and textured ground.
 */
final class Water {

    private Water() {
    }

    /** Calm, reflective water, as a mask (1 = water) over the analysis picture; all 0 if none. */
    static boolean[] calm(Features f, int[] horizon, boolean[] excluded) {
        int w = f.width();
        int h = f.height();
        boolean[] water = new boolean[w * h];
        int strip = Math.max(4, w / 48);
        int strips = (w + strip - 1) / strip;
        int[] axis = new int[strips];
        double[] score = new double[strips];
        for (int s = 0; s < strips; s++) {
            int x0 = s * strip;
            int x1 = Math.min(w, x0 + strip);
            double[] profile = new double[h];
            for (int y = 0; y < h; y++) {
                double sum = 0;
                for (int x = x0; x < x1; x++) sum += f.l(y * w + x);
                profile[y] = sum / (x1 - x0);
            }
            int top = 0;
            for (int x = x0; x < x1; x++) top = Math.max(top, horizon[x]);
            int from = Math.max(top + 1, (int) (0.18 * h));
            axis[s] = -1;
            score[s] = 0;
            for (int a = from; a < (int) (0.9 * h); a++) {
                // Reflections are darker than what they mirror and can be short (a strip of lake
                // under hills): compare the shape of the profile, over the best of a few spans.
                for (double spanFraction : new double[] {0.06, 0.12, 0.2, 0.3}) {
                    int span = Math.min(Math.min(a, h - 1 - a), (int) (spanFraction * h));
                    if (span < Math.max(4, h / 30)) continue;
                    double r = correlation(profile, a, span);
                    if (r > score[s]) {
                        score[s] = r;
                        axis[s] = a;
                    }
                }
            }
        }
        int[] found = java.util.stream.IntStream.range(0, strips).filter(s -> axis[s] > 0 && score[s] > MIRROR).map(s -> axis[s]).sorted().toArray();
        if (found.length < Math.max(3, strips / 4)) return water;
        int typical = found[found.length / 2];
        // Water meets the land near where the sky does (a lake under hills, the sea at the
        // horizon); a mirror-like stretch far below it is a road or a table, not water.
        int[] line = java.util.Arrays.stream(horizon).filter(v -> v > 0).sorted().toArray();
        if (line.length < w / 2) return water;
        int skyline = line[line.length / 2];
        if (typical < skyline - 0.05 * h || typical > skyline + 0.25 * h) return water;
        int tolerance = (int) Math.max(3, 0.08 * h);
        long count = 0;
        for (int s = 0; s < strips; s++) {
            // Where enough strips agree on the water line, every strip is tested against it: the
            // pixels decide, not the strip's own (noisier) guess.
            int a = axis[s] > 0 && score[s] > MIRROR && Math.abs(axis[s] - typical) <= tolerance ? axis[s] : typical;
            for (int x = s * strip; x < Math.min(w, (s + 1) * strip); x++) {
                boolean open = true;
                for (int y = a; y < h && open; y++) {
                    int k = y * w + x;
                    int m = 2 * a - y;
                    boolean matches;
                    if (m >= 0) {
                        matches = mirrors(f, k, m * w + x) && f.texture()[k] < 2.5 * SceneAnalyzer.SMOOTH;
                    } else {
                        // Beyond the mirror of the picture's top: smooth continuation of the water above.
                        int above = (y - 1) * w + x;
                        matches = water[above] && f.texture()[k] < 1.5 * SceneAnalyzer.SMOOTH
                                && Math.abs(f.l(k) - f.l(above)) < 4;
                    }
                    if (matches && !excluded[k]) {
                        water[k] = true;
                        count++;
                    } else if (y - a > 0.04 * h && !matches) {
                        // A run of mismatches ends the water in this column (a boat is a gap, the shore an end).
                        int misses = 0;
                        for (int yy = y; yy < Math.min(h, y + (int) (0.05 * h)); yy++) {
                            int kk = yy * w + x;
                            int mm = 2 * a - yy;
                            if (mm < 0) break;
                            if (!mirrors(f, kk, mm * w + x)) misses++;
                        }
                        open = misses < 0.8 * 0.05 * h;
                    }
                }
            }
        }
        keepWide(water, w, h);
        count = 0;
        for (boolean b : water) if (b) count++;
        if (count < 0.02 * w * h) java.util.Arrays.fill(water, false);
        return water;
    }

    /** Water lies wide: runs narrower than a twelfth of the picture (a wall's stripe, a trunk) are dropped. */
    private static void keepWide(boolean[] water, int w, int h) {
        int min = Math.max(4, w / 12);
        for (int y = 0; y < h; y++) {
            int start = -1;
            for (int x = 0; x <= w; x++) {
                boolean on = x < w && water[y * w + x];
                if (on && start < 0) start = x;
                if (!on && start >= 0) {
                    if (x - start < min) for (int i = start; i < x; i++) water[y * w + i] = false;
                    start = -1;
                }
            }
        }
    }

    /** A strip's profile mirrored about a row must correlate at least this well to be a reflection. */
    static final double MIRROR = 0.85;

    /**
     * Pearson correlation of the profile above row a (read upwards) with the profile below it
     * (read downwards), over {@code span} rows; 0 for a profile too flat to tell anything by.
     */
    static double correlation(double[] p, int a, int span) {
        double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        for (int d = 1; d <= span; d++) {
            double u = p[a - d];
            double v = p[a + d];
            sa += u;
            sb += v;
            saa += u * u;
            sbb += v * v;
            sab += u * v;
        }
        double va = saa / span - sq(sa / span);
        double vb = sbb / span - sq(sb / span);
        if (va < 4 || vb < 1) return 0; // less than 2 L units of variation: a uniform wall mirrors itself
        return (sab / span - (sa / span) * (sb / span)) / Math.sqrt(va * vb);
    }

    /** Whether pixel k looks like the reflection of pixel m: the same hue, as bright or somewhat darker. */
    static boolean mirrors(Features f, int k, int m) {
        double dab = Math.hypot(f.a(k) - f.a(m), f.b(k) - f.b(m));
        double ratio = (f.l(k) + 3) / (f.l(m) + 3);
        return dab < 14 && ratio > 0.45 && ratio < 1.1;
    }

    /** Bright, colourless, textured ground: falls, rapids, surf. */
    static boolean[] white(Features f, int[] horizon, boolean[] sky, boolean[] structure) {
        int w = f.width();
        int h = f.height();
        boolean[] white = new boolean[w * h];
        long count = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int k = y * w + x;
                boolean ground = horizon[x] > 0 ? y > horizon[x] : y > 0.3 * h;
                if (!ground || sky[k] || structure[k]) continue;
                // Foam and falling water are streaked (coherent texture); concrete, rock and fog are not.
                if (f.l(k) > 62 && f.chroma(k) < 16 && f.texture()[k] > 0.9 && f.texture()[k] < 9 && f.coherence()[k] > 0.35) {
                    white[k] = true;
                    count++;
                }
            }
        }
        if (count < 0.015 * w * h) java.util.Arrays.fill(white, false);
        return white;
    }

    /**
     * Which way white water runs: along its streaks (the structure tensor's weaker axis), pointing
     * down the picture (water falls and comes towards the viewer). Degrees, 90 = straight down.
     */
    static double flowDegrees(Features f, boolean[] mask) {
        double sx = 0, sy = 0;
        int w = f.width();
        for (int k = 0; k < mask.length; k++) {
            if (!mask[k]) continue;
            // upright = Jxx / trace: 1 for vertical streaks. Approximate the streak angle from it.
            double u = f.upright()[k] * f.coherence()[k];
            sx += (1 - f.upright()[k]) * f.coherence()[k];
            sy += u;
        }
        double total = sx + sy;
        if (total < 1e-6) return 90;
        // Mostly vertical streaks fall; mostly horizontal ones (surf) still come down towards the shore.
        return sy >= sx ? 90 : 60;
    }

    private static double sq(double v) {
        return v * v;
    }
}
