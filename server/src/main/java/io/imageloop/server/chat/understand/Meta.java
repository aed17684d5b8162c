package io.imageloop.server.chat.understand;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.server.http.Json;

import java.util.Set;

/**
 * Clauses that ask rather than edit: what is on the timeline, whether there is music, how long
 * it is, what a loop does, credits, export, upload, help, greetings and thanks. Routed to the
 * answering tools, never to an edit.
 */
final class Meta {

    private static final Set<Cue> EDIT = Set.of(Cue.ADD, Cue.REMOVE, Cue.MOVE, Cue.KEEP, Cue.SWAP, Cue.REVERSE, Cue.DUPLICATE,
            Cue.REPEAT, Cue.GENERATE, Cue.CONVERT, Cue.FLOW, Cue.SWAY, Cue.PARALLAX, Cue.ZOOM, Cue.ZOOM_IN, Cue.ZOOM_OUT, Cue.ORBIT,
            Cue.PAN, Cue.SNOW, Cue.RAIN, Cue.SPARKLES, Cue.BOKEH, Cue.VERTICAL, Cue.SQUARE, Cue.LANDSCAPE, Cue.FIT, Cue.COVER, Cue.CROP,
            Cue.LONGER, Cue.SHORTER, Cue.FASTER, Cue.SLOWER, Cue.LOUDER, Cue.QUIETER, Cue.BIGGER, Cue.SMALLER, Cue.COLOR, Cue.FADE,
            Cue.FADE_IN, Cue.FADE_OUT, Cue.THINGS, Cue.STILL, Cue.MUTE, Cue.UNDO, Cue.REDO, Cue.SET, Cue.STRONGER, Cue.WEAKER);

    private static final Set<Cue> LOOP = Set.of(Cue.GENERATE, Cue.CONVERT, Cue.FLOW, Cue.SWAY, Cue.PARALLAX, Cue.ZOOM, Cue.ZOOM_IN,
            Cue.ZOOM_OUT, Cue.ORBIT, Cue.PAN, Cue.CAMERA, Cue.SNOW, Cue.RAIN, Cue.SPARKLES, Cue.BOKEH, Cue.VERTICAL, Cue.SQUARE,
            Cue.LANDSCAPE, Cue.ASPECT_NOUN, Cue.FIT, Cue.COVER, Cue.CROP, Cue.LONGER, Cue.SHORTER, Cue.FASTER, Cue.SLOWER, Cue.STRONGER,
            Cue.WEAKER, Cue.REPEAT, Cue.PHOTO, Cue.LOOP_NOUN, Cue.SKY, Cue.WATER, Cue.GRASS, Cue.FOLIAGE, Cue.LIGHTS, Cue.PEOPLE,
            Cue.STILL, Cue.MOVE_INTR, Cue.LENGTH, Cue.SPEED, Cue.SWAP, Cue.REVERSE, Cue.DUPLICATE, Cue.THINGS, Cue.LEFT, Cue.RIGHT);

    private Meta() {
    }

    /** Whether the clause asks for a change of some kind. */
    static boolean edits(Clause c) {
        for (Token t : c.tokens) {
            if (t.type() == Token.Type.QUOTE || t.type() == Token.Type.ASPECT) return true;
            for (Cue q : t.cues()) if (EDIT.contains(q)) return true;
        }
        return !Slots.durations(c).isEmpty() && !c.has(Cue.EXPORT);
    }

    /** Whether the clause speaks of the photos and their motion. */
    static boolean loopCues(Clause c) {
        for (Token t : c.tokens) {
            if (t.type() == Token.Type.ASPECT || t.type() == Token.Type.ORDINAL) return true;
            for (Cue q : t.cues()) if (LOOP.contains(q)) return true;
        }
        return false;
    }

    /** A question about the draft or the account; false when the clause is not one we answer. */
    static boolean question(Clause c, Reader.State st, Reader.Result r) {
        if (c.has(Cue.HELP)) return call(r, "help", null);
        if (c.has(Cue.MUSIC) && !c.has(Cue.ADD)) return call(r, "show_timeline", "music");
        if (c.any(Cue.TEXT, Cue.TITLE, Cue.CAPTION) && !c.has(Cue.ADD) && c.quotes().isEmpty()) return call(r, "show_timeline", "texts");
        if (c.has(Cue.CREDITS)) return call(r, "get_credits", null);
        if (c.has(Cue.PRICE) || c.has(Cue.EXPORT)) return call(r, "export_info", null);
        boolean howMany = c.tokens.stream().anyMatch(t -> t.word().equals("many")) || c.tokens.stream().anyMatch(t -> t.raw().equals("几"));
        if (howMany && c.any(Cue.PHOTO, Cue.LOOP_NOUN)) return call(r, "show_timeline", "photos");
        boolean order = c.tokens.stream().anyMatch(t -> t.type() == Token.Type.ORDINAL || t.word().equals("order")) || c.any(Cue.FRONT, Cue.END_POS);
        if (order && c.any(Cue.PHOTO, Cue.ONE, Cue.LOOP_NOUN) && !Meta.edits(c)) return call(r, "show_timeline", "photos");
        if (c.has(Cue.LENGTH)) return call(r, "show_timeline", "length");
        boolean doing = c.any(Cue.MOTION, Cue.MOVE_INTR) || c.tokens.stream().anyMatch(t -> Set.of("do", "doing", "does").contains(t.word()));
        if (doing && c.any(Cue.IT, Cue.PHOTO, Cue.GENERATE, Cue.ONE, Cue.LOOP_NOUN, Cue.VIDEO, Cue.CAMERA) || c.has(Cue.MOTION) && !Meta.edits(c)) {
            ObjectNode a = Json.MAPPER.createObjectNode();
            ArrayNode photos = PhotoRefs.find(c, st.ctx);
            if (!photos.isEmpty()) a.set("photos", photos);
            r.call("explain_motion", a);
            return true;
        }
        if (c.any(Cue.TIMELINE, Cue.STATUS)) return call(r, "show_timeline", null);
        if (c.has(Cue.UPLOAD)) return call(r, "upload_info", null);
        return false;
    }

    /** Requests that are not edits: export, credits, status, upload, help, hello, thanks. */
    static boolean plain(Clause c, Reader.State st, Reader.Result r) {
        if (c.has(Cue.EXPORT)) return call(r, "export_info", null);
        if (c.has(Cue.CREDITS)) return call(r, "get_credits", null);
        if (c.has(Cue.PRICE)) return call(r, "export_info", null);
        if (c.any(Cue.STATUS, Cue.TIMELINE)) return call(r, "show_timeline", null);
        if (c.has(Cue.UPLOAD)) return call(r, "upload_info", null);
        if (c.has(Cue.HELP)) return call(r, "help", null);
        int images = st.ctx.uploads().size();
        if (c.has(Cue.GREET) && c.size() <= 3) {
            r.answer(say -> say.greeting(images));
            return true;
        }
        if (c.has(Cue.THANKS) && c.size() <= 4) {
            r.answer(say -> say.thanks());
            return true;
        }
        return false;
    }

    private static boolean call(Reader.Result r, String tool, String topic) {
        ObjectNode a = Json.MAPPER.createObjectNode();
        if (topic != null) a.put("topic", topic);
        r.call(tool, a);
        return true;
    }
}
