package io.imageloop.timeline.edit;

import io.imageloop.engine.frame.Fitting;
import io.imageloop.engine.recipe.Direction;
import io.imageloop.engine.recipe.MotionRecipe;
import io.imageloop.engine.recipe.Region;
import io.imageloop.engine.recipe.Style;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.VideoLoop;

/**
 * A change to the motion of a draft's photo loops in the classic one-word terms; null fields
 * leave what is there. A style, direction or region replaces the loop's recipe with that classic
 * recipe; a strength alone scales the recipe as it is.
 *
 * @param direction a direction word or angle as the user gave it
 * @param loopMs    one loop cycle (and the segment's length) in ms
 */
public record LoopChange(Style style, String direction, Region region, Double strength, Long loopMs, Fitting fit) {

    public static final LoopChange NONE = new LoopChange(null, null, null, null, null, null);

    public boolean isEmpty() {
        return style == null && direction == null && region == null && strength == null && loopMs == null && fit == null;
    }

    /** These settings with every field {@code newer} sets replaced. */
    public LoopChange overlay(LoopChange newer) {
        boolean restyled = newer.style() != null && newer.style() != style;
        return new LoopChange(newer.style() != null ? newer.style() : style,
                newer.direction() != null ? newer.direction() : restyled ? null : direction,
                newer.region() != null ? newer.region() : restyled ? null : region,
                newer.strength() != null ? newer.strength() : strength,
                newer.loopMs() != null ? newer.loopMs() : loopMs,
                newer.fit() != null ? newer.fit() : fit);
    }

    /** The cycle length and fit of the draft's first loop, so that regenerating keeps them. */
    public static LoopChange of(Draft draft) {
        return DraftEdits.firstLoop(draft).map(l -> new LoopChange(null, null, null, null, l.loopMs(), l.fitting())).orElse(NONE);
    }

    /** Applies the change to one loop. */
    VideoLoop applyTo(VideoLoop loop) {
        VideoLoop l = loop;
        if (style != null || direction != null || region != null) {
            Style s = style != null ? style : l.recipe() != null ? l.recipe().style() : Style.FLOW;
            l = l.withRecipe(s.recipe(direction == null ? null : Direction.parse(direction), region, strength != null ? strength : 1.0));
        } else if (strength != null && l.recipe() != null) {
            double current = l.recipe().layers().isEmpty() ? l.recipe().camera().strength() : l.recipe().layers().get(0).strength();
            l = l.withRecipe(l.recipe().scaled(strength / current));
        }
        if (fit != null) l = l.withFitting(fit);
        if (loopMs != null) l = l.withLoopMs(loopMs);
        return l;
    }

    /** The recipe a loop renders with when the change names a classic style, for callers that show it. */
    static MotionRecipe classic(Style s, Direction d, Region r, double strength) {
        return s.recipe(d, r, strength);
    }
}
