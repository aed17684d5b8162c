package io.imageloop.server.chat.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.server.chat.reply.Say;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.edit.DraftEdits;
import io.imageloop.timeline.edit.Sequence;

import java.util.List;
import java.util.Map;

/** remove_photos, keep_photos, move_photo, swap_photos, reverse_photos, duplicate_photos. */
final class SequenceTools {

    private SequenceTools() {
    }

    static void register(Map<String, Toolbox.Tool> tools) {
        tools.put("remove_photos", (a, ws) -> apply(a, ws, true, (d, p) -> Sequence.remove(d, p)));
        tools.put("keep_photos", (a, ws) -> apply(a, ws, true, (d, p) -> Sequence.keepOnly(d, p)));
        tools.put("duplicate_photos", (a, ws) -> apply(a, ws, true, (d, p) -> Sequence.duplicate(d, p)));
        tools.put("move_photo", SequenceTools::move);
        tools.put("swap_photos", SequenceTools::swap);
        tools.put("reverse_photos", (a, ws) -> {
            if (DraftEdits.video(ws.draft()).size() < 2) return Outcome.unchanged(Say::onlyOnePhoto);
            ws.draft(Sequence.reverse(ws.draft()));
            return Outcome.edited();
        });
    }

    private interface Edit {
        Draft apply(Draft d, List<Integer> positions);
    }

    private static Outcome apply(ObjectNode args, Workspace ws, boolean needsTarget, Edit edit) {
        if (DraftEdits.video(ws.draft()).isEmpty()) return Outcome.refused(Say::noLoopsYet);
        JsonNode spec = args.get("photos");
        if (needsTarget && (spec == null || spec.isNull() || spec.isEmpty())) spec = com.fasterxml.jackson.databind.node.TextNode.valueOf("one");
        Targets.Resolved t = Targets.photos(spec, ws);
        if (t.problem() != null) return t.problem();
        Draft d = edit.apply(ws.draft(), t.positions());
        if (LoopTools.sameVideo(ws.draft(), d)) return Outcome.unchanged(Say::orderAlready);
        ws.draft(d);
        return Outcome.edited();
    }

    private static Outcome move(ObjectNode args, Workspace ws) {
        if (DraftEdits.video(ws.draft()).isEmpty()) return Outcome.refused(Say::noLoopsYet);
        JsonNode spec = args.get("photo");
        if (spec == null || spec.isNull()) spec = args.get("photos");
        Targets.Resolved t = Targets.photos(spec == null ? com.fasterxml.jackson.databind.node.TextNode.valueOf("one") : spec, ws);
        if (t.problem() != null) return t.problem();
        if (t.positions().size() != 1) return Outcome.ask(say -> say.whichPhoto(Targets.labels(DraftEdits.video(ws.draft()))));
        int from = t.positions().get(0);
        int count = DraftEdits.video(ws.draft()).size();
        String to = Args.word(args, "to");
        int target;
        if (to == null || to.equals("last") || to.equals("end")) target = count - 1;
        else if (to.equals("first") || to.equals("start") || to.equals("front") || to.equals("beginning")) target = 0;
        else {
            Double n = Args.number(args, "to");
            if (n == null || n < 1 || n > count) return Targets.noSuchPhoto(n == null ? 0 : (int) Math.round(n), count);
            target = (int) Math.round(n) - 1;
        }
        Draft d = Sequence.move(ws.draft(), from, target);
        ws.focusPhotos(List.of(target), false);
        if (LoopTools.sameVideo(ws.draft(), d)) return Outcome.unchanged(Say::orderAlready);
        ws.draft(d);
        return Outcome.edited();
    }

    private static Outcome swap(ObjectNode args, Workspace ws) {
        int count = DraftEdits.video(ws.draft()).size();
        if (count < 2) return Outcome.unchanged(Say::onlyOnePhoto);
        JsonNode spec = args.get("photos");
        List<Integer> p;
        if (spec == null || spec.isNull() || spec.isEmpty()) {
            if (count != 2) return Outcome.ask(say -> say.whichPhoto(Targets.labels(DraftEdits.video(ws.draft()))));
            p = List.of(0, 1);
        } else {
            Targets.Resolved t = Targets.photos(spec, ws);
            if (t.problem() != null) return t.problem();
            p = t.positions();
            if (p.size() == 1 && count == 2) p = List.of(0, 1);
            if (p.size() != 2) return Outcome.ask(say -> say.whichPhoto(Targets.labels(DraftEdits.video(ws.draft()))));
        }
        ws.draft(Sequence.swap(ws.draft(), p.get(0), p.get(1)));
        return Outcome.edited();
    }
}
