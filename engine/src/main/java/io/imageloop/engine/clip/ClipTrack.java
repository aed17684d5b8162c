package io.imageloop.engine.clip;

/**
 * The clip as the loop sees it: a regular sequence at {@code fps}, where working frame k shows
 * decoded frame {@code source[k]}. At the clip's own rate that is the identity. A clip faster
 * than the settings' frame rate has frames dropped by time; a slower one keeps its own rate
 * rather than showing frames twice, which would stutter and add steps where nothing moves
 * (only a clip under 1 fps, the slowest a loop plays, has frames held).
 *
 * @param clipFps  the clip's own frame rate (from its timestamps)
 * @param capped   whether the clip went on past the analysed length
 */
record ClipTrack(int[] source, double fps, double clipFps, boolean capped) {

    int frames() {
        return source.length;
    }

    /**
     * Chooses the working frames from the decoded frames' timestamps (microseconds from the
     * first frame, strictly increasing).
     */
    static ClipTrack of(long[] micros, double clipFps, double maxFps, boolean capped) {
        int n = micros.length;
        double fps = Math.max(1.0, Math.min(clipFps, maxFps));
        if (Math.abs(fps - clipFps) <= 0.005 * clipFps) {
            int[] identity = new int[n];
            for (int i = 0; i < n; i++) identity[i] = i;
            return new ClipTrack(identity, clipFps, clipFps, capped);
        }
        double interval = 1e6 / clipFps;
        double span = micros[n - 1] + interval;
        int frames = Math.max(1, (int) Math.floor(span * fps / 1e6 + 1e-6));
        int[] source = new int[frames];
        int j = 0;
        for (int k = 0; k < frames; k++) {
            double at = k * 1e6 / fps;
            // the frame on screen at that moment, rounding to the nearer frame edge
            while (j + 1 < n && micros[j + 1] <= at + interval / 2) j++;
            source[k] = j;
        }
        return new ClipTrack(source, fps, clipFps, capped);
    }
}
