package io.imageloop.timeline.edit;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.plan.PlanHints;
import io.imageloop.engine.plan.Subject;
import io.imageloop.engine.recipe.Area;
import io.imageloop.engine.recipe.CameraMove;
import io.imageloop.engine.recipe.Direction;
import io.imageloop.engine.recipe.Layer;
import io.imageloop.engine.recipe.MotionRecipe;
import io.imageloop.engine.recipe.Particles;
import io.imageloop.engine.recipe.Style;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.VideoLoop;
import io.imageloop.timeline.edit.EditException.Problem;
import io.imageloop.timeline.edit.MotionEdit.Animate;
import io.imageloop.timeline.edit.MotionEdit.Camera;
import io.imageloop.timeline.edit.MotionEdit.Hold;
import io.imageloop.timeline.edit.MotionEdit.Restyle;
import io.imageloop.timeline.edit.MotionEdit.Speed;
import io.imageloop.timeline.edit.MotionEdit.Sprinkle;
import io.imageloop.timeline.edit.MotionEdit.Strength;
import io.imageloop.timeline.edit.MotionEdit.Turn;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Makes a {@link MotionEdit} on one loop's recipe.
 *
 * <p>A loop still as the planner made it is planned again with the request as a hint (what
 * {@code imageloop make} makes with the matching flag), when the new plan does what was asked;
 * it then stays "planned" and follows later aspect changes. Otherwise the edit is made on the
 * recipe itself, leaving everything else of it as it was (so earlier edits survive), and the
 * loop counts as edited from then on.
 */
public final class Motions {

    /** Camera strength when the camera is the whole loop (the planner's choice too). */
    static final double CAMERA_ALONE = 0.6;
    static final double MIN = 0.05;
    static final double MAX = 5;

    private Motions() {
    }

    /** The draft with the loop at {@code position} changed; the same draft when the edit changes nothing. */
    public static Draft apply(Draft draft, int position, MotionEdit edit, LoopPlanner planner) {
        return Loops.mapLoop(draft, position, loop -> edit(loop, edit, draft.meta().aspect(), planner));
    }

    static VideoLoop edit(VideoLoop loop, MotionEdit e, Aspect aspect, LoopPlanner planner) {
        VideoLoop base = loop.recipe() == null ? Planned.plan(loop, planner, PlanHints.NONE, Particles.NONE, aspect) : loop;
        MotionRecipe before = base.recipe();
        Optional<Planned> planned = Planned.of(base);
        if (planned.isPresent()) {
            Hinted h = hinted(e, planned.get());
            if (h != null) {
                VideoLoop again = Planned.plan(base, planner, h.hints(), h.particles(), aspect);
                if (satisfied(e, before, again.recipe())) return again.recipe().equals(before) ? loop : again;
            }
        }
        MotionRecipe after = surgery(e, before, base, aspect, planner);
        if (after.equals(before)) return loop;
        return Planned.unmark(base.withRecipe(after));
    }

    private record Hinted(PlanHints hints, Particles particles) {
    }

    /** The request as planner hints, or null when the planner has no hint for it. */
    private static Hinted hinted(MotionEdit e, Planned p) {
        PlanHints h = p.hints();
        Particles parts = p.particles();
        if (e instanceof Turn t) {
            if ((t.subject() != null && t.subject() != Subject.SKY) || !t.direction().isAngle()) return null;
            h = h.withDirection(t.direction());
        } else if (e instanceof Speed s) {
            if (s.subject() != null || s.camera()) return null;
            h = h.withStrength(clamp((h.strength() == null ? 1 : h.strength()) * s.factor()));
        } else if (e instanceof Strength s) {
            if (s.subject() != null || s.camera()) return null;
            h = h.withStrength(clamp(s.value()));
        } else if (e instanceof Camera c) {
            if (c.move() != null && c.factor() != 1) return null;
            h = c.move() == null ? h.withCamera(false, null) : h.withCamera(true, c.move());
        } else if (e instanceof Sprinkle s) {
            parts = s.particles();
        } else if (e instanceof Animate a) {
            if (a.subjects().contains(Subject.PEOPLE)) return null;
            Set<Subject> hold = EnumSet.noneOf(Subject.class);
            if (a.only()) {
                hold.addAll(EnumSet.complementOf(EnumSet.copyOf(a.subjects())));
                hold.remove(Subject.PEOPLE);
                h = new PlanHints(a.subjects(), hold, h.direction(), h.strength(), false, null);
            } else {
                hold.addAll(h.hold());
                hold.removeAll(a.subjects());
                h = new PlanHints(union(h.move(), a.subjects()), hold, h.direction(), h.strength(), h.camera(), h.cameraMove());
            }
        } else if (e instanceof Hold hd) {
            Set<Subject> move = EnumSet.noneOf(Subject.class);
            move.addAll(h.move());
            move.removeAll(hd.subjects());
            h = new PlanHints(move, union(h.hold(), hd.subjects()), h.direction(), h.strength(), h.camera(), h.cameraMove());
        } else {
            return null;
        }
        return new Hinted(h, parts);
    }

    /** Whether a new plan does what was asked. */
    static boolean satisfied(MotionEdit e, MotionRecipe before, MotionRecipe after) {
        if (e instanceof Turn t) {
            List<Layer.Drift> drifts = drifts(after, t.subject());
            return !drifts.isEmpty() && drifts.stream().allMatch(d -> d.direction().equals(t.direction()));
        }
        if (e instanceof Speed s) {
            return sameKinds(before, after) && (s.factor() < 1 ? lead(after) < lead(before) - 1e-9 : lead(after) > lead(before) + 1e-9);
        }
        if (e instanceof Strength s) return sameKinds(before, after) && Math.abs(lead(after) - s.value()) < 1e-6;
        if (e instanceof Camera c) {
            return c.move() == null ? after.camera() == null : after.camera() != null && after.camera().move().equals(c.move());
        }
        if (e instanceof Sprinkle s) return after.particles() == s.particles();
        if (e instanceof Animate a) {
            return a.subjects().stream().allMatch(s -> after.layers().stream().anyMatch(l -> Subjects.moves(l, s)))
                    && (!a.only() || (after.camera() == null
                    && after.layers().stream().allMatch(l -> Subjects.of(l).stream().anyMatch(a.subjects()::contains))));
        }
        if (e instanceof Hold h) {
            return h.subjects().stream().noneMatch(s -> after.layers().stream().anyMatch(l -> Subjects.moves(l, s)
                    || (Subjects.of(l).isEmpty() && l.type() != Layer.Type.PARALLAX)));
        }
        return false;
    }

    /** The edit made on the recipe itself. */
    private static MotionRecipe surgery(MotionEdit e, MotionRecipe r, VideoLoop loop, Aspect aspect, LoopPlanner planner) {
        try {
            if (e instanceof Restyle s) return restyle(s, r, loop, aspect, planner);
            if (e instanceof Turn t) return turn(t, r);
            if (e instanceof Speed s) return speed(r, s.subject(), s.camera(), v -> v * s.factor(), s.factor() > 1);
            if (e instanceof Strength s) return speed(r, s.subject(), s.camera(), v -> s.value(), s.value() > lead(r));
            if (e instanceof Camera c) return camera(c, r, loop, aspect, planner);
            if (e instanceof Sprinkle s) return sprinkle(s, r);
            if (e instanceof Animate a) return animate(a, r, loop, aspect, planner);
            return hold((Hold) e, r, loop, aspect, planner);
        } catch (LoopException x) {
            // The recipe refused itself (e.g. a freeze with nothing local left to move).
            throw new EditException(Problem.NOTHING_WOULD_MOVE, x.getMessage());
        }
    }

    private static MotionRecipe restyle(Restyle s, MotionRecipe r, VideoLoop loop, Aspect aspect, LoopPlanner planner) {
        Direction d = s.direction();
        switch (s.style()) {
            case FLOW: {
                List<Layer> flows = new ArrayList<>(r.layers().stream()
                        .filter(l -> l.type() == Layer.Type.DRIFT || l.type() == Layer.Type.FLOW || l.type() == Layer.Type.RIPPLE).toList());
                if (flows.stream().noneMatch(l -> l.type() != Layer.Type.RIPPLE)) flows.addAll(0, found(loop, planner, aspect, Subject.SKY, d));
                MotionRecipe out = new MotionRecipe(flows, r.freeze(), null, r.particles(), r.seed(), r.notes());
                return d != null && d.isAngle() ? turn(new Turn(d, null), out) : out;
            }
            case CAMERA: {
                Direction move = d != null && !d.word().equals("bottom") && !d.word().equals("top") ? d
                        : r.camera() != null ? r.camera().move() : Direction.parse("zoom");
                double strength = r.camera() != null ? r.camera().strength() : CAMERA_ALONE;
                return new MotionRecipe(List.of(), Area.NONE, new CameraMove(move, strength), r.particles(), r.seed(), r.notes());
            }
            case SWAY: {
                List<Layer> sways = new ArrayList<>(r.layers().stream().filter(l -> l.type() == Layer.Type.SWAY).toList());
                if (sways.isEmpty()) sways.addAll(found(loop, planner, aspect, Subject.FOLIAGE, null));
                if (sways.isEmpty()) sways.addAll(found(loop, planner, aspect, Subject.GRASS, null));
                return new MotionRecipe(sways, r.freeze(), null, r.particles(), r.seed(), r.notes());
            }
            default:
                return new MotionRecipe(List.of(new Layer.Parallax("cues", 1.0)), Area.NONE, null, r.particles(), r.seed(), r.notes());
        }
    }

    private static MotionRecipe turn(Turn t, MotionRecipe r) {
        List<Layer.Drift> drifts = drifts(r, t.subject());
        if (drifts.isEmpty()) {
            throw new EditException(Problem.NOTHING_FLOWS, "nothing drifts in this loop, so it has no direction to change",
                    t.subject() == null ? Map.of() : Map.of("subject", t.subject().toString()));
        }
        if (!t.direction().isAngle()) {
            throw new EditException(Problem.NOTHING_FLOWS, "drifts go left, right, up or down");
        }
        return r.mapLayers(l -> drifts.contains(l) ? ((Layer.Drift) l).withDirection(t.direction()) : l);
    }

    private static MotionRecipe speed(MotionRecipe r, Subject subject, boolean cameraOnly, java.util.function.DoubleUnaryOperator f,
                                      boolean faster) {
        boolean layers = !cameraOnly;
        boolean camera = cameraOnly || (subject == null && r.camera() != null);
        List<Layer> matching = layers ? r.layers().stream().filter(l -> subject == null || Subjects.moves(l, subject)).toList() : List.of();
        if (matching.isEmpty() && !camera) {
            throw new EditException(Problem.NOTHING_FLOWS, subject == null ? "nothing in this loop has a speed to change"
                    : "the " + subject + " does not move in this loop", subject == null ? Map.of() : Map.of("subject", subject.toString()));
        }
        if (cameraOnly && r.camera() == null) {
            throw new EditException(Problem.NOTHING_FLOWS, "this loop has no camera move", Map.of("subject", "camera"));
        }
        boolean atLimit = matching.stream().allMatch(l -> faster ? l.strength() >= MAX : l.strength() <= MIN)
                && (!camera || (faster ? r.camera().strength() >= MAX : r.camera().strength() <= MIN));
        if (atLimit) {
            throw new EditException(Problem.STRENGTH_LIMIT, faster ? "that is as fast as it goes" : "that is as slow as it goes",
                    Map.of("limit", faster ? MAX : MIN));
        }
        MotionRecipe out = r.mapLayers(l -> matching.contains(l) ? l.withStrength(clamp(f.applyAsDouble(l.strength()))) : l);
        if (camera) out = out.withCamera(out.camera().withStrength(clamp(f.applyAsDouble(out.camera().strength()))));
        return out;
    }

    private static MotionRecipe camera(Camera c, MotionRecipe r, VideoLoop loop, Aspect aspect, LoopPlanner planner) {
        if (c.move() == null) {
            if (r.camera() == null) return r;
            if (!r.layers().isEmpty() || r.particles() != Particles.NONE) {
                return new MotionRecipe(r.layers(), r.freeze(), null, r.particles(), r.seed(), r.notes());
            }
            // The camera was all that moved: ask the planner for motion without one.
            PlanHints h = Planned.hintsOf(loop).withCamera(false, null);
            MotionRecipe plan = planner.plan(loop.media(), h, aspect, loop.loopMs() / 1000.0);
            if (plan.layers().isEmpty()) {
                throw new EditException(Problem.NOTHING_WOULD_MOVE, "without the camera move nothing in this photo would move");
            }
            return new MotionRecipe(plan.layers(), plan.freeze(), null, r.particles(), r.seed(), r.notes());
        }
        List<Layer> layers = r.layers();
        if (r.camera() == null && layers.stream().anyMatch(l -> l.type() == Layer.Type.PARALLAX)) {
            // Parallax is a camera already: the move replaces it.
            layers = layers.stream().filter(l -> l.type() != Layer.Type.PARALLAX).toList();
        }
        double strength = r.camera() != null ? r.camera().strength() * c.factor()
                : (layers.isEmpty() ? CAMERA_ALONE : CameraMove.ACCOMPANYING) * c.factor();
        Area freeze = layers.isEmpty() ? Area.NONE : r.freeze();
        return new MotionRecipe(layers, freeze, new CameraMove(c.move(), clamp(strength)), r.particles(), r.seed(), r.notes());
    }

    private static MotionRecipe sprinkle(Sprinkle s, MotionRecipe r) {
        if (s.particles() == Particles.NONE && r.layers().isEmpty() && r.camera() == null && r.particles() != Particles.NONE) {
            throw new EditException(Problem.NOTHING_WOULD_MOVE, "without the particles nothing in this loop would move");
        }
        return r.withParticles(s.particles());
    }

    private static MotionRecipe animate(Animate a, MotionRecipe r, VideoLoop loop, Aspect aspect, LoopPlanner planner) {
        if (a.subjects().contains(Subject.PEOPLE)) throw new EditException(Problem.PEOPLE_HOLD_STILL, "faces and people always hold still");
        List<Layer> layers = new ArrayList<>(a.only()
                ? r.layers().stream().filter(l -> Subjects.of(l).stream().anyMatch(a.subjects()::contains)).toList() : r.layers());
        Area freeze = r.freeze();
        for (Subject s : a.subjects()) {
            if (layers.stream().noneMatch(l -> Subjects.moves(l, s))) layers.addAll(found(loop, planner, aspect, s, null));
            freeze = unfreeze(freeze, s);
        }
        // A camera move that was the whole loop gives way to the motion asked for.
        CameraMove camera = a.only() || r.layers().isEmpty() ? null : r.camera();
        return new MotionRecipe(layers, layers.stream().allMatch(l -> l.type() == Layer.Type.PARALLAX) ? Area.NONE : freeze, camera,
                r.particles(), r.seed(), r.notes());
    }

    private static MotionRecipe hold(Hold h, MotionRecipe r, VideoLoop loop, Aspect aspect, LoopPlanner planner) {
        List<Layer> layers = new ArrayList<>(r.layers().stream()
                .filter(l -> Subjects.of(l).isEmpty() || !h.subjects().containsAll(Subjects.of(l))).toList());
        Area freeze = r.freeze();
        for (Subject s : h.subjects()) {
            boolean wholeLayer = layers.stream().anyMatch(l -> Subjects.of(l).isEmpty() && l.type() != Layer.Type.PARALLAX);
            Area band = Subjects.freezable(s);
            if (wholeLayer && band != null && !freeze.equals(freeze.plus(band))) freeze = freeze.plus(band);
        }
        if (layers.isEmpty() && r.camera() == null && r.particles() == Particles.NONE) {
            PlanHints hints = Planned.hintsOf(loop);
            PlanHints held = new PlanHints(hints.move(), union(hints.hold(), h.subjects()), hints.direction(), hints.strength(),
                    hints.camera(), hints.cameraMove());
            MotionRecipe plan = planner.plan(loop.media(), held, aspect, loop.loopMs() / 1000.0);
            if (!satisfied(h, r, plan)) throw new EditException(Problem.NOTHING_WOULD_MOVE, "holding that still leaves nothing to move");
            return plan.withParticles(r.particles()).withSeed(r.seed());
        }
        boolean local = layers.stream().anyMatch(l -> l.type() != Layer.Type.PARALLAX);
        return new MotionRecipe(layers, local ? freeze : Area.NONE, r.camera(), r.particles(), r.seed(), r.notes());
    }

    /** The layers that move a thing, as the planner sees it in this photo, else the classic layer for it. */
    private static List<Layer> found(VideoLoop loop, LoopPlanner planner, Aspect aspect, Subject s, Direction direction) {
        PlanHints hints = Planned.hintsOf(loop);
        Set<Subject> hold = EnumSet.noneOf(Subject.class);
        hold.addAll(hints.hold());
        hold.remove(s);
        PlanHints asked = new PlanHints(union(hints.move(), Set.of(s)), hold, direction != null && direction.isAngle() ? direction
                : hints.direction(), hints.strength(), hints.camera(), hints.cameraMove());
        List<Layer> seen = planner.plan(loop.media(), asked, aspect, loop.loopMs() / 1000.0).layers().stream()
                .filter(l -> Subjects.moves(l, s)).toList();
        return seen.isEmpty() ? List.of(Subjects.classic(s, direction)) : seen;
    }

    /** The freeze area without the band or mask that holds this thing. */
    private static Area unfreeze(Area freeze, Subject s) {
        Area band = Subjects.freezable(s);
        io.imageloop.engine.recipe.Region keepBand = band != null && freeze.band() == band.band() ? null : freeze.band();
        io.imageloop.engine.recipe.Mask mask = freeze.mask() != null && freeze.mask().label() != null
                && freeze.mask().label().toLowerCase(java.util.Locale.ROOT).contains(s.toString()) ? null : freeze.mask();
        return new Area(keepBand, freeze.rects(), freeze.polygons(), mask);
    }

    static List<Layer.Drift> drifts(MotionRecipe r, Subject subject) {
        return r.layers().stream().filter(l -> l instanceof Layer.Drift).map(l -> (Layer.Drift) l)
                .filter(d -> subject == null || Subjects.moves(d, subject)).toList();
    }

    /** The strongest motion of a recipe: what "speed" means for it as a whole. */
    static double lead(MotionRecipe r) {
        double m = r.layers().stream().mapToDouble(Layer::strength).max().orElse(0);
        return r.camera() == null ? m : Math.max(m, r.camera().strength());
    }

    private static boolean sameKinds(MotionRecipe a, MotionRecipe b) {
        return a.layers().stream().map(Layer::type).toList().equals(b.layers().stream().map(Layer::type).toList())
                && (a.camera() == null) == (b.camera() == null);
    }

    private static Set<Subject> union(Set<Subject> a, Set<Subject> b) {
        Set<Subject> out = EnumSet.noneOf(Subject.class);
        out.addAll(a);
        out.addAll(b);
        return out;
    }

    static double clamp(double s) {
        return Math.max(MIN, Math.min(MAX, s));
    }
}
