package io.imageloop.engine.frame;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;

/** The output shapes the product exports; 1080p means the short side is 1080 pixels. */
public enum Aspect {
    LANDSCAPE("16:9", 16, 9),
    PORTRAIT("9:16", 9, 16),
    SQUARE("1:1", 1, 1),
    FOUR_FIVE("4:5", 4, 5);

    private final String label;
    private final int w;
    private final int h;

    Aspect(String label, int w, int h) {
        this.label = label;
        this.w = w;
        this.h = h;
    }

    public String label() {
        return label;
    }

    /** Output size for a given short side, rounded to even numbers as yuv420p requires. */
    public FrameSize size(int shortSide) {
        if (shortSide < 16 || shortSide > 4320) {
            throw new LoopException(Kind.INVALID_PARAMETER, "resolution must be between 16 and 4320 pixels, got " + shortSide);
        }
        int small = Math.min(w, h);
        int longSide = even(Math.round((double) shortSide * Math.max(w, h) / small));
        int shortEven = even(shortSide);
        return w >= h ? new FrameSize(longSide, shortEven) : new FrameSize(shortEven, longSide);
    }

    public static Aspect parse(String text) {
        for (Aspect a : values()) {
            if (a.label.equals(text.trim())) return a;
        }
        throw new LoopException(Kind.INVALID_PARAMETER, "unknown aspect ratio '" + text + "'; use 16:9, 9:16, 1:1 or 4:5");
    }

    private static int even(long v) {
        return (int) (v + (v & 1));
    }

    @Override
    public String toString() {
        return label;
    }
}
