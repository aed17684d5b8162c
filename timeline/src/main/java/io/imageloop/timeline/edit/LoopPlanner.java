package io.imageloop.timeline.edit;

import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.plan.PlanHints;
import io.imageloop.engine.recipe.MotionRecipe;

/**
 * The engine's planner for a photo on the timeline, named by its media reference. Edits that
 * need a plan (making loops, re-planning for a new aspect, "make the water move") ask it; the
 * service backs it with {@code Engine.plan} on the uploaded file.
 */
@FunctionalInterface
public interface LoopPlanner {

    /**
     * The recipe {@code Engine.plan(photo, hints, aspect, seconds)} makes for the photo.
     *
     * @throws io.imageloop.engine.LoopException when the photo cannot be read or analysed
     */
    MotionRecipe plan(String media, PlanHints hints, Aspect aspect, double seconds);
}
