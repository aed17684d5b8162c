package io.imageloop.timeline;

import java.util.Locale;

/** An opaque colour, written {@code #RRGGBB} in drafts ({@code #RGB} is read too). */
public record Rgb(int red, int green, int blue) {

    public static final Rgb WHITE = new Rgb(255, 255, 255);
    public static final Rgb BLACK = new Rgb(0, 0, 0);

    public Rgb {
        if ((red | green | blue) < 0 || red > 255 || green > 255 || blue > 255) {
            throw new IllegalArgumentException("colour " + red + "," + green + "," + blue);
        }
    }

    /** The colour for {@code #RRGGBB} or {@code #RGB}, or null when the text is not one. */
    public static Rgb parse(String text) {
        String t = text.trim();
        if (!t.startsWith("#")) return null;
        String hex = t.substring(1);
        if (!hex.matches("[0-9a-fA-F]{3}|[0-9a-fA-F]{6}")) return null;
        if (hex.length() == 3) {
            hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
        }
        int v = Integer.parseInt(hex, 16);
        return new Rgb(v >> 16 & 0xFF, v >> 8 & 0xFF, v & 0xFF);
    }

    public java.awt.Color toAwt() {
        return new java.awt.Color(red, green, blue);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "#%02X%02X%02X", red, green, blue);
    }
}
