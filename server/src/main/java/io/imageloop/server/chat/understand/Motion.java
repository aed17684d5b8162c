package io.imageloop.server.chat.understand;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.server.http.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The motion words of a clause as set_motion's arguments: the camera ("zoom in slowly", "no
 * camera movement", "a slower zoom"), particles ("add snow", "no more snow"), what moves or
 * holds still ("make the water move", "keep the sky still", "just let the sky drift"), the
 * style ("switch to parallax", "make it sway"), the direction ("clouds to the left") and the
 * speed ("slower clouds", "twice as fast", "再慢一点").
 */
final class Motion {

    /** Comparatives change a speed; plain adjectives ("slowly", "gentle") set the pace of a new move. */
    private static final Set<String> COMPARATIVE = Set.of("slower", "faster", "quicker", "gentler", "calmer", "subtler", "stronger", "weaker");

    private Motion() {
    }

    static ObjectNode read(Clause c, Reader.State st, Reader.Result r) {
        ObjectNode a = Json.MAPPER.createObjectNode();
        List<Cue> subjects = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            if (c.used(i)) continue;
            for (Cue q : c.at(i).cues()) if (q.subject() && !subjects.contains(q)) subjects.add(q);
        }
        if (!subjects.isEmpty()) st.subject = subjects.get(0);
        boolean cameraNoun = c.has(Cue.CAMERA);
        int moveAt = -1;
        String move = null;
        for (int i = 0; i < c.size() && move == null; i++) {
            Token t = c.at(i);
            if (c.used(i)) continue;
            if (t.is(Cue.ZOOM_IN)) move = "in";
            else if (t.is(Cue.ZOOM_OUT)) move = "out";
            else if (t.is(Cue.ORBIT)) move = "orbit";
            else if (t.is(Cue.PAN)) move = direction(c) != null ? direction(c) : "left";
            else if (t.is(Cue.ZOOM)) move = "zoom";
            if (move != null) moveAt = i;
        }
        if (move == null && cameraNoun && direction(c) != null && subjects.isEmpty()) {
            move = direction(c);
            moveAt = c.find(Cue.CAMERA);
        }
        boolean neg = c.negative() || c.has(Cue.STOP);
        boolean cameraOff = (cameraNoun || moveAt >= 0) && (c.negated(moveAt >= 0 ? moveAt : c.find(Cue.CAMERA)) || c.negated(c.find(Cue.CAMERA))
                || c.has(Cue.STOP) || c.has(Cue.REMOVE) || cameraNoun && c.has(Cue.NEG) && c.find(Cue.NEG) > c.find(Cue.CAMERA));
        Double pace = pace(c);
        boolean comparative = comparative(c);
        if (cameraOff) {
            a.put("camera", "none");
        } else if (move != null && !(comparative && move.equals("zoom") && !c.has(Cue.ADD))) {
            if (c.has(Cue.INSTEAD) || c.has(Cue.ONLY)) {
                a.put("style", "camera");
                a.put("direction", move);
            } else {
                a.put("camera", move);
            }
            if (pace != null) a.put("camera_speed_factor", comparative ? speedFactor(c, pace > 1) : pace);
        } else if ((cameraNoun || moveAt >= 0) && pace != null && subjects.isEmpty()) {
            a.put("camera_speed_factor", speedFactor(c, pace > 1));
        }
        particles(c, a);
        String object = unknownObject(c);
        if (object != null && subjects.isEmpty() && !a.has("camera") && !a.has("particles")) {
            r.refuse(say -> say.cannotAnimate(object));
            return null;
        }
        if (object != null && !subjects.isEmpty() && c.find(Cue.MOVE_INTR) > 0 && unknownBefore(c, c.find(Cue.MOVE_INTR)) != null) {
            r.refuse(say -> say.cannotAnimate(object));
            return null;
        }
        if (subjects.contains(Cue.PEOPLE) && !neg && (c.any(Cue.MOVE_INTR, Cue.SWAY, Cue.FLOW, Cue.GENERATE))) {
            a.set("move", Json.MAPPER.createArrayNode().add("people"));
            return a;
        }
        boolean still = c.has(Cue.STILL) || neg && c.any(Cue.MOVE_INTR, Cue.FLOW, Cue.SWAY) && !cameraOff;
        String dir = move == null || a.has("camera_speed_factor") && !a.has("camera") ? direction(c) : null;
        if (a.has("camera") || a.has("style")) dir = null;
        boolean speedWords = pace != null && !a.has("camera_speed_factor") && !a.has("camera") && !a.has("style");
        if (still && !cameraOff) {
            if (!subjects.isEmpty()) a.set("hold", names(subjects));
            else if (!a.has("particles")) {
                r.refuse(say -> say.nothingStill());
                return null;
            }
        } else if (!subjects.isEmpty() && dir == null && !speedWords
                && c.any(Cue.MOVE_INTR, Cue.FLOW, Cue.SWAY, Cue.GENERATE, Cue.ADD, Cue.SET)) {
            a.set("move", names(subjects));
            if (c.has(Cue.ONLY)) a.put("only", true);
        } else if (subjects.isEmpty() && !a.has("style")) {
            if (c.has(Cue.PARALLAX)) a.put("style", "parallax");
            else if (c.has(Cue.SWAY) && dir == null && !speedWords) a.put("style", "sway");
            else if (c.has(Cue.FLOW) && dir == null && !speedWords) a.put("style", "flow");
        }
        if (dir != null) {
            a.put("direction", dir);
            if (!subjects.isEmpty()) a.put("subject", name(subjects.get(0)));
            else if (c.has(Cue.FLOW)) a.put("or_style", "flow");
        }
        if (speedWords) {
            Cue subject = subjects.isEmpty() ? (a.has("direction") ? null : inherited(c, st)) : subjects.get(0);
            a.put("speed_factor", speedFactor(c, pace > 1));
            if (subject != null && !a.has("subject")) a.put("subject", name(subject));
        }
        int speedNoun = c.find(Cue.SPEED);
        if (speedNoun >= 0 && !a.has("speed_factor") && !a.has("camera_speed_factor") && c.any(Cue.HALF, Cue.TWICE)) {
            a.put("speed_factor", c.has(Cue.HALF) ? 0.5 : 2.0);
        } else if (speedNoun >= 0 && !a.has("speed_factor")) {
            Double p = Slots.percent(c);
            Double v = p != null ? Double.valueOf(p / 100) : Slots.bareNumber(c);
            if (v != null) a.put("speed", v);
        }
        return a.isEmpty() ? null : a;
    }

    /** "make the boats move": a word the product does not know, as what should move. */
    private static String unknownObject(Clause c) {
        int m = c.find(Cue.MOVE_INTR);
        return m > 0 ? unknownBefore(c, m) : null;
    }

    private static String unknownBefore(Clause c, int m) {
        for (int k = m - 1; k >= 0; k--) {
            Token t = c.at(k);
            if (t.word().equals("the") || t.word().equals("a") || t.word().equals("an") || t.word().equals("my")) continue;
            boolean unknown = t.type() == Token.Type.WORD && t.cues().isEmpty() && !Lexicon.INSTANCE.stopWord(t.word()) && t.word().length() >= 3
                    && !c.used(k);
            return unknown ? t.raw() : null;
        }
        return null;
    }

    /** The subject a bare "slowly" or "再慢一点" inherits from an earlier clause of the same message. */
    private static Cue inherited(Clause c, Reader.State st) {
        return c.size() <= 3 ? st.subjectInMessage : null;
    }

    /** Faster (>1), slower (<1), or null: the speed words of the clause, before factors. */
    static Double pace(Clause c) {
        // "摇摆幅度大一点", "bigger motion": size words about motion are its strength.
        boolean aboutMotion = c.any(Cue.SPEED, Cue.SWAY, Cue.FLOW, Cue.MOTION, Cue.MOVE_INTR);
        boolean faster = c.any(Cue.FASTER, Cue.STRONGER) || c.has(Cue.MORE) && c.any(Cue.MOVE_INTR, Cue.SWAY, Cue.FLOW) && !c.has(Cue.LESS)
                || aboutMotion && c.has(Cue.BIGGER) && !c.any(Cue.ZOOM_IN, Cue.CAMERA);
        boolean slower = c.any(Cue.SLOWER, Cue.WEAKER) || c.has(Cue.LESS) && c.any(Cue.MOVE_INTR, Cue.SWAY, Cue.FLOW, Cue.MOTION)
                || aboutMotion && c.has(Cue.SMALLER) && !c.any(Cue.ZOOM_OUT, Cue.CAMERA);
        int f = c.find(Cue.FASTER);
        if (faster && f >= 0 && c.negated(f)) {
            faster = false;
            slower = true;
        }
        if (!faster && !slower) return null;
        return faster && !slower ? 1.5 : 0.6;
    }

    private static boolean comparative(Clause c) {
        for (Token t : c.tokens) {
            if (COMPARATIVE.contains(t.word())) return true;
            if ((t.is(Cue.FASTER) || t.is(Cue.SLOWER)) && t.type() == Token.Type.HAN && (c.has(Cue.BIT) || c.has(Cue.MORE) || c.has(Cue.MUCH))
                    && !t.raw().equals("慢慢") && !t.raw().equals("缓慢") && !t.raw().equals("缓缓")) return true;
            if (t.word().equals("speed up") || t.word().equals("slow down") || t.is(Cue.LESS) || t.is(Cue.MORE) && !t.is(Cue.SET)) return true;
        }
        return c.has(Cue.NEG) && c.has(Cue.FASTER);
    }

    /** The factor of a relative speed change: a bit 1.25/0.8, plain 1.5/0.67, much 2/0.5, or an explicit factor. */
    private static double speedFactor(Clause c, boolean faster) {
        Double f = Slots.factor(c);
        Double p = Slots.percent(c);
        if (p != null) return faster ? 1 + p / 100 : Math.max(0.05, 1 - p / 100);
        if (f != null) {
            if (f < 1) return f;
            return faster ? f : 1 / f;
        }
        if (c.has(Cue.MUCH)) return faster ? 2 : 0.5;
        if (c.has(Cue.BIT)) return faster ? 1.25 : 0.8;
        return faster ? 1.5 : 0.67;
    }

    private static void particles(Clause c, ObjectNode a) {
        for (int i = 0; i < c.size(); i++) {
            Token t = c.at(i);
            if (c.used(i)) continue;
            String p = t.is(Cue.SNOW) ? "snow" : t.is(Cue.RAIN) ? "rain" : t.is(Cue.SPARKLES) ? "sparkles" : t.is(Cue.BOKEH) ? "bokeh" : null;
            if (p == null) continue;
            boolean off = c.negated(i) || c.has(Cue.REMOVE) || c.has(Cue.STOP);
            a.put("particles", off ? "none" : p);
            return;
        }
        if (c.has(Cue.PARTICLES) && (c.has(Cue.REMOVE) || c.negative())) a.put("particles", "none");
    }

    static String direction(Clause c) {
        for (int i = 0; i < c.size(); i++) {
            Token t = c.at(i);
            if (c.used(i)) continue;
            if (t.is(Cue.LEFT)) return "left";
            if (t.is(Cue.RIGHT)) return "right";
            if (t.is(Cue.UP) && !c.has(Cue.SET)) return "up";
            if (t.is(Cue.DOWN) && !c.has(Cue.SET)) return "down";
        }
        return null;
    }

    private static ArrayNode names(List<Cue> subjects) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        subjects.forEach(s -> a.add(name(s)));
        return a;
    }

    static String name(Cue s) {
        return switch (s) {
            case SKY -> "sky";
            case WATER -> "water";
            case GRASS -> "grass";
            case FOLIAGE -> "foliage";
            case LIGHTS -> "lights";
            default -> "people";
        };
    }
}
