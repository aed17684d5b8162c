package io.imageloop.timeline.edit;

import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.plan.PlanHints;
import io.imageloop.engine.plan.Subject;
import io.imageloop.engine.recipe.Area;
import io.imageloop.engine.recipe.CameraMove;
import io.imageloop.engine.recipe.Direction;
import io.imageloop.engine.recipe.Layer;
import io.imageloop.engine.recipe.MotionRecipe;
import io.imageloop.engine.recipe.Particles;
import io.imageloop.engine.recipe.Region;

import java.util.ArrayList;
import java.util.List;

/**
 * A planner that knows its photos by name, so edit tests can say exactly what a plan holds:
 * "lake" has sky and water, "cup" has nothing that flows (a camera zoom), "pier" has sky only.
 * Its sky band grows at tall aspects, so a re-plan for another aspect is visible.
 */
enum FakePlanner implements LoopPlanner {
    INSTANCE;

    @Override
    public MotionRecipe plan(String media, PlanHints hints, Aspect aspect, double seconds) {
        double k = hints.strength() == null ? 1 : hints.strength();
        List<Layer> layers = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean sky = !media.equals("cup");
        boolean water = media.equals("lake");
        if (sky && !hints.hold().contains(Subject.SKY)) {
            Direction d = hints.direction() != null ? hints.direction() : Direction.RIGHT;
            layers.add(new Layer.Drift(aspect == Aspect.PORTRAIT ? Area.WHOLE.plus(Area.band(Region.UPPER)) : Area.band(Region.UPPER), d, k));
            notes.add("sky: drifting " + d);
        }
        if (water && !hints.hold().contains(Subject.WATER)) {
            layers.add(new Layer.Ripple(Area.band(Region.LOWER), k));
            notes.add("water: rippling");
        }
        CameraMove camera = null;
        // Like the real planner, it falls back to a camera move when nothing else moves, whatever the hints say.
        if (layers.isEmpty()) {
            camera = new CameraMove(hints.cameraMove() != null ? hints.cameraMove() : Direction.parse("zoom"), 0.6 * k);
            notes.add("no sky or water: a camera zoom");
        }
        return new MotionRecipe(layers, Area.NONE, camera, Particles.NONE, 1L, notes);
    }
}
