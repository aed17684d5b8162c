package io.imageloop.server.preview;

import java.time.Duration;

/**
 * How previews are made.
 *
 * @param resolution short side in pixels (480: quick, and enough to judge motion)
 * @param fps        frame rate, 0 for the draft's own; never above {@link #MAX_FPS}
 * @param maxSeconds caps a preview's length (tests), 0 for the whole loop cycle
 * @param threads    previews rendered at once across all sessions; exports have their own workers
 * @param perMinute  renders a session may start in any 60 s; more wait for a slot (cached previews are free)
 * @param follow     how long a chat turn's stream waits for its previews before it completes anyway
 */
public record PreviewSettings(int resolution, double fps, double maxSeconds, int threads, int perMinute, Duration follow) {

    public static final int DEFAULT_RESOLUTION = 480;
    /**
     * Previews play at most 15 frames a second: half the frames of a 30 fps export and so about
     * half the wait (rendering time grows with the frame count), while the slow motion of a loop
     * reads the same. The export keeps the draft's frame rate.
     */
    public static final double MAX_FPS = 15;

    public PreviewSettings {
        if (resolution < 16) throw new IllegalArgumentException("preview resolution must be at least 16");
        if (threads < 1) throw new IllegalArgumentException("preview threads must be at least 1");
        if (perMinute < 1) throw new IllegalArgumentException("previews per minute must be at least 1");
    }

    /**
     * 480p at 15 fps, one render at a time, 20 per session and minute; never larger, longer or smoother
     * than the exports the server is configured for (tests shrink both).
     */
    public static PreviewSettings forExports(int exportResolution, double exportMaxSeconds, double exportFps) {
        return new PreviewSettings(Math.min(DEFAULT_RESOLUTION, exportResolution), exportFps, exportMaxSeconds, 1, 20,
                Duration.ofSeconds(90));
    }

    public PreviewSettings withPerMinute(int v) {
        return new PreviewSettings(resolution, fps, maxSeconds, threads, v, follow);
    }

    public PreviewSettings withResolution(int v) {
        return new PreviewSettings(v, fps, maxSeconds, threads, perMinute, follow);
    }
}
