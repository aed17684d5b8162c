package io.imageloop.server.chat.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.imageloop.server.chat.reply.Say;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.Placement;
import io.imageloop.timeline.Rgb;
import io.imageloop.timeline.TextClip;
import io.imageloop.timeline.edit.DraftEdits;
import io.imageloop.timeline.edit.Texts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * add_text, edit_text, move_text, retime_text, restyle_text, remove_text: one text at a time.
 * A text is named by {@code which}: its number (1-based, in the order they appear), its words
 * (or part of them), "title" or "caption" (what it was added as), "it" (the last one talked
 * about), "first", "last"; two texts that fit get a question back, never both changed.
 */
final class TextTools {

    /** Named colours people use, as the product draws them. */
    static final Map<String, Rgb> COLOURS = Map.ofEntries(
            Map.entry("white", Rgb.WHITE), Map.entry("black", Rgb.BLACK), Map.entry("red", new Rgb(0xFF, 0x3B, 0x30)),
            Map.entry("yellow", new Rgb(0xFF, 0xD6, 0x0A)), Map.entry("blue", new Rgb(0x0A, 0x84, 0xFF)),
            Map.entry("green", new Rgb(0x34, 0xC7, 0x59)), Map.entry("orange", new Rgb(0xFF, 0x95, 0x00)),
            Map.entry("pink", new Rgb(0xFF, 0x2D, 0x55)), Map.entry("purple", new Rgb(0xAF, 0x52, 0xDE)),
            Map.entry("gray", new Rgb(0x8E, 0x8E, 0x93)), Map.entry("grey", new Rgb(0x8E, 0x8E, 0x93)),
            Map.entry("gold", new Rgb(0xFF, 0xC7, 0x00)));
    static final Map<String, Double> SIZES = Map.of("small", 0.045, "medium", TextClip.DEFAULT_SIZE, "large", 0.09,
            "big", 0.09, "huge", 0.12, "tiny", 0.035);
    static final long DEFAULT_FADE_MS = 500;
    static final String ROLE = "role";

    private TextTools() {
    }

    static void register(Map<String, Toolbox.Tool> tools) {
        tools.put("add_text", TextTools::add);
        tools.put("edit_text", (a, ws) -> change(a, ws, c -> {
            String t = Args.text(a, "text");
            return t == null ? c : c.withText(t);
        }));
        tools.put("move_text", (a, ws) -> change(a, ws, c -> withPlacement(c, placement(a, c.placement()))));
        tools.put("restyle_text", (a, ws) -> change(a, ws, c -> restyle(a, c)));
        tools.put("retime_text", TextTools::retime);
        tools.put("remove_text", TextTools::remove);
    }

    private static Outcome add(ObjectNode a, Workspace ws) {
        String text = Args.text(a, "text");
        if (text == null) return Outcome.ask(Say::whatText);
        List<String> notes = new ArrayList<>();
        if (!ws.images().isEmpty()) {
            Outcome none = ws.ensureLoops(notes);
            if (none != null) return none;
        }
        String role = "caption".equals(Args.word(a, "role")) ? "caption" : "title";
        Placement at = placement(a, new Placement.Anchored(role.equals("caption") ? Placement.Position.BOTTOM : Placement.Position.CENTER));
        Map<String, JsonNode> extra = new HashMap<>();
        extra.put(ROLE, TextNode.valueOf(role));
        TextClip clip = restyle(a, new TextClip(text, at, TextClip.DEFAULT_SIZE, Rgb.WHITE, null, true, 0, 0, extra));
        long total = ws.draft().durationMs() > 0 ? ws.draft().durationMs() : DraftEdits.DEFAULT_LOOP_MS;
        long[] when = times(a, 0, total, total);
        ws.draft(Texts.add(ws.draft(), clip, when[0], when[1] - when[0]));
        ws.focusText(text);
        return Outcome.edited();
    }

    private interface ClipChange {
        TextClip apply(TextClip c);
    }

    private static Outcome change(ObjectNode a, Workspace ws, ClipChange f) {
        Found found = find(a.get("which"), ws);
        if (found.problem() != null) return found.problem();
        Texts.Item item = found.item();
        TextClip changed = f.apply(item.clip());
        ws.focusText(changed.text());
        if (changed.equals(item.clip())) return Outcome.unchanged(say -> say.textAlready(item.clip().text()));
        ws.draft(Texts.change(ws.draft(), item.ref(), c -> changed));
        return Outcome.edited();
    }

    private static Outcome retime(ObjectNode a, Workspace ws) {
        Found found = find(a.get("which"), ws);
        if (found.problem() != null) return found.problem();
        Texts.Item item = found.item();
        long total = ws.draft().durationMs() > 0 ? ws.draft().durationMs() : DraftEdits.DEFAULT_LOOP_MS;
        long[] when = times(a, item.startMs(), item.endMs(), total);
        ws.focusText(item.clip().text());
        if (when[0] == item.startMs() && when[1] == item.endMs()) return Outcome.unchanged(say -> say.textAlready(item.clip().text()));
        ws.draft(Texts.retime(ws.draft(), item.ref(), when[0], when[1] - when[0]));
        return Outcome.edited();
    }

    private static Outcome remove(ObjectNode a, Workspace ws) {
        if (Boolean.TRUE.equals(Args.bool(a, "all")) || "all".equals(Args.word(a, "which"))) {
            if (Texts.list(ws.draft()).isEmpty()) return Outcome.refused(Say::noTextYet);
            ws.draft(Texts.removeAll(ws.draft()));
            return Outcome.edited();
        }
        Found found = find(a.get("which"), ws);
        if (found.problem() != null) return found.problem();
        ws.draft(Texts.remove(ws.draft(), found.item().ref()));
        return Outcome.edited();
    }

    private record Found(Texts.Item item, Outcome problem) {
    }

    /** The one text a request means, or a question when several fit, or a refusal when none does. */
    private static Found find(JsonNode which, Workspace ws) {
        List<Texts.Item> all = Texts.list(ws.draft());
        if (all.isEmpty()) return new Found(null, Outcome.refused(Say::noTextYet));
        List<String> words = all.stream().map(i -> i.clip().text()).toList();
        String w = which == null || which.isNull() ? "it" : which.asText().trim();
        String lower = w.toLowerCase(Locale.ROOT);
        List<Texts.Item> fit;
        if (which != null && (which.isNumber() || lower.matches("-?\\d+"))) {
            int n = which.isNumber() ? which.asInt() : Integer.parseInt(lower);
            if (n < 0) n = all.size() + 1 + n;
            if (n < 1 || n > all.size()) return new Found(null, Outcome.refused(say -> say.noSuchText(words)));
            return new Found(all.get(n - 1), null);
        }
        switch (lower) {
            case "first" -> fit = List.of(all.get(0));
            case "last" -> fit = List.of(all.get(all.size() - 1));
            case "it", "this", "that", "text", "one" -> {
                Optional<Texts.Item> focused = ws.focus().text() == null ? Optional.empty()
                        : all.stream().filter(i -> i.clip().text().equals(ws.focus().text())).findFirst();
                fit = focused.map(List::of).orElse(all);
            }
            case "title", "caption", "subtitle" -> {
                String role = lower.equals("subtitle") ? "caption" : lower;
                List<Texts.Item> byRole = all.stream().filter(i -> role.equals(role(i.clip()))).toList();
                fit = byRole.isEmpty() ? all : byRole;
                if (fit.size() > 1 && ws.focus().text() != null) {
                    List<Texts.Item> f = fit.stream().filter(i -> i.clip().text().equals(ws.focus().text())).toList();
                    if (f.size() == 1) fit = f;
                }
            }
            default -> {
                fit = all.stream().filter(i -> i.clip().text().equalsIgnoreCase(w)).toList();
                if (fit.isEmpty()) fit = all.stream().filter(i -> i.clip().text().toLowerCase(Locale.ROOT).contains(lower)).toList();
                if (fit.isEmpty()) return new Found(null, Outcome.refused(say -> say.noSuchText(words)));
            }
        }
        if (fit.size() > 1) {
            List<String> options = fit.stream().map(i -> i.clip().text()).toList();
            return new Found(null, Outcome.ask(say -> say.whichText(options)));
        }
        return new Found(fit.get(0), null);
    }

    static String role(TextClip c) {
        JsonNode r = c.extra().get(ROLE);
        return r == null ? null : r.asText();
    }

    /** [start, end] in ms from start/end/duration/from_end/whole (seconds), around the current times. */
    static long[] times(ObjectNode a, long start, long end, long total) {
        Long s = Args.millis(a, "start");
        Long e = Args.millis(a, "end");
        Long d = Args.millis(a, "duration");
        Long fromEnd = Args.millis(a, "from_end");
        if (Boolean.TRUE.equals(Args.bool(a, "whole"))) return new long[] {0, total};
        if (fromEnd != null) return new long[] {Math.max(0, total - fromEnd), total};
        long newStart = s != null ? s : start;
        long newEnd;
        if (e != null) newEnd = e;
        else if (d != null) newEnd = newStart + d;
        else if (s != null) newEnd = Math.max(end, newStart + Texts.MIN_TEXT_MS);
        else newEnd = end;
        newEnd = Math.min(newEnd, total);
        if (newEnd - newStart < Texts.MIN_TEXT_MS) newStart = Math.max(0, newEnd - Texts.MIN_TEXT_MS);
        return new long[] {newStart, newEnd};
    }

    static Placement placement(ObjectNode a, Placement current) {
        String p = Args.word(a, "position");
        if (p == null) return current;
        Placement.Position pos = Placement.Position.parse(p);
        return pos == null ? current : new Placement.Anchored(pos);
    }

    private static TextClip withPlacement(TextClip c, Placement p) {
        return new TextClip(c.text(), p, c.size(), c.color(), c.outline(), c.shadow(), c.fadeInMs(), c.fadeOutMs(), c.extra());
    }

    static TextClip restyle(ObjectNode a, TextClip c) {
        Rgb colour = colour(Args.word(a, "color"), c.color());
        Rgb outline = Args.word(a, "outline") == null ? c.outline()
                : "none".equals(Args.word(a, "outline")) ? null : colour(Args.word(a, "outline"), c.outline());
        double size = c.size();
        String sz = Args.word(a, "size");
        if (sz != null && SIZES.containsKey(sz)) size = SIZES.get(sz);
        else if (Args.number(a, "size") != null) size = Math.max(0.02, Math.min(0.3, Args.number(a, "size")));
        Double factor = Args.number(a, "size_factor");
        if (factor != null) size = Math.round(Math.max(0.02, Math.min(0.3, size * factor)) * 1000) / 1000.0;
        Boolean shadow = Args.bool(a, "shadow");
        long in = fade(a, "fade_in", c.fadeInMs());
        long out = fade(a, "fade_out", c.fadeOutMs());
        TextClip r = new TextClip(c.text(), placement(a, c.placement()), size, colour, outline, shadow == null ? c.shadow() : shadow,
                in, out, c.extra());
        return r;
    }

    private static long fade(ObjectNode a, String key, long current) {
        JsonNode v = a.get(key);
        if (v == null || v.isNull()) return current;
        if (v.isBoolean()) return v.asBoolean() ? DEFAULT_FADE_MS : 0;
        Long ms = Args.millis(a, key);
        return ms == null ? current : Math.max(0, Math.min(10_000, ms));
    }

    private static Rgb colour(String w, Rgb current) {
        if (w == null) return current;
        if (COLOURS.containsKey(w)) return COLOURS.get(w);
        Rgb hex = Rgb.parse(w);
        return hex == null ? current : hex;
    }

}
