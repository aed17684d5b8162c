package io.imageloop.engine.clip;

/**
 * Finds where to cut a clip so that it loops (Schödl et al., Video Textures, 2000). Playing
 * frames [start, end) and then jumping back to start is seamless when frame {@code end}, which
 * would have come next, looks like frame {@code start}. The cost compares short runs of frames
 * around both points with binomial weights, so a jump also keeps the motion going the same way
 * (a pendulum at the same place swinging the other way is no match).
 */
final class LoopSearch {

    /** Costs within this share of a typical step count as equal; then the longer loop wins. */
    private static final double EQUAL = 0.05;

    private LoopSearch() {
    }

    /**
     * @param margin frames kept free before the start and after the end (for the comparison
     *               window and the crossfade), at least half the window
     */
    static LoopPoint find(FrameDistances d, int minLength, int maxLength, int margin, int window) {
        int n = d.frames();
        int half = window / 2;
        double[] weights = binomial(window);
        double typical = d.typicalStep();
        int bestStart = -1;
        int bestEnd = -1;
        double best = Double.POSITIVE_INFINITY;
        double[] cost = new double[n * n];
        java.util.Arrays.fill(cost, Double.NaN);
        for (int s = margin; s < n - margin; s++) {
            for (int e = s + minLength; e <= Math.min(s + maxLength, n - margin); e++) {
                double c = 0;
                for (int o = -half; o < half; o++) c += weights[o + half] * d.at(s + o, e + o);
                cost[s * n + e] = c;
                if (c < best) {
                    best = c;
                    bestStart = s;
                    bestEnd = e;
                }
            }
        }
        if (bestStart < 0) return null;
        double tolerance = best + EQUAL * Math.max(typical, best);
        for (int s = margin; s < n - margin; s++) {
            for (int e = s + minLength; e <= Math.min(s + maxLength, n - margin); e++) {
                double c = cost[s * n + e];
                int length = e - s;
                int bestLength = bestEnd - bestStart;
                if (c <= tolerance && (length > bestLength || length == bestLength && c < cost[bestStart * n + bestEnd])) {
                    bestStart = s;
                    bestEnd = e;
                }
            }
        }
        return new LoopPoint(bestStart, bestEnd, cost[bestStart * n + bestEnd], typical);
    }

    private static double[] binomial(int window) {
        double[] w = new double[window];
        w[0] = 1;
        for (int k = 1; k < window; k++) {
            for (int i = k; i > 0; i--) w[i] += w[i - 1];
        }
        double sum = 0;
        for (double v : w) sum += v;
        for (int i = 0; i < window; i++) w[i] /= sum;
        return w;
    }

    /**
     * A loop of working frames [start, end).
     *
     * @param cost        the weighted distance between the frames around start and around end
     * @param typicalStep the median distance between consecutive frames, for scale
     */
    record LoopPoint(int start, int end, double cost, double typicalStep) {
        int length() {
            return end - start;
        }
    }
}
