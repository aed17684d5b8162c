package io.imageloop.server.jobs;

import java.time.Duration;

/**
 * How much an export renders, and so how long it may take. The limit grows with frames times
 * pixels: a 6 s 1080p loop (180 frames of 2 MP) renders in about 10 s on one core and gets
 * 60 s + 180 x 2.07 x 0.25 s = 153 s, a ten-minute 1080p draft a few hours. A render that runs
 * past it (a pathological input the limits did not catch) is stopped and failed, not retried.
 *
 * @param frames         frames the export encodes
 * @param pixelsPerFrame pixels of each frame
 */
public record RenderBudget(long frames, long pixelsPerFrame) {

    static final long BASE_MILLIS = 60_000;
    /** Milliseconds per frame and megapixel: about 25 times what one core needs. */
    static final double MILLIS_PER_MEGAPIXEL_FRAME = 250;

    /** The time limit, scaled by {@code factor} (the operator's --render-time-factor); null when there is none. */
    public Duration limit(double factor) {
        if (factor <= 0) return null;
        double millis = BASE_MILLIS + frames * (pixelsPerFrame / 1e6) * MILLIS_PER_MEGAPIXEL_FRAME;
        return Duration.ofMillis(Math.max(1, Math.round(factor * millis)));
    }
}
