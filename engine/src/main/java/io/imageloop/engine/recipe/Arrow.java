package io.imageloop.engine.recipe;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;

/**
 * A motion arrow drawn on the photo, in fractions of its width and height (0..1, origin top
 * left). Content under the arrow moves from its start towards its end; a longer arrow moves
 * faster: the content travels a tenth of the arrow's length per second at strength 1.
 */
public record Arrow(double x1, double y1, double x2, double y2) {

    public static final double LENGTHS_PER_SECOND = 0.1;

    public Arrow {
        for (double v : new double[] {x1, y1, x2, y2}) {
            if (!(v >= 0 && v <= 1)) {
                throw new LoopException(Kind.INVALID_PARAMETER, "arrow coordinates are fractions of the photo between 0 and 1, got " + v);
            }
        }
        if (x1 == x2 && y1 == y2) {
            throw new LoopException(Kind.INVALID_PARAMETER, "an arrow needs distinct start and end points");
        }
    }

    /** Parses {@code x1,y1:x2,y2}. */
    public static Arrow parse(String text) {
        String[] ends = text.split(":");
        if (ends.length != 2) throw bad(text);
        double[] a = Point.parsePair(ends[0], text);
        double[] b = Point.parsePair(ends[1], text);
        return new Arrow(a[0], a[1], b[0], b[1]);
    }

    private static LoopException bad(String text) {
        return new LoopException(Kind.INVALID_PARAMETER, "an arrow is x1,y1:x2,y2 in fractions of the photo, got '" + text + "'");
    }

    /** Velocity in canvas pixels per frame. */
    double[] velocity(int width, int height, double fps, double strength) {
        double scale = LENGTHS_PER_SECOND * strength / fps;
        return new double[] {(x2 - x1) * width * scale, (y2 - y1) * height * scale};
    }
}
