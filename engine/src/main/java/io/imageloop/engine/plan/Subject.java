package io.imageloop.engine.plan;

import java.util.Locale;

/** The things in a photo the planner tells apart, and people can name. */
public enum Subject {
    /** Sky with clouds or texture: it drifts. */
    SKY,
    /** Still, reflective water: it ripples. Flowing water (streams, falls, surf) flows. */
    WATER,
    /** Grass, reeds, crops: they sway from their roots. */
    GRASS,
    /** Leaves and tree crowns: they sway, trunks hold. */
    FOLIAGE,
    /** Lamps, the sun, lit windows: they glow. */
    LIGHTS,
    /** Faces and people: always held still. */
    PEOPLE;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
