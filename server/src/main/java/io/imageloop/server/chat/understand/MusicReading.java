package io.imageloop.server.chat.understand;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.server.http.Json;

import java.util.List;
import java.util.Locale;

/**
 * A clause about the music: add it (a named file, volume, fades, where the song starts),
 * change its volume (absolute or relative), fades, start point or end, or remove it. Its
 * seconds are the music's: "fade in 2 seconds" is a 2 s fade, "from 10 seconds in" the start.
 */
final class MusicReading {

    private MusicReading() {
    }

    static void read(Clause c, Reader.State st, Reader.Result r) {
        Reader.Context ctx = st.ctx;
        int music = c.find(Cue.MUSIC);
        boolean off = music >= 0 && c.tokens.stream().anyMatch(t -> t.word().equals("off")) && c.find(Cue.NEG, music) > music;
        boolean removing = c.has(Cue.REMOVE) || c.has(Cue.MUTE) || (music >= 0 && c.negated(music)) || off || c.has(Cue.STOP) && !hasTime(c);
        if (removing) {
            r.call("remove_music", Json.MAPPER.createObjectNode());
            return;
        }
        ObjectNode a = Json.MAPPER.createObjectNode();
        String media = audioName(c, ctx);
        boolean slots = volume(c, a) | fades(c, a) | start(c, a);
        boolean end = end(c, a);
        boolean adding = c.has(Cue.ADD) || c.has(Cue.PLAY) && !end || (c.has(Cue.SET) && c.find(Cue.SET) < Math.max(0, music) && c.at(c.find(Cue.SET)).word().equals("use"))
                || media != null && !ctx.hasMusic();
        if (adding) {
            if (media != null) a.put("media", media);
            r.call("add_music", a);
            if (end) trim(r, a);
            return;
        }
        if (!slots && !end) {
            if (!ctx.hasMusic()) r.call("add_music", a);
            else r.call("show_timeline", Json.MAPPER.createObjectNode().put("topic", "music"));
            return;
        }
        if (slots) r.call("adjust_music", strip(a));
        if (end) trim(r, a);
    }

    private static void trim(Reader.Result r, ObjectNode a) {
        ObjectNode t = Json.MAPPER.createObjectNode();
        t.set("end", a.get("end"));
        r.call("trim_music", t);
    }

    private static ObjectNode strip(ObjectNode a) {
        ObjectNode copy = a.deepCopy();
        copy.remove("end");
        return copy;
    }

    private static boolean hasTime(Clause c) {
        return !Slots.durations(c).isEmpty();
    }

    private static boolean volume(Clause c, ObjectNode a) {
        Double p = Slots.percent(c);
        if (p != null) {
            a.put("volume", p / 100.0);
            return true;
        }
        int v = c.find(Cue.VOLUME);
        if (v >= 0) {
            for (int i = v + 1; i < Math.min(c.size(), v + 4); i++) {
                if (c.at(i).isNumber() && !c.used(i)) {
                    double n = c.at(i).number();
                    c.use(i);
                    a.put("volume", n > 2 ? n / 100.0 : n);
                    return true;
                }
            }
            if (c.has(Cue.HALF)) {
                a.put("volume_factor", 0.5);
                return true;
            }
        }
        boolean up = c.has(Cue.LOUDER) || c.has(Cue.UP) && c.has(Cue.SET) || c.has(Cue.BIGGER) || c.has(Cue.MORE) && v >= 0 && !c.has(Cue.QUIETER);
        boolean down = c.has(Cue.QUIETER) || c.has(Cue.DOWN) && c.has(Cue.SET) || c.has(Cue.SMALLER) || c.has(Cue.LESS) && v >= 0;
        if (c.has(Cue.HALF) && (c.has(Cue.QUIETER) || v >= 0)) {
            a.put("volume_factor", 0.5);
            return true;
        }
        if (up || down) {
            Double f = Slots.factor(c);
            double k;
            if (up && !down) k = f != null && f > 1 ? f : c.has(Cue.MUCH) ? 2 : c.has(Cue.BIT) ? 1.25 : 1.5;
            else k = f != null && f > 1 ? 1 / f : c.has(Cue.MUCH) ? 0.4 : c.has(Cue.BIT) ? 0.8 : 0.6;
            a.put("volume_factor", k);
            return true;
        }
        if (c.has(Cue.ALL) && c.tokens.stream().anyMatch(t -> t.word().equals("full"))) {
            a.put("volume", 1.0);
            return true;
        }
        return false;
    }

    private static boolean fades(Clause c, ObjectNode a) {
        int in = c.find(Cue.FADE_IN);
        int out = c.find(Cue.FADE_OUT);
        int plain = c.find(Cue.FADE);
        // "fade in and out": the "out" is a word of its own
        if (in >= 0 && out < 0 && c.tokens.stream().anyMatch(t -> t.word().equals("out"))) out = in;
        boolean any = false;
        List<Slots.Duration> ds = Slots.durations(c);
        if (in >= 0) {
            Slots.Duration d = near(ds, in);
            if (d != null) c.use(d.from(), d.to());
            a.put("fade_in", d == null ? 1.0 : d.seconds());
            any = true;
        }
        if (out >= 0) {
            Slots.Duration d = out == in ? null : near(Slots.durations(c), out);
            if (d != null) c.use(d.from(), d.to());
            a.put("fade_out", d == null ? 1.0 : d.seconds());
            any = true;
        }
        if (plain >= 0 && !any) {
            boolean outWord = c.tokens.stream().anyMatch(t -> t.word().equals("out") || t.is(Cue.END_POS) || t.is(Cue.LAST));
            boolean inWord = c.tokens.stream().anyMatch(t -> t.is(Cue.IN));
            if (inWord && outWord) {
                a.put("fade_in", 1.0);
                a.put("fade_out", 1.0);
                return true;
            }
            Slots.Duration d = near(ds, plain);
            if (d != null) c.use(d.from(), d.to());
            a.put(outWord ? "fade_out" : "fade_in", d == null ? 1.0 : d.seconds());
            any = true;
        }
        return any;
    }

    /** The duration said right around a fade word ("fade in 2 seconds", "2 second fade in", "淡入两秒"). */
    private static Slots.Duration near(List<Slots.Duration> ds, int at) {
        Slots.Duration best = null;
        for (Slots.Duration d : ds) {
            int gap = d.from() > at ? d.from() - at : at - d.to() + 1;
            if (gap <= 4 && (best == null || Math.abs(d.from() - at) < Math.abs(best.from() - at))) best = d;
        }
        return best;
    }

    /** Where the song starts: "start the song from 10 seconds in", "skip the first 5 seconds", "从第10秒开始". */
    private static boolean start(Clause c, ObjectNode a) {
        boolean startWord = c.has(Cue.START) || c.has(Cue.FROM) || c.has(Cue.SKIP);
        if (!startWord) return false;
        for (Slots.Duration d : Slots.durations(c)) {
            if (c.used(d.from())) continue;
            boolean onlyFirst = d.from() > 0 && c.at(d.from() - 1).is(Cue.FIRST) && !c.has(Cue.SKIP);
            if (onlyFirst) continue;
            c.use(d.from(), d.to());
            a.put("offset", d.seconds());
            return true;
        }
        return false;
    }

    /** Where the music stops: "only for the first 5 seconds", "stop the music at 8 s", "the whole time". */
    private static boolean end(Clause c, ObjectNode a) {
        if (c.has(Cue.WHOLE)) {
            a.put("end", "whole");
            return true;
        }
        for (Slots.Duration d : Slots.durations(c)) {
            if (c.used(d.from())) continue;
            boolean first = d.from() > 0 && (c.at(d.from() - 1).is(Cue.FIRST) || c.at(d.from() - 1).type() == Token.Type.ORDINAL
                    && c.at(d.from() - 1).word().equals("first"));
            boolean stopAt = c.has(Cue.STOP) || c.has(Cue.TO);
            if (first || stopAt) {
                c.use(d.from(), d.to());
                a.put("end", d.seconds());
                return true;
            }
        }
        return false;
    }

    /** An uploaded audio file named in the clause ("add chill beats as background music"). */
    static String audioName(Clause c, Reader.Context ctx) {
        StringBuilder han = new StringBuilder();
        for (Token t : c.tokens) if (t.raw().codePoints().anyMatch(Tokenizer::isHan)) han.append(t.raw());
        for (String name : ctx.audio()) {
            String base = name.replaceFirst("\\.[A-Za-z0-9]{2,5}$", "");
            if (base.codePoints().anyMatch(Tokenizer::isHan) && base.length() >= 2 && han.indexOf(base) >= 0) return name;
        }
        for (String name : ctx.audio()) {
            String base = name.toLowerCase(Locale.ROOT).replaceFirst("\\.[a-z0-9]{2,5}$", "");
            for (String part : base.split("[^\\p{L}\\p{N}]+")) {
                if (part.length() < 3) continue;
                for (Token t : c.tokens) if (t.raw().toLowerCase(Locale.ROOT).equals(part) && t.cues().isEmpty()) return name;
            }
        }
        return null;
    }
}
