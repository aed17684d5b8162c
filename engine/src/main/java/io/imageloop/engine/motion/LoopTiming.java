package io.imageloop.engine.motion;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;

/** How many frames a loop has and how fast they play. */
public record LoopTiming(int frames, double fps) {

    public LoopTiming {
        if (!(fps >= 1 && fps <= 120)) {
            throw new LoopException(Kind.INVALID_PARAMETER, "fps must be between 1 and 120, got " + fps);
        }
        if (frames < 2) {
            throw new LoopException(Kind.INVALID_PARAMETER, "a loop needs at least 2 frames, got " + frames);
        }
    }

    public static LoopTiming of(double seconds, double fps) {
        if (!(seconds > 0 && seconds <= 120)) {
            throw new LoopException(Kind.INVALID_PARAMETER, "duration must be between 0 and 120 seconds, got " + seconds);
        }
        return new LoopTiming((int) Math.round(seconds * fps), fps);
    }

    public double seconds() {
        return frames / fps;
    }

    /** Phase of frame t in the loop, in [0, 1). */
    public double phase(int t) {
        return (double) t / frames;
    }
}
