package io.imageloop.server.chat.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.engine.frame.Aspect;
import io.imageloop.server.chat.reply.Say;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.DraftCodec;
import io.imageloop.timeline.DraftMeta;
import io.imageloop.timeline.edit.DraftEdits;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** undo (one or more steps) and redo, over the stored versions ({@link History}). */
final class HistoryTools {

    private HistoryTools() {
    }

    static void register(Map<String, Toolbox.Tool> tools) {
        tools.put("undo", HistoryTools::undo);
        tools.put("redo", HistoryTools::redo);
    }

    private static Outcome undo(ObjectNode a, Workspace ws) {
        History.Stacks stacks = History.replay(ws.session().history().notes());
        Deque<Integer> done = stacks.done();
        done.removeAll(ws.undone);
        Double steps = Args.number(a, "steps");
        int n = steps == null ? 1 : Math.max(1, (int) Math.round(steps));
        if (done.isEmpty()) return Outcome.unchanged(Say::nothingToUndo);
        List<Integer> undid = new ArrayList<>();
        int last = 0;
        for (int i = 0; i < n && !done.isEmpty(); i++) {
            last = done.pop();
            undid.add(last);
        }
        Draft restored = version(ws, last - 1);
        ws.undone.addAll(undid);
        ws.redone = null;
        ws.restore(restored);
        int count = undid.size();
        return count < n ? Outcome.edited(say -> say.undidOnly(count)) : Outcome.edited();
    }

    private static Outcome redo(ObjectNode a, Workspace ws) {
        History.Stacks stacks = History.replay(ws.session().history().notes());
        Deque<Integer> undone = stacks.undone();
        if (!ws.undone.isEmpty()) {
            // Undone in this very turn: redo the last of those.
            int r = ws.undone.remove(ws.undone.size() - 1);
            ws.restore(version(ws, r));
            return Outcome.edited();
        }
        if (undone.isEmpty()) return Outcome.unchanged(Say::nothingToRedo);
        int r = undone.pop();
        ws.redone = r;
        ws.restore(version(ws, r));
        return Outcome.edited();
    }

    /** The draft of a stored version; version 0 is the empty draft before the first edit. */
    private static Draft version(Workspace ws, int v) {
        if (v <= 0) return DraftEdits.empty(Aspect.LANDSCAPE, DraftMeta.DEFAULT_FPS);
        return ws.session().history().draft(v).map(DraftCodec::read)
                .orElseGet(() -> DraftEdits.empty(Aspect.LANDSCAPE, DraftMeta.DEFAULT_FPS));
    }
}
