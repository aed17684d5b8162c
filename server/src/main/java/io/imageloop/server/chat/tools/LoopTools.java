package io.imageloop.server.chat.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.engine.LoopException;
import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.frame.Fitting;
import io.imageloop.server.chat.reply.Say;
import io.imageloop.server.store.MediaStore.MediaRecord;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.Segment;
import io.imageloop.timeline.VideoContent;
import io.imageloop.timeline.VideoLoop;
import io.imageloop.timeline.edit.DraftEdits;
import io.imageloop.timeline.edit.Loops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** make_loops, set_loop_length, set_repeats, set_fit, set_aspect. */
final class LoopTools {

    private LoopTools() {
    }

    static void register(Map<String, Toolbox.Tool> tools) {
        tools.put("make_loops", LoopTools::make);
        tools.put("set_loop_length", LoopTools::length);
        tools.put("set_repeats", LoopTools::repeats);
        tools.put("set_fit", LoopTools::fit);
        tools.put("set_aspect", LoopTools::aspect);
    }

    private static Outcome make(ObjectNode args, Workspace ws) {
        if (ws.images().isEmpty()) return Outcome.refused(Say::uploadFirst);
        List<String> missing = new ArrayList<>();
        List<MediaRecord> chosen = Targets.uploads(args.get("photos"), ws, missing);
        if (!missing.isEmpty()) {
            List<String> names = ws.images().stream().map(m -> m.originalName() == null ? m.id() : m.originalName()).toList();
            return Outcome.refused(say -> say.noPhotoNamed(missing.get(0), names));
        }
        List<String> there = DraftEdits.video(ws.draft()).stream().map(s -> ((VideoContent) s.content()).media()).toList();
        List<MediaRecord> fresh = chosen.stream().filter(m -> !there.contains(m.id())).toList();
        if (fresh.isEmpty()) return Outcome.unchanged(say -> say.alreadyLoops(chosen.size()));
        List<String> notes = new ArrayList<>();
        Outcome refused = ws.makeLoops(fresh, notes);
        if (refused != null) return refused;
        boolean all = chosen.size() == ws.images().size();
        List<Integer> made = new ArrayList<>();
        List<Segment> video = DraftEdits.video(ws.draft());
        for (int i = 0; i < video.size(); i++) {
            String media = ((VideoContent) video.get(i).content()).media();
            if (chosen.stream().anyMatch(m -> m.id().equals(media))) made.add(i);
        }
        ws.focusPhotos(made, all);
        return notes.isEmpty() ? Outcome.edited() : Outcome.edited(say -> say.cannotRead(notes));
    }

    private static Outcome length(ObjectNode args, Workspace ws) {
        List<String> notes = new ArrayList<>();
        Outcome none = ws.ensureLoops(notes);
        if (none != null) return none;
        Targets.Resolved t = Targets.photos(args.get("photos"), ws);
        if (t.problem() != null) return t.problem();
        Double seconds = Args.number(args, "seconds");
        Double add = Args.number(args, "add_seconds");
        Double factor = Args.number(args, "factor");
        if (seconds == null && add == null && factor == null) return Outcome.ask(Say::howLong);
        Draft d = ws.draft();
        List<Integer> photos = photosOnly(d, t.positions());
        if (photos.isEmpty()) return Outcome.refused(say -> say.notAPhoto());
        for (int p : photos) {
            VideoLoop loop = (VideoLoop) DraftEdits.video(d).get(p).content();
            double now = loop.loopMs() / 1000.0;
            double want = seconds != null ? seconds : add != null ? now + add : now * factor;
            if (seconds == null && want < Loops.MIN_LOOP_MS / 1000.0 && now > Loops.MIN_LOOP_MS / 1000.0) want = Loops.MIN_LOOP_MS / 1000.0;
            long ms = Math.round(want * 10) * 100;
            d = Loops.setLength(d, List.of(p), ms, ws.planner());
        }
        ws.focusPhotos(t.positions(), t.all());
        if (sameVideo(ws.draft(), d)) {
            long ms = ((VideoLoop) DraftEdits.video(d).get(photos.get(0)).content()).loopMs();
            return Outcome.unchanged(say -> say.alreadyLength(ms));
        }
        ws.draft(d);
        return Outcome.edited();
    }

    private static Outcome repeats(ObjectNode args, Workspace ws) {
        List<String> notes = new ArrayList<>();
        Outcome none = ws.ensureLoops(notes);
        if (none != null) return none;
        Targets.Resolved t = Targets.photos(args.get("photos"), ws);
        if (t.problem() != null) return t.problem();
        Double times = Args.number(args, "times");
        if (times == null) return Outcome.ask(Say::howManyTimes);
        Draft d = Loops.setRepeats(ws.draft(), photosOnly(ws.draft(), t.positions()), (int) Math.round(times));
        ws.focusPhotos(t.positions(), t.all());
        if (sameVideo(ws.draft(), d)) return Outcome.unchanged(say -> say.alreadyRepeats((int) Math.round(times)));
        ws.draft(d);
        return Outcome.edited();
    }

    private static Outcome fit(ObjectNode args, Workspace ws) {
        List<String> notes = new ArrayList<>();
        Outcome none = ws.ensureLoops(notes);
        if (none != null) return none;
        Targets.Resolved t = Targets.photos(args.get("photos"), ws);
        if (t.problem() != null) return t.problem();
        String f = Args.word(args, "fit");
        Fitting fitting = "fit".equals(f) || "contain".equals(f) || "whole".equals(f) ? Fitting.FIT : Fitting.COVER;
        Draft d = Loops.setFit(ws.draft(), photosOnly(ws.draft(), t.positions()), fitting);
        ws.focusPhotos(t.positions(), t.all());
        if (sameVideo(ws.draft(), d)) return Outcome.unchanged(say -> say.alreadyFit(fitting));
        ws.draft(d);
        return Outcome.edited();
    }

    private static Outcome aspect(ObjectNode args, Workspace ws) {
        String a = Args.text(args, "aspect");
        Aspect aspect;
        try {
            aspect = Aspect.parse(a == null ? "" : a.replace('x', ':').replace('/', ':').replace(" ", ""));
        } catch (LoopException e) {
            return Outcome.refused(say -> say.badAspect(a));
        }
        if (ws.draft().meta().aspect() == aspect) return Outcome.unchanged(say -> say.alreadyAspect(aspect.label()));
        ws.draft(Loops.setAspect(ws.draft(), aspect, ws.planner()));
        return Outcome.edited();
    }

    /** The positions that hold photo loops (clips have no loop length or motion). */
    static List<Integer> photosOnly(Draft d, List<Integer> positions) {
        List<Segment> video = DraftEdits.video(d);
        return positions.stream().filter(p -> p < video.size() && video.get(p).content() instanceof VideoLoop).toList();
    }

    static boolean sameVideo(Draft a, Draft b) {
        return DraftEdits.video(a).equals(DraftEdits.video(b)) && a.meta().equals(b.meta());
    }
}
