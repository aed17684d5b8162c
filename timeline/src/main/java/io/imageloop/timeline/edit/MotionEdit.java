package io.imageloop.timeline.edit;

import io.imageloop.engine.plan.Subject;
import io.imageloop.engine.recipe.Direction;
import io.imageloop.engine.recipe.Particles;
import io.imageloop.engine.recipe.Style;

import java.util.Set;

/**
 * One change to a loop's motion, as people ask for it. {@link Motions} makes it on the loop's
 * recipe: as a hint to the planner when the loop is still planned and the planner can do it,
 * else directly on the recipe.
 */
public sealed interface MotionEdit {

    /** The loop becomes this classic style: "switch to a camera zoom", "make it sway", "use parallax". */
    record Restyle(Style style, Direction direction) implements MotionEdit {
    }

    /** What drifts goes this way: every drift, or only the one of a thing ("clouds to the left"). */
    record Turn(Direction direction, Subject subject) implements MotionEdit {
    }

    /** Speed times a factor: "twice as fast", "slower clouds" (one thing), "a slower zoom" (the camera). */
    record Speed(double factor, Subject subject, boolean camera) implements MotionEdit {
    }

    /** Speed set to a value, 1 being the gentle default. */
    record Strength(double value, Subject subject, boolean camera) implements MotionEdit {
    }

    /**
     * A camera move added or changed (zoom, in, out, orbit, left, right, up, down) at a speed
     * relative to the default; a null move removes the camera ("no camera movement").
     */
    record Camera(Direction move, double factor) implements MotionEdit {
    }

    /** A particle overlay: snow, rain, sparkles, bokeh, or none. */
    record Sprinkle(Particles particles) implements MotionEdit {
    }

    /** These things move ("make the water move"); {@code only}: they alone, with no camera move. */
    record Animate(Set<Subject> subjects, boolean only) implements MotionEdit {
        public Animate {
            subjects = Set.copyOf(subjects);
        }
    }

    /** These things hold still ("keep the sky still"). */
    record Hold(Set<Subject> subjects) implements MotionEdit {
        public Hold {
            subjects = Set.copyOf(subjects);
        }
    }
}
