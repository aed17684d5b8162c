package io.imageloop.timeline.edit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.engine.LoopException;
import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.plan.PlanHints;
import io.imageloop.engine.plan.Subject;
import io.imageloop.engine.recipe.CameraMove;
import io.imageloop.engine.recipe.Direction;
import io.imageloop.engine.recipe.MotionRecipe;
import io.imageloop.engine.recipe.Particles;
import io.imageloop.engine.recipe.RecipeCodec;
import io.imageloop.timeline.VideoLoop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a loop's recipe was planned, kept with the loop so it can be planned again: the draft
 * segment's {@code m.planned} = {@code {"aspect","seconds","hints","particles","digest"}}.
 *
 * <p>A loop counts as "planned, not edited" while its recipe is still exactly what the planner
 * made: the digest (SHA-256 of the recipe's JSON) still matches. Any change to the recipe by
 * anyone (the chat, the studio, a hand-edited draft) breaks the match without having to know
 * about this mark, so an edited loop is never re-planned over. A planned loop is exactly what
 * {@code imageloop make PHOTO --aspect A --duration S} makes with the same hints as flags
 * ({@code --move}, {@code --hold}, {@code --direction}, {@code --strength}, {@code --no-camera},
 * {@code --camera-move}, {@code --particles}); when the aspect or the length changes it is planned
 * again for the new one.
 */
public record Planned(Aspect aspect, double seconds, PlanHints hints, Particles particles, String digest) {

    public static final String KEY = "planned";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public Planned {
        if (hints == null) hints = PlanHints.NONE;
        if (particles == null) particles = Particles.NONE;
    }

    /** The loop's plan, if it has one and its recipe is still what that plan made. */
    public static Optional<Planned> of(VideoLoop loop) {
        JsonNode n = loop.extra().get(KEY);
        if (n == null || !n.isObject() || loop.recipe() == null) return Optional.empty();
        try {
            Planned p = new Planned(Aspect.parse(n.path("aspect").asText("16:9")), n.path("seconds").asDouble(loop.loopMs() / 1000.0),
                    hints(n.path("hints")), Particles.parse(n.path("particles").asText("none")), n.path("digest").asText(""));
            return p.digest.equals(digest(loop.recipe())) ? Optional.of(p) : Optional.empty();
        } catch (LoopException | IllegalArgumentException e) {
            return Optional.empty(); // an unreadable mark is no mark: the loop keeps its recipe
        }
    }

    /** The hints of the loop's plan, or none; read even when the recipe was edited since. */
    public static PlanHints hintsOf(VideoLoop loop) {
        JsonNode n = loop.extra().get(KEY);
        if (n == null || !n.isObject()) return PlanHints.NONE;
        try {
            return hints(n.path("hints"));
        } catch (LoopException | IllegalArgumentException e) {
            return PlanHints.NONE;
        }
    }

    /**
     * What {@code imageloop make} makes with these hints: the planner's recipe, a camera move
     * added on top when one was asked for and the plan has none, and the particles.
     */
    public static MotionRecipe build(LoopPlanner planner, String media, PlanHints hints, Particles particles, Aspect aspect,
                                     double seconds) {
        MotionRecipe r = planner.plan(media, hints, aspect, seconds);
        if (hints.cameraMove() != null && r.camera() == null) {
            double k = hints.strength() == null ? 1 : hints.strength();
            r = r.withCamera(new CameraMove(hints.cameraMove(), Math.max(0.05, Math.min(5, CameraMove.ACCOMPANYING * k))));
        }
        return particles == null || particles == Particles.NONE ? r : r.withParticles(particles);
    }

    /** The loop planned with these hints for this aspect at its own length, and marked so. */
    public static VideoLoop plan(VideoLoop loop, LoopPlanner planner, PlanHints hints, Particles particles, Aspect aspect) {
        double seconds = loop.loopMs() / 1000.0;
        MotionRecipe r = build(planner, loop.media(), hints, particles, aspect, seconds);
        return mark(loop.withRecipe(r), new Planned(aspect, seconds, hints, particles, digest(r)));
    }

    /** The loop without a plan mark: what it has is the user's. */
    public static VideoLoop unmark(VideoLoop loop) {
        if (!loop.extra().containsKey(KEY)) return loop;
        Map<String, JsonNode> extra = new HashMap<>(loop.extra());
        extra.remove(KEY);
        return new VideoLoop(loop.media(), loop.name(), loop.recipe(), loop.loopMs(), loop.fitting(), extra);
    }

    static VideoLoop mark(VideoLoop loop, Planned p) {
        Map<String, JsonNode> extra = new java.util.LinkedHashMap<>(loop.extra());
        extra.put(KEY, p.toJson());
        return new VideoLoop(loop.media(), loop.name(), loop.recipe(), loop.loopMs(), loop.fitting(), extra);
    }

    /** The fingerprint of a recipe: the first 16 hex digits of the SHA-256 of its JSON. */
    public static String digest(MotionRecipe recipe) {
        try {
            byte[] json = RecipeCodec.toJson(recipe, RecipeCodec.MaskWriter.INLINE).toString().getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    ObjectNode toJson() {
        ObjectNode o = NODES.objectNode();
        o.put("aspect", aspect.label());
        o.put("seconds", seconds);
        o.set("hints", hintsJson(hints));
        o.put("particles", particles.toString());
        o.put("digest", digest);
        return o;
    }

    /** The hints as one canonical line (sets in enum order), e.g. for cache keys. */
    public static String hintsKey(PlanHints h) {
        return hintsJson(h).toString();
    }

    static ObjectNode hintsJson(PlanHints h) {
        ObjectNode o = NODES.objectNode();
        if (!h.move().isEmpty()) subjects(o.putArray("move"), h.move());
        if (!h.hold().isEmpty()) subjects(o.putArray("hold"), h.hold());
        if (h.direction() != null) o.put("direction", h.direction().word());
        if (h.strength() != null) o.put("strength", h.strength());
        if (h.camera() != null) o.put("camera", h.camera());
        if (h.cameraMove() != null) o.put("camera_move", h.cameraMove().word());
        return o;
    }

    private static void subjects(ArrayNode a, Set<Subject> s) {
        EnumSet.copyOf(s).forEach(x -> a.add(x.toString()));
    }

    static PlanHints hints(JsonNode o) {
        if (o == null || !o.isObject()) return PlanHints.NONE;
        return new PlanHints(subjects(o.path("move")), subjects(o.path("hold")),
                o.hasNonNull("direction") ? Direction.parse(o.get("direction").asText()) : null,
                o.hasNonNull("strength") ? o.get("strength").asDouble() : null,
                o.hasNonNull("camera") ? o.get("camera").asBoolean() : null,
                o.hasNonNull("camera_move") ? Direction.parse(o.get("camera_move").asText()) : null);
    }

    private static Set<Subject> subjects(JsonNode a) {
        Set<Subject> out = EnumSet.noneOf(Subject.class);
        for (JsonNode n : a) out.add(Subject.valueOf(n.asText().toUpperCase(Locale.ROOT)));
        return out;
    }
}
