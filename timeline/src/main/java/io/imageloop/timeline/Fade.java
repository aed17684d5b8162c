package io.imageloop.timeline;

/**
 * Linear fade-in and fade-out over an interval, shared by text opacity and audio gain so that a
 * title and its music fade alike. When the fades together are longer than the interval they are
 * shortened in proportion, so they meet instead of overlapping.
 */
public final class Fade {

    private Fade() {
    }

    /**
     * The factor 0..1 at {@code position} into an interval of {@code length}, with fades of
     * {@code in} and {@code out} at its ends (all in the same unit).
     */
    public static double gain(double position, double length, double in, double out) {
        if (position < 0 || position > length) return 0;
        double fadeIn = Math.max(0, in);
        double fadeOut = Math.max(0, out);
        if (fadeIn + fadeOut > length && fadeIn + fadeOut > 0) {
            double k = length / (fadeIn + fadeOut);
            fadeIn *= k;
            fadeOut *= k;
        }
        double g = 1;
        if (fadeIn > 0) g = Math.min(g, position / fadeIn);
        if (fadeOut > 0) g = Math.min(g, (length - position) / fadeOut);
        return Math.max(0, Math.min(1, g));
    }
}
