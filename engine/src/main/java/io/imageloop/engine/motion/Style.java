package io.imageloop.engine.motion;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;

import java.util.Locale;

/** The motion styles, and how a style plus a few words becomes a {@link Motion}. */
public enum Style {
    FLOW, CAMERA, SWAY, PARALLAX;

    /**
     * @param direction null for the style's default (flow: right, camera: zoom, sway: anchored at the bottom)
     * @param region    flow only; null for the upper part (sky)
     * @param strength  1.0 is the default amount of motion
     */
    public Motion motion(Direction direction, Region region, double strength) {
        if (!(strength > 0 && strength <= 5)) {
            throw new LoopException(Kind.INVALID_PARAMETER, "strength must be above 0 and at most 5, got " + strength);
        }
        return switch (this) {
            case FLOW -> {
                Direction d = direction == null ? Direction.RIGHT : direction;
                if (!d.isAngle()) {
                    throw new LoopException(Kind.INVALID_PARAMETER, "flow needs a compass direction or an angle, not '" + d + "'");
                }
                yield new FlowMotion(new DirectionalField(d, region == null ? Region.UPPER : region, 0.01 * strength));
            }
            case CAMERA -> new CameraMotion(direction == null ? Direction.parse("zoom") : direction, strength);
            case SWAY -> new SwayMotion(direction == null ? Direction.parse("bottom") : direction, strength);
            case PARALLAX -> new ParallaxMotion(new io.imageloop.engine.motion.depth.CueDepth(), strength);
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
