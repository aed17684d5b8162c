package io.imageloop.engine.measure;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * How a loop file measures once decoded, as a viewer's player shows it: luma at 480 px width.
 * Steps are mean absolute differences between consecutive frames (0..255).
 *
 * @param medianStep   the typical step
 * @param wrapStep     last frame to first: what a looping player shows at the seam
 * @param maxStep      the largest ordinary step (a keyframe pulse shows as a spike)
 * @param moving       share of pixels that visibly move: temporal standard deviation above 2 grey levels
 * @param stillShare   share of pixels that never visibly move (deviation below 0.5)
 * @param stillMaxStep the largest mean change of those still pixels in any step, the wrap included
 * @param jitter       camera moves: RMS second difference of the frame centre's path, measured on
 *                     the decoded frames (px/frame² at the file's resolution); empty otherwise
 */
public record DecodedReport(int frames, double medianStep, double wrapStep, double maxStep, double moving, double stillShare,
                            double stillMaxStep, OptionalDouble jitter) {

    /** Ratios use a median of at least this much, so that a still file cannot pass by being still. */
    public static final double MEDIAN_FLOOR = 0.05;

    public double seamRatio() {
        return wrapStep / Math.max(MEDIAN_FLOOR, medianStep);
    }

    public double pulseRatio() {
        return maxStep / Math.max(MEDIAN_FLOOR, medianStep);
    }

    /** The report line: "decoded: seam 1.03, largest step 1.4x, 31% moving, still pixels ≤ 0.02". */
    public String summary() {
        String s = String.format(Locale.ROOT, "decoded: seam ratio %.2f, largest step %.2fx the median, %.0f%% of the picture moving, "
                + "still pixels change at most %.3f", seamRatio(), pulseRatio(), moving * 100, stillMaxStep);
        if (jitter.isPresent()) s += String.format(Locale.ROOT, ", camera jitter %.3f px/frame²", jitter.getAsDouble());
        return s;
    }
}
