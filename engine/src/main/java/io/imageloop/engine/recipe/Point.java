package io.imageloop.engine.recipe;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;

/** A point in fractions of the photo (0..1), e.g. an anchor that pins its neighbourhood. */
public record Point(double x, double y) {

    public Point {
        if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) {
            throw new LoopException(Kind.INVALID_PARAMETER, "points are fractions of the photo between 0 and 1, got " + x + "," + y);
        }
    }

    public static Point parse(String text) {
        double[] v = parsePair(text, text);
        return new Point(v[0], v[1]);
    }

    static double[] parsePair(String pair, String whole) {
        String[] parts = pair.split(",");
        if (parts.length != 2) {
            throw new LoopException(Kind.INVALID_PARAMETER, "expected x,y in fractions of the photo in '" + whole + "'");
        }
        try {
            return new double[] {Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())};
        } catch (NumberFormatException e) {
            throw new LoopException(Kind.INVALID_PARAMETER, "expected numbers in '" + whole + "'");
        }
    }
}
