package io.imageloop.timeline.edit;

import io.imageloop.engine.plan.Subject;
import io.imageloop.engine.recipe.Area;
import io.imageloop.engine.recipe.Direction;
import io.imageloop.engine.recipe.Layer;
import io.imageloop.engine.recipe.Region;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which things of a photo a layer moves, read from what the layer says about itself: the label
 * of its mask (the planner labels them "sky", "water", "foliage"...), else its band (the upper
 * part is sky, the lower part water or grass), else its kind (ripples are water, sways are
 * plants, glows are lights). A layer over the whole picture names no particular thing.
 */
public final class Subjects {

    private Subjects() {
    }

    /** The things this layer moves; empty when it moves the picture at large. */
    public static Set<Subject> of(Layer layer) {
        Set<Subject> out = EnumSet.noneOf(Subject.class);
        Area a = layer.area();
        if (a.mask() != null && a.mask().label() != null) {
            String label = a.mask().label().toLowerCase(Locale.ROOT);
            for (Subject s : Subject.values()) if (label.contains(s.toString()) || label.contains(singular(s))) out.add(s);
            if (label.contains("tree") || label.contains("leaves") || label.contains("plant")) out.add(Subject.FOLIAGE);
            if (label.contains("cloud")) out.add(Subject.SKY);
            if (label.contains("reed")) out.add(Subject.GRASS);
            if (label.contains("face")) out.add(Subject.PEOPLE);
            if (!out.isEmpty()) return out;
        }
        if (a.band() == Region.UPPER) return EnumSet.of(Subject.SKY);
        if (a.band() == Region.LOWER) {
            return layer.type() == Layer.Type.SWAY ? EnumSet.of(Subject.GRASS) : EnumSet.of(Subject.WATER);
        }
        return switch (layer.type()) {
            case RIPPLE -> EnumSet.of(Subject.WATER);
            case GLOW -> a.isWhole() ? EnumSet.noneOf(Subject.class) : EnumSet.of(Subject.LIGHTS);
            default -> EnumSet.noneOf(Subject.class);
        };
    }

    /** Whether the layer moves this thing in particular (a whole-picture layer does not count). */
    public static boolean moves(Layer layer, Subject s) {
        return of(layer).contains(s);
    }

    /** The classic layer for a thing, when the planner found none: the band or picture where it usually is. */
    public static Layer classic(Subject s, Direction direction) {
        return switch (s) {
            case SKY -> new Layer.Drift(Area.band(Region.UPPER), direction != null && direction.isAngle() ? direction : Direction.RIGHT, 1.0);
            case WATER -> new Layer.Ripple(Area.band(Region.LOWER), 1.0);
            case GRASS -> new Layer.Sway(Area.band(Region.LOWER), Direction.parse("bottom"), 0.8);
            case FOLIAGE -> new Layer.Sway(Area.WHOLE, Direction.parse("bottom"), 0.8);
            case LIGHTS -> new Layer.Glow(Area.WHOLE, 1.0);
            case PEOPLE -> throw new EditException(EditException.Problem.PEOPLE_HOLD_STILL, "faces and people always hold still");
        };
    }

    /** Where a thing can be held still when a layer over the whole picture would move it: sky above, water below. */
    static Area freezable(Subject s) {
        return switch (s) {
            case SKY -> Area.band(Region.UPPER);
            case WATER -> Area.band(Region.LOWER);
            default -> null;
        };
    }

    private static String singular(Subject s) {
        return switch (s) {
            case LIGHTS -> "light";
            case PEOPLE -> "person";
            default -> s.toString();
        };
    }
}
