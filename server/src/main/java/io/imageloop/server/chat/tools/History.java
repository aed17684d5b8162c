package io.imageloop.server.chat.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.server.http.Json;
import io.imageloop.server.store.DraftStore.VersionNote;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Undo and redo over the stored versions, which are never changed: undoing saves a new version
 * with the draft as it was before the undone edit, and says so in its note ({@code "undo": [7]});
 * redoing saves one with the redone edit's draft ({@code "redo": 7}). Replaying the notes gives
 * the two stacks, so undo and redo work across restarts and servers. Notes that are not ours
 * (older versions, other writers) count as edits.
 */
public final class History {

    /** Edits that can be undone (top = newest) and undone edits that can be redone. */
    public record Stacks(Deque<Integer> done, Deque<Integer> undone) {
    }

    private History() {
    }

    public static Stacks replay(List<VersionNote> versions) {
        Deque<Integer> done = new ArrayDeque<>();
        Deque<Integer> undone = new ArrayDeque<>();
        for (VersionNote v : versions) {
            JsonNode note = parse(v.note());
            boolean history = false;
            for (JsonNode u : note.path("undo")) {
                history = true;
                if (done.remove(u.asInt())) undone.push(u.asInt());
            }
            if (note.hasNonNull("redo")) {
                history = true;
                int r = note.get("redo").asInt();
                if (undone.remove(r)) done.push(r);
            }
            if (!history) {
                done.push(v.version());
                undone.clear();
            }
        }
        return new Stacks(done, undone);
    }

    /** A version's note as JSON; anything else is an empty object (an ordinary edit). */
    public static JsonNode parse(String note) {
        if (note == null || !note.startsWith("{")) return Json.MAPPER.createObjectNode();
        try {
            JsonNode n = Json.MAPPER.readTree(note);
            return n != null && n.isObject() ? n : Json.MAPPER.createObjectNode();
        } catch (Exception e) {
            return Json.MAPPER.createObjectNode();
        }
    }

    /** The note a turn saves: its tools, what it undid or redid, and what it was about. */
    public static String note(List<String> tools, Workspace ws) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        tools.stream().distinct().forEach(n.putArray("tools")::add);
        // A turn that undid and then edited is one edit of its own: undoing it goes back to before the turn.
        if (!ws.editedAfterHistory()) {
            if (!ws.undone().isEmpty()) ws.undone().forEach(n.putArray("undo")::add);
            if (ws.redone() != null) n.put("redo", ws.redone());
        }
        n.set("focus", ws.focusAfter().toJson());
        String s = Json.stringify(n);
        if (s.length() > 500) {
            n.remove("focus");
            s = Json.stringify(n);
        }
        return s;
    }
}
