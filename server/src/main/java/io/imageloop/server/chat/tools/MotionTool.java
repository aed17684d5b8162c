package io.imageloop.server.chat.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.engine.LoopException;
import io.imageloop.engine.plan.Subject;
import io.imageloop.engine.recipe.Direction;
import io.imageloop.engine.recipe.Particles;
import io.imageloop.engine.recipe.Style;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.DraftSummary;
import io.imageloop.timeline.VideoContent;
import io.imageloop.timeline.edit.DraftEdits;
import io.imageloop.timeline.edit.EditException;
import io.imageloop.timeline.edit.MotionEdit;
import io.imageloop.timeline.edit.Motions;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * set_motion: one call may carry several changes ("slower clouds drifting left with snow");
 * they are made in a fixed order (style, what moves, what holds, direction, camera, speed,
 * particles), each on every target photo. A change one photo cannot take (nothing flows to
 * turn) is reported for that photo while the others take it.
 */
final class MotionTool {

    private MotionTool() {
    }

    static Outcome run(ObjectNode args, Workspace ws) {
        List<MotionEdit> edits;
        try {
            edits = edits(args);
        } catch (LoopException | IllegalArgumentException e) {
            return Outcome.refused(say -> say.engineProblem(e.getMessage()));
        }
        if (edits.isEmpty()) return Outcome.ask(say -> say.whatMotion());
        List<String> notes = new ArrayList<>();
        Outcome none = ws.ensureLoops(notes);
        if (none != null) return none;
        Targets.Resolved t = Targets.photos(args.get("photos"), ws);
        if (t.problem() != null) return t.problem();
        List<Integer> photos = LoopTools.photosOnly(ws.draft(), t.positions());
        if (photos.isEmpty()) return Outcome.refused(say -> say.notAPhoto());
        Draft d = ws.draft();
        List<EditException> failed = new ArrayList<>();
        List<String> failedOn = new ArrayList<>();
        String orStyle = Args.word(args, "or_style");
        for (MotionEdit e : edits) {
            for (int p : photos) {
                try {
                    try {
                        d = Motions.apply(d, p, e, ws.planner());
                    } catch (EditException x) {
                        // "flow left" on a loop where nothing flows yet: make it flow, that way.
                        if (!(e instanceof MotionEdit.Turn turn) || orStyle == null || x.problem() != EditException.Problem.NOTHING_FLOWS) throw x;
                        d = Motions.apply(d, p, new MotionEdit.Restyle(Style.parse(orStyle), turn.direction()), ws.planner());
                    }
                } catch (EditException x) {
                    failed.add(x);
                    VideoContent v = (VideoContent) DraftEdits.video(d).get(p).content();
                    failedOn.add(DraftSummary.label(v.name(), v.media()));
                }
            }
        }
        ws.focusPhotos(t.positions(), t.all());
        boolean changed = !LoopTools.sameVideo(ws.draft(), d);
        ws.draft(d);
        if (failed.isEmpty()) return changed ? Outcome.edited() : Outcome.unchanged(say -> say.motionAlready());
        EditException first = failed.get(0);
        String where = photos.size() > 1 ? failedOn.get(0) : null;
        if (!changed) return Outcome.refused(say -> say.problemOn(first, where));
        return Outcome.edited(say -> say.problemOn(first, where));
    }

    static List<MotionEdit> edits(ObjectNode a) {
        List<MotionEdit> out = new ArrayList<>();
        Subject subject = subject(Args.word(a, "subject"));
        String style = Args.word(a, "style");
        String direction = Args.word(a, "direction");
        boolean turnedByStyle = false;
        if (style != null) {
            Style s = Style.parse(style);
            Direction d = direction == null ? null : Direction.parse(direction);
            out.add(new MotionEdit.Restyle(s, d));
            turnedByStyle = direction != null;
        }
        Set<Subject> move = subjects(a.get("move"));
        if (!move.isEmpty()) out.add(new MotionEdit.Animate(move, Boolean.TRUE.equals(Args.bool(a, "only"))));
        Set<Subject> hold = subjects(a.get("hold"));
        if (!hold.isEmpty()) out.add(new MotionEdit.Hold(hold));
        if (direction != null && !turnedByStyle) out.add(new MotionEdit.Turn(Direction.parse(direction), subject));
        String camera = Args.word(a, "camera");
        Double cameraFactor = Args.number(a, "camera_speed_factor");
        if (camera != null) {
            boolean off = camera.equals("none") || camera.equals("off") || camera.equals("no") || camera.equals("false");
            out.add(new MotionEdit.Camera(off ? null : Direction.parse(camera), off || cameraFactor == null ? 1 : cameraFactor));
        } else if (cameraFactor != null) {
            out.add(new MotionEdit.Speed(cameraFactor, null, true));
        }
        Double speed = Args.number(a, "speed");
        Double factor = Args.number(a, "speed_factor");
        if (speed != null) out.add(new MotionEdit.Strength(speed, subject, false));
        else if (factor != null) out.add(new MotionEdit.Speed(factor, subject, false));
        String particles = Args.word(a, "particles");
        if (particles != null) out.add(new MotionEdit.Sprinkle(Particles.parse(particles)));
        return out;
    }

    static Subject subject(String w) {
        if (w == null) return null;
        try {
            return Subject.valueOf(w.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown thing '" + w + "'; use sky, water, grass, foliage, lights or people");
        }
    }

    private static Set<Subject> subjects(JsonNode n) {
        Set<Subject> out = EnumSet.noneOf(Subject.class);
        if (n == null || n.isNull()) return out;
        for (JsonNode x : n.isArray() ? n : List.of(n)) out.add(subject(x.asText().trim().toLowerCase(Locale.ROOT)));
        return out;
    }
}
