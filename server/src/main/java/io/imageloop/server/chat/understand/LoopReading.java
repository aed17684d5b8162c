package io.imageloop.server.chat.understand;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.server.http.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * A clause about the photos and their loops: making loops, their length and repeats, the
 * order of the photos, the aspect ratio and fit, and the motion (style, direction, speed, what
 * moves and what holds still, the camera, particles). Its numbers are the loop's, unless a
 * factor ("twice as fast"), a repeat ("3 times"), an ordinal or a percentage claims them.
 */
final class LoopReading {

    private LoopReading() {
    }

    static void read(Clause c, Reader.State st, Reader.Result r) {
        Reader.Context ctx = st.ctx;
        ArrayNode photos = PhotoRefs.find(c, ctx);
        if (photos.isEmpty() && st.photos != null) photos = st.photos.deepCopy();
        else if (!photos.isEmpty()) st.photos = photos;
        int before = r.size();

        int thing = c.find(Cue.THINGS);
        if (thing >= 0 && !c.negated(thing)) {
            String what = c.at(thing).raw();
            r.refuse(say -> say.cannotAdd(what));
            return;
        }
        if (sequence(c, photos, r)) return;
        repeats(c, photos, r);
        aspect(c, r);
        fit(c, photos, r);
        motion(c, photos, st, r);
        length(c, photos, r);
        boolean generate = c.has(Cue.GENERATE) || c.has(Cue.CONVERT) && (c.has(Cue.VIDEO) || c.has(Cue.PHOTO) || c.has(Cue.LOOP_NOUN) || c.has(Cue.MOTION))
                || c.has(Cue.MOVE_INTR) && r.size() == before && ctx.loops() == 0 && !c.has(Cue.NEG)
                && !c.tokens.stream().anyMatch(t -> t.cues().stream().anyMatch(Cue::subject));
        if (generate && (r.size() == before || ctx.loops() == 0)) {
            ObjectNode a = Json.MAPPER.createObjectNode();
            if (!photos.isEmpty()) a.set("photos", photos);
            r.callFirst(before, "make_loops", a);
        }
        if (r.size() == before && !r.hasNotes()) {
            boolean vague = c.has(Cue.BETTER) || (c.has(Cue.SET) || c.has(Cue.MOTION)) && !c.has(Cue.QUESTION);
            if (vague && c.meaningful()) r.ask(say -> say.whatToChange());
        }
    }

    private static ObjectNode withPhotos(ArrayNode photos) {
        ObjectNode a = Json.MAPPER.createObjectNode();
        if (photos != null && !photos.isEmpty()) a.set("photos", photos.deepCopy());
        return a;
    }

    /** Remove, keep only, swap, reverse, duplicate, move: the order of the video. */
    private static boolean sequence(Clause c, ArrayNode photos, Reader.Result r) {
        boolean aboutPhotos = !photos.isEmpty() || c.has(Cue.PHOTO) || c.has(Cue.LOOP_NOUN) || c.has(Cue.ONE);
        boolean otherObject = c.tokens.stream().anyMatch(t -> t.cues().stream().anyMatch(q -> q.particle() || q.cameraMove()))
                || c.has(Cue.CAMERA) || c.has(Cue.TEXT) || c.has(Cue.MUSIC);
        if (c.has(Cue.SWAP) || c.has(Cue.SET) && c.tokens.stream().anyMatch(t -> t.word().equals("order")) && !c.has(Cue.REVERSE)) {
            r.call("swap_photos", withPhotos(photos));
            return true;
        }
        if (c.has(Cue.REVERSE)) {
            r.call("reverse_photos", Json.MAPPER.createObjectNode());
            return true;
        }
        if (c.has(Cue.DUPLICATE) && !otherObject) {
            r.call("duplicate_photos", withPhotos(photos.isEmpty() ? Json.MAPPER.createArrayNode().add("one") : photos));
            return true;
        }
        if ((c.has(Cue.KEEP) || c.has(Cue.ONLY) && c.has(Cue.KEEP)) && c.has(Cue.ONLY) && aboutPhotos && !otherObject) {
            r.call("keep_photos", withPhotos(photos.isEmpty() ? Json.MAPPER.createArrayNode().add("one") : photos));
            return true;
        }
        if (c.has(Cue.REMOVE) && aboutPhotos && !otherObject) {
            r.call("remove_photos", withPhotos(photos.isEmpty() ? Json.MAPPER.createArrayNode().add("one") : photos));
            return true;
        }
        if (c.has(Cue.MOVE) && !photos.isEmpty() && !otherObject) {
            String to = null;
            if (c.has(Cue.FRONT)) to = "first";
            else if (c.has(Cue.END_POS)) to = "last";
            else {
                for (int i = 0; i < c.size(); i++) {
                    Token t = c.at(i);
                    boolean place = t.type() == Token.Type.ORDINAL && (PhotoRefs.destination(c, i) || i == lastWord(c));
                    if (place) to = t.ordinal() == -1 ? "last" : t.ordinal() == 1 ? "first" : Integer.toString(t.ordinal());
                }
            }
            if (to != null) {
                ObjectNode a = Json.MAPPER.createObjectNode();
                a.set("photo", photos);
                a.put("to", to);
                r.call("move_photo", a);
                return true;
            }
        }
        return false;
    }

    private static int lastWord(Clause c) {
        int last = c.size() - 1;
        while (last > 0 && (c.at(last).type() == Token.Type.PUNCT || c.at(last).is(Cue.REQUEST) || c.at(last).is(Cue.ONE))) last--;
        return last;
    }

    private static void repeats(Clause c, ArrayNode photos, Reader.Result r) {
        if (!(c.has(Cue.REPEAT) || c.has(Cue.PLAY) || c.has(Cue.GENERATE) && c.has(Cue.TIMES))) return;
        Double times = null;
        for (int i = 0; i < c.size(); i++) {
            if (c.used(i)) continue;
            if (c.at(i).is(Cue.TWICE)) {
                times = 2.0;
                c.use(i);
                break;
            }
            if (c.at(i).isNumber() && i + 1 < c.size() && c.at(i + 1).is(Cue.TIMES)) {
                times = c.at(i).number();
                c.use(i, i + 2);
                break;
            }
        }
        if (times == null) return;
        ObjectNode a = withPhotos(photos);
        a.put("times", times);
        r.call("set_repeats", a);
    }

    private static void aspect(Clause c, Reader.Result r) {
        String aspect = null;
        for (Token t : c.tokens) if (t.type() == Token.Type.ASPECT) aspect = t.value();
        if (aspect == null) {
            if (c.has(Cue.VERTICAL)) aspect = "9:16";
            else if (c.has(Cue.SQUARE)) aspect = "1:1";
            else if (c.has(Cue.LANDSCAPE)) aspect = "16:9";
        }
        if (aspect != null) r.call("set_aspect", Json.MAPPER.createObjectNode().put("aspect", aspect));
    }

    private static void fit(Clause c, ArrayNode photos, Reader.Result r) {
        int crop = c.find(Cue.CROP);
        String fit = c.has(Cue.FIT) || crop >= 0 && c.negated(crop) ? "fit" : c.has(Cue.COVER) || crop >= 0 ? "cover" : null;
        if (fit == null) return;
        ObjectNode a = withPhotos(photos);
        a.put("fit", fit);
        r.call("set_fit", a);
    }

    /** The loop length: "8 seconds", "eight seconds", "十五秒", "half a minute", "a bit longer", "twice as long". */
    private static void length(Clause c, ArrayNode photos, Reader.Result r) {
        List<Slots.Duration> ds = new ArrayList<>();
        for (Slots.Duration d : Slots.durations(c)) if (!c.used(d.from())) ds.add(d);
        boolean asLong = c.tokens.stream().anyMatch(t -> t.word().equals("long")) && c.any(Cue.TWICE, Cue.HALF, Cue.TIMES);
        boolean longer = c.has(Cue.LONGER) && !c.negated(c.find(Cue.LONGER)) || asLong && !c.has(Cue.HALF);
        boolean shorter = c.has(Cue.SHORTER) && !c.negated(c.find(Cue.SHORTER)) || asLong && c.has(Cue.HALF);
        if (!ds.isEmpty()) {
            Slots.Duration d = ds.get(0);
            // A range ("5 to 8 seconds"): one question back.
            if (d.from() >= 2 && (c.at(d.from() - 1).is(Cue.TO) || c.at(d.from() - 1).is(Cue.AND)) && c.at(d.from() - 2).isNumber()) {
                String a = trim(c.at(d.from() - 2).number());
                String b = trim(d.seconds());
                r.ask(say -> say.lengthOrLength(a, b));
                return;
            }
            c.use(d.from(), d.to());
            ObjectNode a = withPhotos(photos);
            if (longer || shorter) a.put("add_seconds", longer ? d.seconds() : -d.seconds());
            else a.put("seconds", d.seconds());
            r.call("set_loop_length", a);
            return;
        }
        if (longer || shorter) {
            ObjectNode a = withPhotos(photos);
            Double f = Slots.factor(c);
            if (f != null) a.put("factor", longer ? Math.max(f, 1 / f) : Math.min(f, 1 / f));
            else if (c.has(Cue.MUCH)) a.put("factor", longer ? 2.0 : 0.5);
            else a.put("add_seconds", (c.has(Cue.BIT) ? 1 : 2) * (longer ? 1 : -1));
            r.call("set_loop_length", a);
            return;
        }
        // "make it fifteen", "length 8": a bare number where nothing else could want it ("turn these two into loops" counts photos).
        boolean lengthWord = c.has(Cue.LENGTH) || c.has(Cue.SET) && (c.has(Cue.IT) || c.size() <= 4) && r.size() == 0;
        boolean counting = c.any(Cue.GENERATE, Cue.CONVERT, Cue.PHOTO, Cue.ONE, Cue.ALL, Cue.LOOP_NOUN);
        if (lengthWord && !counting && !c.has(Cue.SPEED) && !c.has(Cue.VOLUME)) {
            Double n = Slots.bareNumber(c);
            if (n != null) {
                ObjectNode a = withPhotos(photos);
                a.put("seconds", n);
                r.call("set_loop_length", a);
            }
        }
    }

    private static void motion(Clause c, ArrayNode photos, Reader.State st, Reader.Result r) {
        ObjectNode a = Motion.read(c, st, r);
        if (a == null) return;
        if (!photos.isEmpty()) a.set("photos", photos.deepCopy());
        r.call("set_motion", a);
    }

    static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
