package io.imageloop.engine.recipe;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;

import java.util.Locale;

/** Procedural particle overlays; NONE draws nothing. */
public enum Particles {
    NONE, SNOW, RAIN, SPARKLES, BOKEH;

    public static Particles parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LoopException(Kind.INVALID_PARAMETER, "unknown particles '" + text + "'; use none, snow, rain, sparkles or bokeh");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
