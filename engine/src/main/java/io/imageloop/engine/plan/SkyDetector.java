package io.imageloop.engine.plan;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Finds the sky: per column, the horizon where the picture turns from bright and smooth to dark
 * ground; then, pixel by pixel, what above that line is plausibly sky and connected to the top
 * edge, with enclosed clouds and the sun filled back in. Conservative on purpose: a column whose
 * top is textured, dark, green or brick-coloured has no sky.
 */
final class SkyDetector {

    private SkyDetector() {
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
            if (!skyColoured || t > 2 * SceneAnalyzer.SMOOTH) continue;
            double dark = 0.55 * l;
            int run = 0;
            int end = h;
            double brightest = l;
            for (int y = top; y < h; y++) {
                int k = y * w + x;
                double ly = lab[3 * k];
                brightest = Math.max(brightest, ly);
                // Ground: a sustained dark band, against the top of the column, or against a sky
                // that brightens towards the horizon when the band has detail.
                // (Dark cloud bands are smooth; a tree line or a shore has detail.)
                boolean darker = ly < dark || (ly < 0.72 * brightest && texture[k] > SceneAnalyzer.SMOOTH);
                run = darker ? run + 1 : 0;
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

    /**
     * Whether what lies above the line is plausibly sky: bright enough, covering most columns,
     * not brick-red or green, and brighter than the ground, unless the ground is water that
     * mirrors it ({@code mirror}: a lake at dusk is as bright as the sky it reflects).
     */
    static boolean plausibleSky(float[] lab, int[] horizon, int w, int h, boolean[] mirror) {
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
                } else if (!mirror[k]) {
                    groundPixels++;
                    groundL += lab[3 * k];
                }
            }
        }
        if (skyPixels < 0.08 * w * h || coveredColumns < 0.6 * w) return false;
        if (groundPixels == 0) return true;
        skyL /= skyPixels;
        skyA /= skyPixels;
        skyB /= skyPixels;
        groundL /= groundPixels;
        boolean brighter = skyL > groundL + 4;
        boolean brick = skyA > 14 && skyB > 8 && skyL < 62; // red-orange, not the violet of dusk
        boolean green = skyA < -8;
        return brighter && !brick && !green;
    }

    /**
     * Marks sky above the horizon line, pixel by pixel: only pixels that are themselves plausible
     * sky (not dark against the sky's brightness, not brick-red, not green, not strongly textured)
     * and connected to the top edge through such pixels. Roof corners and walls that the column
     * scan let through drop out here.
     */
    static void fill(Mat mask, int[] horizon, Features f) {
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
                ok[k] = l > dark && a > -8 && !(a > 12 && b > 10 && l < 65) && f.texture()[k] < 2.5 * SceneAnalyzer.SMOOTH;
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
}
