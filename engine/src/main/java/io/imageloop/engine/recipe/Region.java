package io.imageloop.engine.recipe;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;

import java.util.Locale;

/**
 * A coarse band of the photo where motion happens, with a soft edge so moving and still parts
 * meet without a visible line. Weight 1 moves fully, 0 stays still.
 */
public enum Region {
    WHOLE(0, 0, 1, 1),
    /** The top of the frame, e.g. sky: full motion down to 28% of the height, none below 42%. */
    UPPER(0.28, 0.42, 1, 0),
    /** The bottom of the frame, e.g. water: none above 50%, full motion below 65%. */
    LOWER(0.50, 0.65, 0, 1);

    private final double from;
    private final double to;
    private final double before;
    private final double after;

    Region(double from, double to, double before, double after) {
        this.from = from;
        this.to = to;
        this.before = before;
        this.after = after;
    }

    /** Motion weight at a relative height (0 top, 1 bottom), smoothstep across the edge. */
    public double weight(double relativeY) {
        if (this == WHOLE) return 1;
        if (relativeY <= from) return before;
        if (relativeY >= to) return after;
        double s = (relativeY - from) / (to - from);
        double smooth = s * s * (3 - 2 * s);
        return before + (after - before) * smooth;
    }

    public static Region parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "whole", "all", "full" -> WHOLE;
            case "upper", "top", "sky" -> UPPER;
            case "lower", "bottom", "water" -> LOWER;
            default -> throw new LoopException(Kind.INVALID_PARAMETER,
                    "unknown region '" + text + "'; use whole, upper or lower");
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
