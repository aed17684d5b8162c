package io.imageloop.timeline.edit;

import io.imageloop.engine.frame.Fitting;
import io.imageloop.engine.motion.Region;
import io.imageloop.engine.motion.Style;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.VideoLoop;

/**
 * A change to the motion of a draft's photo loops; null fields leave what is there.
 *
 * @param direction a direction word or angle as the user gave it
 * @param loopMs    one loop cycle (and the segment's length) in ms
 */
public record LoopChange(Style style, String direction, Region region, Double strength, Long loopMs, Fitting fit) {

    public static final LoopChange NONE = new LoopChange(null, null, null, null, null, null);

    public boolean isEmpty() {
        return style == null && direction == null && region == null && strength == null && loopMs == null && fit == null;
    }

    /**
     * These settings with every field {@code newer} sets replaced. A new style drops the old
     * direction and region unless the newer change sets them: "right" means nothing to a sway.
     */
    public LoopChange overlay(LoopChange newer) {
        boolean restyled = newer.style() != null && newer.style() != style;
        return new LoopChange(newer.style() != null ? newer.style() : style,
                newer.direction() != null ? newer.direction() : restyled ? null : direction,
                newer.region() != null ? newer.region() : restyled ? null : region,
                newer.strength() != null ? newer.strength() : strength,
                newer.loopMs() != null ? newer.loopMs() : loopMs,
                newer.fit() != null ? newer.fit() : fit);
    }

    /** The settings of the draft's first loop, so that regenerating keeps what the user chose. */
    public static LoopChange of(Draft draft) {
        return DraftEdits.firstLoop(draft)
                .map(l -> new LoopChange(l.style(), l.direction(), l.region(), l.strength(), l.loopMs(), l.fitting()))
                .orElse(NONE);
    }

    /** Applies the change to one loop. */
    VideoLoop applyTo(VideoLoop loop) {
        VideoLoop l = loop;
        if (style != null && style != l.style()) {
            l = l.withStyle(style);
            if (direction == null) l = l.withDirection(null);
            // Regions belong to flow; a flow without one drifts the sky.
            l = l.withRegion(style == Style.FLOW ? (region != null ? region : Region.UPPER) : null);
        }
        if (direction != null) l = l.withDirection(direction);
        if (region != null && l.style() == Style.FLOW) l = l.withRegion(region);
        if (strength != null) l = l.withStrength(strength);
        if (fit != null) l = l.withFitting(fit);
        if (loopMs != null) l = l.withLoopMs(loopMs);
        return l;
    }
}
