package io.imageloop.engine.clip;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_core.mean;

/**
 * Hides the jump of a loop [start, end) with a crossfade of {@code pre + post} frames centred on
 * the seam. The last {@code pre} frames of the loop fade toward the frames just before the start
 * (where the clip came from), the first {@code post} frames fade in from the frames just after
 * the end (where it would have gone), with weights moving by 1/(k+1) per frame over the whole
 * k = pre + post frames. The difference between the two timelines is so spread evenly over
 * k+1 steps instead of landing on one.
 */
record Crossfade(int pre, int post) {

    static final Crossfade NONE = new Crossfade(0, 0);

    int frames() {
        return pre + post;
    }

    /** Weight of the loop's own frame q in the output (the rest comes from the partner frame). */
    double ownWeight(int q, int length) {
        int k = frames();
        if (q < post) return (double) (pre + q + 1) / (k + 1);
        if (q >= length - pre) return 1 - (double) (q - (length - pre) + 1) / (k + 1);
        return 1;
    }

    /** The working frame blended into the loop's frame q: after the end, or before the start. */
    int partner(int q, int start, int length) {
        return q < post ? start + q + length : start + q - length;
    }

    boolean blends(int q, int length) {
        return q < post || q >= length - pre;
    }

    /**
     * Picks the shortest crossfade that makes the seam no rougher than an ordinary step, judged
     * on the thumbnails; if none does, the one with the gentlest seam. Shorter is better when it
     * is enough: a long crossfade of two unrelated textures washes them out.
     *
     * @return the choice, with the thumbnail seam ratio of the raw cut and of the blended loop
     */
    static Choice choose(List<Mat> thumbs, int start, int end, int minBlend, int maxBlend) {
        int length = end - start;
        int room = start + (thumbs.size() - end); // frames available before the start and after the end
        int most = Math.min(Math.min(maxBlend, length / 2), room);
        try (Seams seams = new Seams(thumbs, start, length)) {
            double raw = seams.ratio(NONE);
            Crossfade best = NONE;
            double bestRatio = raw;
            for (int k = Math.max(1, Math.min(minBlend, most)); k <= most; k++) {
                Crossfade c = split(k, start, thumbs.size() - end);
                double ratio = seams.ratio(c);
                if (ratio < bestRatio - 1e-9) {
                    best = c;
                    bestRatio = ratio;
                }
                if (ratio <= 1.0) break;
            }
            return new Choice(best, raw, bestRatio);
        }
    }

    /** As even a split around the seam as the frames before the start and after the end allow. */
    static Crossfade split(int k, int before, int after) {
        int pre = Math.min(before, (k + 1) / 2);
        int post = k - pre;
        if (post > after) {
            post = after;
            pre = k - post;
        }
        return new Crossfade(pre, post);
    }

    /** Seam ratio of the loop [start, start + length) as it is, on the thumbnails. */
    static double seamRatio(List<Mat> thumbs, int start, int length) {
        try (Seams seams = new Seams(thumbs, start, length)) {
            return seams.ratio(NONE);
        }
    }

    /** A crossfade with the seam ratios (on thumbnails) before and after it. */
    record Choice(Crossfade fade, double seamBefore, double seamAfter) {
    }

    /**
     * Wrap step over median ordinary step of a loop, in mean absolute difference like the seam
     * meter. The loop's raw steps are measured once; a crossfade only changes the steps that
     * touch its frames.
     */
    private static final class Seams implements AutoCloseable {
        private final List<Mat> thumbs;
        private final int start;
        private final int length;
        private final double[] rawSteps;
        private final Mat diff = new Mat();

        Seams(List<Mat> thumbs, int start, int length) {
            this.thumbs = thumbs;
            this.start = start;
            this.length = length;
            this.rawSteps = new double[length - 1];
            for (int q = 0; q + 1 < length; q++) rawSteps[q] = meanAbsDiff(thumbs.get(start + q), thumbs.get(start + q + 1));
        }

        double ratio(Crossfade fade) {
            Map<Integer, Mat> blended = new HashMap<>();
            try {
                double[] steps = rawSteps.clone();
                for (int q = 0; q + 1 < length; q++) {
                    if (fade.blends(q, length) || fade.blends(q + 1, length)) {
                        steps[q] = meanAbsDiff(frame(fade, q, blended), frame(fade, q + 1, blended));
                    }
                }
                double wrap = meanAbsDiff(frame(fade, length - 1, blended), frame(fade, 0, blended));
                Arrays.sort(steps);
                double median = steps.length == 0 ? 0 : steps[steps.length / 2];
                if (median < 1e-6) return wrap < 1e-6 ? 1.0 : Double.POSITIVE_INFINITY;
                return wrap / median;
            } finally {
                blended.values().forEach(Mat::close);
            }
        }

        private Mat frame(Crossfade fade, int q, Map<Integer, Mat> blended) {
            if (!fade.blends(q, length)) return thumbs.get(start + q);
            return blended.computeIfAbsent(q, i -> {
                double w = fade.ownWeight(i, length);
                Mat mixed = new Mat();
                addWeighted(thumbs.get(start + i), w, thumbs.get(fade.partner(i, start, length)), 1 - w, 0, mixed, CV_32F);
                return mixed;
            });
        }

        private double meanAbsDiff(Mat a, Mat b) {
            absdiff(a, b, diff);
            try (Scalar m = mean(diff)) {
                return m.get(0);
            }
        }

        @Override
        public void close() {
            diff.close();
        }
    }
}
