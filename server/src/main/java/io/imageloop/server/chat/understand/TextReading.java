package io.imageloop.server.chat.understand;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.server.http.Json;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A clause about a text: add one (quoted, or unquoted after "title", "caption", "标题："),
 * change its words, move it, re-time it, restyle it or remove it. Every slot of the clause
 * (position, time, colour, size, fades) belongs to the text.
 */
final class TextReading {

    private static final Set<String> PLURAL = Set.of("texts", "titles", "captions", "subtitles");

    private TextReading() {
    }

    static void read(Clause c, Reader.State st, Reader.Result r) {
        Reader.Context ctx = st.ctx;
        String content = content(c, st);
        String role = c.has(Cue.CAPTION) ? "caption" : c.has(Cue.TITLE) ? "title" : null;
        boolean removing = c.has(Cue.REMOVE) || c.negated(firstTextNoun(c));
        if (removing) {
            ObjectNode a = args();
            boolean all = c.has(Cue.ALL) || c.tokens.stream().anyMatch(t -> PLURAL.contains(t.word()));
            if (all) a.put("all", true);
            else a.set("which", Json.MAPPER.valueToTree(which(c, role, content, ctx)));
            r.call("remove_text", a);
            return;
        }
        ObjectNode slots = args();
        boolean where = position(c, slots);
        boolean when = Times.read(c, slots);
        boolean style = style(c, slots);
        boolean matchesExisting = content != null && ctx.texts().stream().anyMatch(t -> t.equalsIgnoreCase(content));
        boolean renaming = content != null && !matchesExisting && (c.has(Cue.SET) || c.has(Cue.RENAME)) && !c.has(Cue.ADD)
                && (role != null || c.has(Cue.TEXT) || c.has(Cue.IT)) && !ctx.texts().isEmpty();
        if (renaming) {
            ObjectNode a = args();
            a.set("which", Json.MAPPER.valueToTree(role != null ? role : "it"));
            a.put("text", content);
            r.call("edit_text", a);
            edits(r, "it", slots, where, when, style);
            return;
        }
        if (content != null && !matchesExisting) {
            ObjectNode a = slots.deepCopy();
            a.put("text", content);
            if (role != null) a.put("role", role);
            r.call("add_text", a);
            st.domain = Reader.Domain.TEXT;
            return;
        }
        if (c.has(Cue.ADD) && content == null) {
            r.ask(say -> say.whatText());
            return;
        }
        Object which = which(c, role, content, ctx);
        if (!where && !when && !style) {
            r.ask(say -> say.whatToChange());
            return;
        }
        edits(r, which, slots, where, when, style);
    }

    private static void edits(Reader.Result r, Object which, ObjectNode slots, boolean where, boolean when, boolean style) {
        if (where) {
            ObjectNode a = args();
            a.set("which", Json.MAPPER.valueToTree(which));
            a.set("position", slots.get("position"));
            r.call("move_text", a);
        }
        if (when) {
            ObjectNode a = args();
            a.set("which", Json.MAPPER.valueToTree(which));
            for (String k : List.of("start", "end", "duration", "from_end", "whole")) if (slots.has(k)) a.set(k, slots.get(k));
            r.call("retime_text", a);
        }
        if (style) {
            ObjectNode a = args();
            a.set("which", Json.MAPPER.valueToTree(which));
            for (String k : List.of("color", "outline", "size_factor", "fade_in", "fade_out", "shadow")) if (slots.has(k)) a.set(k, slots.get(k));
            r.call("restyle_text", a);
        }
    }

    /** Which text a clause means: its number ("the second text"), its words, its role, or "it". */
    private static Object which(Clause c, String role, String content, Reader.Context ctx) {
        for (int i = 0; i < c.size(); i++) {
            Token t = c.at(i);
            if (t.type() == Token.Type.ORDINAL && i + 1 < c.size() && (c.at(i + 1).is(Cue.TEXT) || c.at(i + 1).is(Cue.TITLE) || c.at(i + 1).is(Cue.CAPTION))) {
                return t.ordinal();
            }
        }
        if (content != null) {
            for (String existing : ctx.texts()) if (existing.equalsIgnoreCase(content)) return existing;
        }
        if (role != null) return role;
        return "it";
    }

    private static boolean position(Clause c, ObjectNode a) {
        boolean moving = c.has(Cue.MOVE);
        for (int i = 0; i < c.size(); i++) {
            Token t = c.at(i);
            if (c.used(i)) continue;
            String p = t.is(Cue.TOP) ? "top" : t.is(Cue.BOTTOM) ? "bottom" : t.is(Cue.CENTER) ? "center" : null;
            // "move the title down", "标题往下移"
            if (p == null && moving && (t.is(Cue.UP) || t.is(Cue.DOWN))) p = t.is(Cue.UP) ? "top" : "bottom";
            if (p == null) continue;
            c.use(i);
            a.put("position", p);
            return true;
        }
        return false;
    }

    private static boolean style(Clause c, ObjectNode a) {
        boolean any = false;
        for (int i = 0; i < c.size(); i++) {
            Token t = c.at(i);
            if (c.used(i) || !t.is(Cue.COLOR) || t.value() == null) continue;
            boolean outline = i + 1 < c.size() && c.at(i + 1).is(Cue.OUTLINE) || i + 2 < c.size() && c.at(i + 2).is(Cue.OUTLINE);
            a.put(outline ? "outline" : "color", t.value());
            c.use(i);
            any = true;
        }
        if (c.has(Cue.OUTLINE) && !a.has("outline")) {
            a.put("outline", c.negated(c.find(Cue.OUTLINE)) || c.has(Cue.REMOVE) ? "none" : "black");
            any = true;
        }
        int bigger = c.find(Cue.BIGGER);
        int smaller = c.find(Cue.SMALLER);
        if (bigger >= 0 || smaller >= 0) {
            double k = c.has(Cue.MUCH) ? 1.6 : c.has(Cue.BIT) ? 1.15 : 1.3;
            a.put("size_factor", bigger >= 0 && (smaller < 0 || bigger < smaller) ? k : 1 / k);
            any = true;
        }
        boolean in = c.has(Cue.FADE_IN);
        boolean out = c.has(Cue.FADE_OUT);
        if (c.has(Cue.FADE) && !in && !out) in = out = true;
        if (in) a.put("fade_in", true);
        if (out) a.put("fade_out", true);
        if (c.has(Cue.SHADOW)) {
            a.put("shadow", !c.negated(c.find(Cue.SHADOW)));
            any = true;
        }
        return any || in || out;
    }

    /** The words of the text: a quote, else the words after "title"/"caption"/"text" (or "标题："). */
    static String content(Clause c, Reader.State st) {
        List<Token> q = c.quotes();
        if (!q.isEmpty()) {
            c.use(c.tokens.indexOf(q.get(0)));
            return q.get(0).word();
        }
        int noun = firstTextNoun(c);
        // Unquoted words are a title only where a text is being added or renamed ("add the caption Morning Ritual").
        if (noun < 0 || !c.any(Cue.ADD, Cue.SET, Cue.RENAME)) return null;
        int i = noun + 1;
        while (i < c.size() && (c.at(i).word().equals(":") || c.at(i).is(Cue.SET) || c.at(i).is(Cue.RENAME) || Set.of("saying", "says", "reading", "reads", "called", "named", "of", "that", "is")
                .contains(c.at(i).word()) || Set.of("为", "是", "叫", "写", "写着", "：").contains(c.at(i).raw()))) i++;
        int from = i;
        while (i < c.size() && !stop(c.at(i))) i++;
        if (i == from) {
            // "add happy birthday text": the words between the verb and the noun
            int verb = c.find(Cue.ADD);
            if (verb < 0 || verb >= noun - 1) return null;
            from = verb + 1;
            while (from < noun && Set.of("a", "an", "the", "some", "my").contains(c.at(from).word())) from++;
            i = noun;
            if (from >= i) return null;
        }
        Token a = c.at(from);
        Token b = c.at(i - 1);
        // Only words that carry no meaning of their own are a title ("add a title at the top" has none).
        boolean meaningful = false;
        for (int k = from; k < i; k++) {
            Token t = c.at(k);
            boolean plainWord = t.cues().isEmpty() || t.cues().stream().allMatch(x -> x == Cue.GREET || x == Cue.THANKS);
            if (plainWord && t.type() != Token.Type.PUNCT && !Set.of("a", "an", "the", "some", "new", "another", "my").contains(t.word())) meaningful = true;
        }
        if (!meaningful) return null;
        c.use(from, i);
        return Reader.original(st, a, b);
    }

    private static boolean stop(Token t) {
        if (t.separator()) return true;
        if (t.is(Cue.AT) || t.is(Cue.FOR) || t.is(Cue.FROM) || t.is(Cue.TO) || t.is(Cue.IN) || t.is(Cue.SHOW) || t.position() || t.is(Cue.ADD)
                || t.is(Cue.COLOR) || t.is(Cue.BETWEEN) || t.is(Cue.FIRST) || t.is(Cue.LAST) || t.is(Cue.AND) || t.is(Cue.MOVE)) return true;
        String w = t.word().toLowerCase(Locale.ROOT);
        return w.equals("on") || w.equals("with") || w.equals("in") || w.equals("please") || w.equals("until") || t.raw().equals("的");
    }

    static int firstTextNoun(Clause c) {
        for (int i = 0; i < c.size(); i++) if (c.at(i).is(Cue.TEXT) || c.at(i).is(Cue.TITLE) || c.at(i).is(Cue.CAPTION)) return i;
        return -1;
    }

    private static ObjectNode args() {
        return Json.MAPPER.createObjectNode();
    }
}
