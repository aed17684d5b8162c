package io.imageloop.engine.recipe;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;

import java.util.Locale;

/**
 * The classic one-word motions, as the CLI's {@code --style} and older drafts name them, and the
 * recipe each stands for.
 */
public enum Style {
    FLOW, CAMERA, SWAY, PARALLAX;

    /**
     * @param direction null for the style's default (flow: right, camera: zoom, sway: rooted at the bottom)
     * @param region    flow only: the band that drifts; null for the upper part (sky)
     * @param strength  1.0 is the default amount of motion
     */
    public MotionRecipe recipe(Direction direction, Region region, double strength) {
        Layer.checkStrength(strength);
        return switch (this) {
            case FLOW -> MotionRecipe.of(new Layer.Drift(Area.band(region == null ? Region.UPPER : region), direction, strength));
            case CAMERA -> MotionRecipe.camera(new CameraMove(direction, strength));
            case SWAY -> MotionRecipe.of(new Layer.Sway(Area.WHOLE, direction, strength));
            case PARALLAX -> MotionRecipe.of(new Layer.Parallax("cues", strength));
        };
    }

    public static Style parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LoopException(Kind.INVALID_PARAMETER, "unknown style '" + text + "'; use flow, camera, sway or parallax");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
