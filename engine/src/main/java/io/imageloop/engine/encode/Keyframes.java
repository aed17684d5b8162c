package io.imageloop.engine.encode;

/**
 * Where the encoder puts keyframes, which decides whether a decoded loop is seamless. A decoder
 * restarts at a keyframe; where the encoder re-codes still content there, the still scene
 * "ticks" (keyframe pulsing). So a loop gets one keyframe at its start and nowhere else: the
 * P-frames keep the still parts exactly as the keyframe drew them, and the wrap from the last
 * frame back to the first is an ordinary step.
 *
 * <p>Long timelines need keyframes now and then for seeking. They are placed every
 * {@code interval} frames (at loop repeats where the content repeats), and {@code steady} rate
 * control makes every keyframe draw still content the same way: constant quantiser per frame
 * type (qcomp 1, no I/P ratio, no adaptive quantisation, no macroblock tree, which looks
 * ahead). Measured on a 1080p cinemagraph repeated 3 times with keyframes at the repeats: the
 * still region jumps 0.51 grey levels at each keyframe with x264's defaults, 0.011 with steady
 * rate control.
 *
 * <p>Where moving content meets a keyframe, the keyframe's coding noise differs from that of the
 * inter frames before it (each is an independent approximation of the picture), so the wrap
 * would show a faint shimmer. The encoder therefore draws each keyframe at high quality and
 * raises the quality over the second before it ({@link #total} marks the file's end, where the
 * player wraps to the first keyframe).
 *
 * <p>That care costs bytes (about 2.5x for a mostly still loop) and buys nothing where a camera
 * moves the whole picture every frame: there every step is large against coding noise (a
 * decoded camera loop's seam ratio is about 0.1), and {@code guarded} is off.
 *
 * @param interval frames between keyframes (the first frame is always one)
 * @param steady   whether the file has more than one keyframe, so they must all match
 * @param total    frames in the file
 * @param guarded  whether keyframes get the extra quality around them
 */
public record Keyframes(int interval, boolean steady, int total, boolean guarded) {

    /**
     * Seeking stays reasonable: a player decodes at most this far from a keyframe. Longer files
     * get keyframes at loop repeats, which cost a faint shimmer there (see above).
     */
    public static final double MAX_SECONDS_BETWEEN = 30.0;

    public Keyframes {
        if (interval < 1) throw new IllegalArgumentException("keyframe interval " + interval);
        if (total < 1) throw new IllegalArgumentException("frames " + total);
    }

    /** A file that is one loop: one keyframe, at the start. */
    public static Keyframes oneLoop(int frames) {
        return new Keyframes(Math.max(1, frames), false, Math.max(1, frames), true);
    }

    /** The same keyframes, with or without the extra quality around them. */
    public Keyframes guarded(boolean v) {
        return new Keyframes(interval, steady, total, v);
    }

    /** The frames that are keyframes, after the first. */
    public java.util.List<Integer> later() {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (int k = interval; k < total; k += interval) out.add(k);
        return out;
    }

    /**
     * A file of {@code total} frames. With {@code period} > 0 the content repeats every
     * {@code period} frames (a loop played several times), and keyframes fall on repeats;
     * otherwise they fall every {@link #MAX_SECONDS_BETWEEN} seconds.
     */
    public static Keyframes forFile(int total, int period, double fps) {
        int max = (int) Math.max(1, Math.round(MAX_SECONDS_BETWEEN * fps));
        if (total <= max) return new Keyframes(Math.max(1, total), false, Math.max(1, total), true);
        int interval = period > 0 ? period * Math.max(1, max / period) : max;
        return new Keyframes(interval, interval < total, total, true);
    }
}
