package io.imageloop.engine.recipe;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How a photo moves: the one description of a loop's motion that the planner writes, the CLI,
 * the agent and the studio edit, a draft segment carries and the engine renders. Everything in
 * it is in photo coordinates (fractions of the upright photo), so it means the same at every
 * aspect ratio; how long the loop is, its frame rate and its framing are not part of it.
 *
 * @param layers    what moves where, stacked (see {@link Layer})
 * @param freeze    what never moves, whatever the layers say (exactly the photo's pixels there)
 * @param camera    a closed camera path: the whole loop when there are no layers, else on top; or null
 * @param particles an overlay that loops with the picture
 * @param seed      for anything random (particles, ripple phases), so renders repeat exactly
 * @param notes     free text, e.g. what the planner saw and why it chose this; not rendered
 */
public record MotionRecipe(List<Layer> layers, Area freeze, CameraMove camera, Particles particles, long seed,
                           List<String> notes) {

    public static final int VERSION = 2;

    public MotionRecipe {
        layers = List.copyOf(layers);
        freeze = freeze == null ? Area.NONE : freeze;
        particles = particles == null ? Particles.NONE : particles;
        notes = List.copyOf(notes);
        if (layers.isEmpty() && camera == null && particles == Particles.NONE) {
            throw new LoopException(Kind.INVALID_PARAMETER, "nothing moves: a loop needs a layer, a camera move or particles");
        }
        boolean local = layers.stream().anyMatch(l -> l.type() != Layer.Type.PARALLAX);
        if (!freeze.isEmpty() && !local) {
            throw new LoopException(Kind.INVALID_PARAMETER, layers.isEmpty()
                    ? "freeze areas need motion in parts of the picture; a camera move alone moves every pixel"
                    : "freeze areas need motion in parts of the picture; parallax moves the whole picture");
        }
        if (layers.stream().filter(l -> l.type() == Layer.Type.PARALLAX).count() > 1) {
            throw new LoopException(Kind.INVALID_PARAMETER, "a recipe has at most one parallax layer");
        }
    }

    /** A recipe of these layers, nothing frozen, no camera. */
    public static MotionRecipe of(Layer... layers) {
        return new MotionRecipe(List.of(layers), Area.NONE, null, Particles.NONE, 1L, List.of());
    }

    /** A camera move and nothing else. */
    public static MotionRecipe camera(CameraMove move) {
        return new MotionRecipe(List.of(), Area.NONE, move, Particles.NONE, 1L, List.of());
    }

    public MotionRecipe withLayers(List<Layer> v) {
        return new MotionRecipe(v, freeze, camera, particles, seed, notes);
    }

    /** Adds a layer on top. */
    public MotionRecipe plus(Layer layer) {
        List<Layer> all = new ArrayList<>(layers);
        all.add(layer);
        return withLayers(all);
    }

    /** Every layer of that type replaced by what {@code change} makes of it. */
    public MotionRecipe mapLayers(UnaryOperator<Layer> change) {
        return withLayers(layers.stream().map(change).toList());
    }

    public MotionRecipe without(Layer.Type type) {
        return withLayers(layers.stream().filter(l -> l.type() != type).toList());
    }

    public MotionRecipe withFreeze(Area v) {
        return new MotionRecipe(layers, v, camera, particles, seed, notes);
    }

    /** Null removes the camera move. */
    public MotionRecipe withCamera(CameraMove v) {
        return new MotionRecipe(layers, freeze, v, particles, seed, notes);
    }

    public MotionRecipe withParticles(Particles v) {
        return new MotionRecipe(layers, freeze, camera, v, seed, notes);
    }

    public MotionRecipe withSeed(long v) {
        return new MotionRecipe(layers, freeze, camera, particles, v, notes);
    }

    public MotionRecipe withNotes(List<String> v) {
        return new MotionRecipe(layers, freeze, camera, particles, seed, v);
    }

    /** Every layer's and the camera's strength times {@code factor}, kept inside 0..5. */
    public MotionRecipe scaled(double factor) {
        UnaryOperator<Double> s = v -> Math.max(0.05, Math.min(5, v * factor));
        return new MotionRecipe(layers.stream().map(l -> l.withStrength(s.apply(l.strength()))).toList(), freeze,
                camera == null ? null : camera.withStrength(s.apply(camera.strength())), particles, seed, notes);
    }

    public boolean has(Layer.Type type) {
        return layers.stream().anyMatch(l -> l.type() == type);
    }

    public <T extends Layer> Optional<T> first(Class<T> type) {
        return layers.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /**
     * The classic style this recipe is closest to, for short labels: a camera move alone is
     * camera, parallax is parallax, sway is sway, anything that flows (drift, arrows, ripples) is flow.
     */
    public Style style() {
        if (layers.isEmpty()) return camera != null ? Style.CAMERA : Style.FLOW;
        return switch (layers.get(0).type()) {
            case SWAY -> Style.SWAY;
            case PARALLAX -> Style.PARALLAX;
            default -> Style.FLOW;
        };
    }

    /** One line for reports: "drift right in the upper part; ripples in the lower part; under a camera zoom". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        layers.forEach(l -> parts.add(l.describe()));
        if (camera != null) parts.add(layers.isEmpty() ? camera.describe() : "under a " + camera.describe());
        if (!freeze.isEmpty()) parts.add("holding " + freeze.describe() + " still");
        if (particles != Particles.NONE) parts.add("with " + particles);
        return String.join("; ", parts);
    }
}
