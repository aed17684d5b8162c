package io.imageloop.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageloop.engine.frame.Fitting;
import io.imageloop.engine.recipe.MotionRecipe;

import java.util.Map;

/**
 * A photo animated by the engine ({@code kind: loop}). One cycle lasts {@code loopMs}; a longer
 * segment repeats the cycle, so a segment whose length is a whole number of cycles loops
 * seamlessly itself.
 *
 * @param recipe  how the photo moves, whole (layers, frozen areas, camera, particles), in photo
 *                coordinates; null means "as the planner sees fit", planned when rendered
 * @param fitting null means cover
 */
public record VideoLoop(String media, String name, MotionRecipe recipe, long loopMs, Fitting fitting,
                        Map<String, JsonNode> extra) implements VideoContent {

    public static final String KIND = "loop";
    /** The loop cycle when the draft gives none and the segment is longer. */
    public static final long DEFAULT_LOOP_MS = 6000;

    public VideoLoop {
        if (fitting == null) fitting = Fitting.COVER;
        extra = Extras.copy(extra);
    }

    /** A loop the planner will plan, with the default cycle. */
    public static VideoLoop of(String media, long loopMs) {
        return new VideoLoop(media, null, null, loopMs, Fitting.COVER, Map.of());
    }

    public VideoLoop withRecipe(MotionRecipe v) {
        return new VideoLoop(media, name, v, loopMs, fitting, extra);
    }

    public VideoLoop withName(String v) {
        return new VideoLoop(media, v, recipe, loopMs, fitting, extra);
    }

    public VideoLoop withLoopMs(long v) {
        return new VideoLoop(media, name, recipe, v, fitting, extra);
    }

    public VideoLoop withFitting(Fitting v) {
        return new VideoLoop(media, name, recipe, loopMs, v, extra);
    }

    @Override
    public String kind() {
        return KIND;
    }
}
