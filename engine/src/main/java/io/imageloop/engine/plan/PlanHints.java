package io.imageloop.engine.plan;

import io.imageloop.engine.recipe.Direction;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the person asked for, as far as it steers the planner: which things should move and
 * which hold still, a direction for drifts, a strength, and whether the camera may move. Every
 * field may be left open (null or empty): the planner then chooses from the photo alone.
 *
 * @param move       things that should move (empty: the planner chooses)
 * @param hold       things that must hold still
 * @param direction  which way drifting things go, or null
 * @param strength   a factor on the planned strengths, or null
 * @param camera     true: add a camera move; false: no camera move; null: the planner decides
 * @param cameraMove which camera move, when one is wanted (zoom, orbit, left...), or null
 */
public record PlanHints(Set<Subject> move, Set<Subject> hold, Direction direction, Double strength, Boolean camera,
                        Direction cameraMove) {

    public static final PlanHints NONE = new PlanHints(Set.of(), Set.of(), null, null, null, null);

    public PlanHints {
        move = move == null || move.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(move));
        hold = hold == null || hold.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(hold));
    }

    public PlanHints moving(Subject... subjects) {
        return new PlanHints(Set.of(subjects), hold, direction, strength, camera, cameraMove);
    }

    public PlanHints holding(Subject... subjects) {
        return new PlanHints(move, Set.of(subjects), direction, strength, camera, cameraMove);
    }

    public PlanHints withDirection(Direction v) {
        return new PlanHints(move, hold, v, strength, camera, cameraMove);
    }

    public PlanHints withStrength(Double v) {
        return new PlanHints(move, hold, direction, v, camera, cameraMove);
    }

    public PlanHints withCamera(Boolean v, Direction move) {
        return new PlanHints(this.move, hold, direction, strength, v, move);
    }
}
