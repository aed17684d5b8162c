package io.imageloop.engine.recipe;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;

import java.util.List;
import java.util.Locale;

/**
 * One kind of motion over one part of the photo. A recipe stacks layers: clouds drift in the sky
 * while the lake ripples and the reeds sway. Each kind is seamless by construction; each has a
 * strength where 1 is the gentle default.
 */
public sealed interface Layer permits Layer.Drift, Layer.Flow, Layer.Ripple, Layer.Sway, Layer.Parallax, Layer.Glow {

    /** What a layer does, as users and the planner name it. */
    enum Type {
        DRIFT, FLOW, RIPPLE, SWAY, PARALLAX, GLOW;

        public static Type parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new LoopException(Kind.INVALID_PARAMETER, "unknown layer kind '" + text
                        + "'; use drift, flow, ripple, sway, parallax or glow");
            }
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    Type type();

    double strength();

    /** Where it moves; the whole photo for layers that move everything. */
    Area area();

    Layer withStrength(double v);

    String describe();

    /** How strong motion may be asked for: 0 (nothing) is not motion, 5 tears any photo. */
    static double checkStrength(double s) {
        if (!(s > 0 && s <= 5)) {
            String shown = s == Math.rint(s) && Math.abs(s) < 1e15 ? Long.toString((long) s) : Double.toString(s);
            throw new LoopException(Kind.INVALID_PARAMETER, "strength must be above 0 and at most 5, got " + shown);
        }
        return s;
    }

    /**
     * Content flows steadily in one direction inside the area: drifting clouds, a flowing river.
     * At strength 1 it travels 1% of the photo's longer side per second.
     */
    record Drift(Area area, Direction direction, double strength) implements Layer {
        public static final double LONG_SIDES_PER_SECOND = 0.01;

        public Drift {
            if (area == null || area.isEmpty()) area = Area.band(Region.UPPER);
            if (direction == null) direction = Direction.RIGHT;
            if (!direction.isAngle()) {
                throw new LoopException(Kind.INVALID_PARAMETER, "a drift needs a compass direction or an angle, not '" + direction + "'");
            }
            checkStrength(strength);
        }

        public Type type() { return Type.DRIFT; }

        public Drift withStrength(double v) { return new Drift(area, direction, v); }

        public Drift withDirection(Direction v) { return new Drift(area, v, strength); }

        public Drift withArea(Area v) { return new Drift(v, direction, strength); }

        public String describe() { return "drift " + direction + " in " + area.describe(); }
    }

    /**
     * Motion drawn by arrows: content under an arrow moves from its start towards its end (a tenth
     * of the arrow's length per second at strength 1), spreading through similar colours and
     * stopping at strong edges; anchors pin their neighbourhood.
     */
    record Flow(List<Arrow> arrows, List<Point> anchors, double strength) implements Layer {
        public Flow {
            arrows = List.copyOf(arrows);
            anchors = List.copyOf(anchors);
            if (arrows.isEmpty()) throw new LoopException(Kind.INVALID_PARAMETER, "a flow needs at least one arrow");
            checkStrength(strength);
        }

        public Type type() { return Type.FLOW; }

        public Area area() { return Area.WHOLE; }

        public Flow withStrength(double v) { return new Flow(arrows, anchors, v); }

        public Flow plus(List<Arrow> more, List<Point> pins) {
            java.util.ArrayList<Arrow> a = new java.util.ArrayList<>(arrows);
            a.addAll(more);
            java.util.ArrayList<Point> p = new java.util.ArrayList<>(anchors);
            p.addAll(pins);
            return new Flow(a, p, strength);
        }

        public String describe() {
            return arrows.size() + (arrows.size() == 1 ? " arrow" : " arrows")
                    + (anchors.isEmpty() ? "" : ", " + anchors.size() + (anchors.size() == 1 ? " anchor" : " anchors"));
        }
    }

    /**
     * Small periodic ripples, as calm water shows them: the area's content is displaced back and
     * forth by a few pixels, with whole cycles per loop, more strongly towards the viewer.
     */
    record Ripple(Area area, double strength) implements Layer {
        public Ripple {
            if (area == null || area.isEmpty()) area = Area.band(Region.LOWER);
            checkStrength(strength);
        }

        public Type type() { return Type.RIPPLE; }

        public Ripple withStrength(double v) { return new Ripple(area, v); }

        public String describe() { return "ripples in " + area.describe(); }
    }

    /**
     * A sway from the roots: grass, reeds and leaves bend back and forth, still at their roots
     * (the area's edge on the {@code roots} side) and more the further from them.
     *
     * @param roots bottom (grass, trees), top (hanging things), left or right
     */
    record Sway(Area area, Direction roots, double strength) implements Layer {
        public Sway {
            if (area == null || area.isEmpty()) area = Area.WHOLE;
            if (roots == null) roots = Direction.parse("bottom");
            checkStrength(strength);
        }

        public Type type() { return Type.SWAY; }

        public Sway withStrength(double v) { return new Sway(area, roots, v); }

        public String describe() { return "sway from the " + roots.word() + " in " + area.describe(); }
    }

    /**
     * A 2.5D camera circling in front of the depth-layered photo: near things shift against far
     * ones.
     *
     * @param depth "cues" (default), a depth image path (bright = near) or an ONNX model path
     */
    record Parallax(String depth, double strength) implements Layer {
        public Parallax {
            if (depth == null || depth.isBlank()) depth = "cues";
            checkStrength(strength);
        }

        public Type type() { return Type.PARALLAX; }

        public Area area() { return Area.WHOLE; }

        public Parallax withStrength(double v) { return new Parallax(depth, v); }

        public String describe() { return "parallax (" + (depth.equals("cues") ? "depth from cues" : "depth " + depth) + ")"; }
    }

    /** Lights that shimmer: brightness in the area breathes gently, each spot in its own phase. */
    record Glow(Area area, double strength) implements Layer {
        public Glow {
            if (area == null || area.isEmpty()) area = Area.WHOLE;
            checkStrength(strength);
        }

        public Type type() { return Type.GLOW; }

        public Glow withStrength(double v) { return new Glow(area, v); }

        public String describe() { return "glow in " + area.describe(); }
    }
}
