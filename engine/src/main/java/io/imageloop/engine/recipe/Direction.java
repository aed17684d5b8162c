package io.imageloop.engine.recipe;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;

import java.util.Locale;

/**
 * A direction in image space: an angle in degrees, 0 = right, 90 = down (image rows grow
 * downwards), or a word. Words that are not compass directions (zoom, orbit) are kept for the
 * styles that understand them.
 */
public record Direction(String word, double degrees) {

    public static final Direction RIGHT = new Direction("right", 0);

    public static Direction parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "right", "east" -> new Direction("right", 0);
            case "down", "south" -> new Direction("down", 90);
            case "left", "west" -> new Direction("left", 180);
            case "up", "north" -> new Direction("up", 270);
            case "zoom", "in", "out", "orbit", "bottom", "top" -> new Direction(t, Double.NaN);
            default -> {
                try {
                    // What toString writes ("60°") reads back, as do "60deg" and a bare number.
                    String number = t.endsWith("°") ? t.substring(0, t.length() - 1)
                            : t.endsWith("deg") ? t.substring(0, t.length() - 3) : t;
                    double deg = Double.parseDouble(number.trim());
                    if (!Double.isFinite(deg)) throw new NumberFormatException();
                    yield new Direction(number.trim() + "°", deg);
                } catch (NumberFormatException e) {
                    throw new LoopException(Kind.INVALID_PARAMETER, "unknown direction '" + text
                            + "'; use left, right, up, down, an angle in degrees, or for camera zoom/orbit");
                }
            }
        };
    }

    public boolean isAngle() {
        return !Double.isNaN(degrees);
    }

    public double dx() {
        return Math.cos(Math.toRadians(degrees));
    }

    public double dy() {
        return Math.sin(Math.toRadians(degrees));
    }

    @Override
    public String toString() {
        return word;
    }
}
