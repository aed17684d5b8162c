package io.imageloop.timeline.edit;

import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.frame.Fitting;
import io.imageloop.engine.recipe.MotionRecipe;
import io.imageloop.timeline.AudioClip;
import io.imageloop.timeline.TextClip;
import io.imageloop.timeline.VideoContent;

import java.util.List;

/**
 * One difference between a draft before and after an edit, as {@link DraftDiff} finds it.
 * Positions are 1-based places on the video track after the edit (before it, for removals).
 */
public sealed interface Change {

    record AspectChanged(Aspect from, Aspect to) implements Change {
    }

    record SegmentAdded(int position, VideoContent content) implements Change {
    }

    record SegmentRemoved(int position, VideoContent content) implements Change {
    }

    /** The same segments in another order: their labels before and after. */
    record OrderChanged(List<String> before, List<String> after) implements Change {
    }

    record LengthChanged(int position, VideoContent content, long fromMs, long toMs) implements Change {
    }

    record RepeatsChanged(int position, VideoContent content, int from, int to) implements Change {
    }

    record FitChanged(int position, VideoContent content, Fitting from, Fitting to) implements Change {
    }

    /** The recipe changed; {@code replanned}: the planner made the new one (the loop is still "planned"). */
    record MotionChanged(int position, VideoContent content, MotionRecipe from, MotionRecipe to, boolean replanned) implements Change {
    }

    record TextAdded(TextClip clip, long startMs, long endMs) implements Change {
    }

    record TextRemoved(TextClip clip, long startMs, long endMs) implements Change {
    }

    record TextChanged(TextClip from, TextClip to, long fromStart, long fromEnd, long toStart, long toEnd) implements Change {
    }

    record MusicAdded(AudioClip clip) implements Change {
    }

    record MusicRemoved(AudioClip clip) implements Change {
    }

    /** {@code fromEnd}/{@code toEnd}: where the music stops, or -1 when it spans the draft. */
    record MusicChanged(AudioClip from, AudioClip to, long fromEnd, long toEnd) implements Change {
    }
}
