package io.imageloop.timeline;

import java.util.Locale;

/** Where a text sits: a named band ({@code position}) or an explicit point ({@code x}, {@code y}). */
public sealed interface Placement permits Placement.Anchored, Placement.At {

    Placement TOP = new Anchored(Position.TOP);
    Placement CENTER = new Anchored(Position.CENTER);
    Placement BOTTOM = new Anchored(Position.BOTTOM);

    /** Centred horizontally, in the top band, the middle, or the bottom band of the frame. */
    record Anchored(Position position) implements Placement {
    }

    /** The text block's centre at these fractions of the frame's width and height (0..1). */
    record At(double x, double y) implements Placement {
    }

    enum Position {
        TOP, CENTER, BOTTOM;

        /** The position for a word, or null when it is not one. */
        public static Position parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "top" -> TOP;
                case "center", "centre", "middle" -> CENTER;
                case "bottom" -> BOTTOM;
                default -> null;
            };
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
