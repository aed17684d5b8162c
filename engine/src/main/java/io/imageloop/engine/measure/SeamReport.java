package io.imageloop.engine.measure;

/**
 * Step statistics of a loop, in mean absolute luma difference (0..255) at 480 px width.
 *
 * @param wrapStep   last frame to first frame
 * @param medianStep median of the ordinary steps
 */
public record SeamReport(int frames, double wrapStep, double medianStep, double meanStep, double maxStep) {

    /** wrap / median; 1.0 is perfect, above 1 the seam is rougher than a typical step. */
    public double seamRatio() {
        if (medianStep < 1e-9) return wrapStep < 1e-9 ? 1.0 : Double.POSITIVE_INFINITY;
        return wrapStep / medianStep;
    }

    /** Whether anything moves at all (a still image "loops" perfectly but is not a loop). */
    public boolean moves() {
        return medianStep > 0.05;
    }
}
