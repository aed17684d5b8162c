package io.imageloop.server.chat.understand;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.imageloop.server.http.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The photos a clause names, as the tools' target list: ordinals ("the second photo", "第二张",
 * "photos 1 and 3", "the first two"), "all" ("every loop", "每张"), "it" ("this one", "这张"),
 * "one" ("the photo", when there are several), file names ("the rocket photo", "杯子那张") and
 * things in the photo ("the one with the clouds", "有湖的那张"). Empty when the clause names none.
 */
final class PhotoRefs {

    private static final Set<String> PLURAL = Set.of("loops", "photos", "images", "pictures", "pics", "clips", "segments", "videos");

    private PhotoRefs() {
    }

    static ArrayNode find(Clause c, Reader.Context ctx) {
        List<Object> out = new ArrayList<>();
        String han = hanName(c, ctx);
        if (han != null) out.add(han);
        for (int i = 0; i < c.size(); i++) {
            if (c.used(i)) continue;
            Token t = c.at(i);
            if (t.type() == Token.Type.ORDINAL && destination(c, i)) continue;
            if (t.type() == Token.Type.ORDINAL && ordinalIsPhoto(c, i)) {
                int n = t.ordinal();
                // "the first two photos", "the last three"
                if (i + 1 < c.size() && c.at(i + 1).isNumber() && !unitAfter(c, i + 1)) {
                    int k = (int) c.at(i + 1).number();
                    for (int m = 1; m <= k; m++) out.add(n < 0 ? -(k - m + 1) : m);
                    c.use(i, i + 2);
                    continue;
                }
                out.add(n);
                c.use(i);
                // "第一、三张": a list of numbers after an ordinal
                int j = i + 1;
                while (j + 1 < c.size() && (c.at(j).raw().equals("、") || c.at(j).is(Cue.AND) || c.at(j).raw().equals(","))
                        && c.at(j + 1).isNumber()) {
                    out.add((int) c.at(j + 1).number());
                    c.use(j, j + 2);
                    j += 2;
                }
                continue;
            }
            if ((t.is(Cue.PHOTO) || t.is(Cue.LOOP_NOUN) || t.word().equals("#") || t.word().equals("no")) && t.type() == Token.Type.WORD
                    && i + 1 < c.size() && c.at(i + 1).isNumber() && !unitAfter(c, i + 1)) {
                out.add((int) c.at(i + 1).number());
                c.use(i, i + 2);
                int j = i + 2;
                while (j + 1 < c.size() && (c.at(j).is(Cue.AND) || c.at(j).raw().equals(",") || c.at(j).raw().equals("、"))
                        && c.at(j + 1).isNumber()) {
                    out.add((int) c.at(j + 1).number());
                    c.use(j, j + 2);
                    j += 2;
                }
                continue;
            }
            // "the middle one", "中间那张"
            if (t.is(Cue.CENTER) && i + 1 < c.size() && (c.at(i + 1).is(Cue.ONE) || c.at(i + 1).is(Cue.IT) || c.at(i + 1).is(Cue.PHOTO))) {
                out.add("middle");
                c.use(i, i + 2);
                continue;
            }
            String name = name(c, i, ctx);
            if (name != null) {
                out.add(name);
                c.use(i);
                continue;
            }
            // "the waterfall photo", "the lake one": a thing the planner saw, naming a photo
            if (t.cues().stream().anyMatch(Cue::subject) && i + 1 < c.size() && (c.at(i + 1).is(Cue.PHOTO) || c.at(i + 1).is(Cue.ONE))
                    && t.type() == Token.Type.WORD) {
                out.add(t.word());
                c.use(i, i + 2);
                continue;
            }
            String thing = thing(c, i);
            if (thing != null) {
                out.add(thing);
                continue;
            }
        }
        if (out.isEmpty()) {
            int all = c.find(Cue.ALL);
            if (all >= 0 && !c.at(all).word().equals("whole")) {
                out.add("all");
                c.use(all);
            } else if (c.tokens.stream().anyMatch(t -> PLURAL.contains(t.word()))) {
                // "7 second loops", "make the photos sway": all of them
                out.add("all");
            } else if (c.has(Cue.IT)) {
                out.add("it");
            } else if (singularPhoto(c)) {
                out.add("one");
            }
        }
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (Object o : out) {
            if (o instanceof Integer n) a.add(n);
            else a.add((String) o);
        }
        return a;
    }

    /** In "把第三张放到第一个" or "move photo 3 to the first place" the ordinal after the move word is a place, not a photo. */
    static boolean destination(Clause c, int i) {
        int move = c.first(Cue.MOVE);
        if (move < 0 || move > i) return false;
        for (int k = move + 1; k < i; k++) {
            Token t = c.at(k);
            if (!(t.is(Cue.TO) || t.word().equals("the") || t.raw().equals("到"))) return false;
        }
        return true;
    }

    /** An ordinal is a photo unless it starts a time ("the first 3 seconds") or is the unit "second". */
    private static boolean ordinalIsPhoto(Clause c, int i) {
        Token t = c.at(i);
        if (t.word().equals("second") && (i > 0 && c.at(i - 1).isNumber() || i + 1 < c.size() && c.at(i + 1).isNumber())) return false;
        if (i + 1 < c.size() && c.at(i + 1).is(Cue.SEC) && !c.at(i + 1).is(Cue.PHOTO)) return false;
        if (i + 1 < c.size() && c.at(i + 1).isNumber() && unitAfter(c, i + 1)) return false;
        // "put trail first", "put the hike photo first": a place in the order, read by the move.
        int last = c.size() - 1;
        while (last > 0 && (c.at(last).type() == Token.Type.PUNCT || c.at(last).is(Cue.REQUEST))) last--;
        return !(c.has(Cue.MOVE) && i == last && i > 0);
    }

    private static boolean unitAfter(Clause c, int i) {
        return i + 1 < c.size() && (c.at(i + 1).is(Cue.SEC) || c.at(i + 1).is(Cue.MIN) || c.at(i + 1).is(Cue.PERCENT) || c.at(i + 1).is(Cue.TIMES));
    }

    /** A word that is part of a photo's file name, where it names the photo. */
    private static String name(Clause c, int i, Reader.Context ctx) {
        Token t = c.at(i);
        if (t.type() != Token.Type.WORD && t.type() != Token.Type.NUMBER) return null;
        String w = t.raw().toLowerCase(Locale.ROOT);
        if (w.length() < 3 || Lexicon.INSTANCE.stopWord(w) && !t.cues().isEmpty()) return null;
        if (!ctx.photoWords().contains(w) && !ctx.photoWords().stream().anyMatch(p -> related(w, p))) return null;
        // A word that also means something ("forest", "lake") names a photo only next to a photo word.
        if (!t.cues().isEmpty() || t.isNumber()) {
            boolean nextToPhoto = i + 1 < c.size() && (c.at(i + 1).is(Cue.PHOTO) || c.at(i + 1).is(Cue.ONE) || c.at(i + 1).is(Cue.LOOP_NOUN)
                    || c.at(i + 1).is(Cue.GENERATE) && c.at(i + 1).word().startsWith("loop"));
            boolean afterPhoto = i >= 2 && c.at(i - 1).word().equals("of") && (c.at(i - 2).is(Cue.PHOTO) || c.at(i - 2).is(Cue.GENERATE));
            if (!nextToPhoto && !afterPhoto) return null;
        }
        return w;
    }

    /** A word that contains a file-name part of four letters or more, or lies inside one ("waterfall", "falls"). */
    private static boolean related(String w, String part) {
        if (w.length() < 4 || part.length() < 4) return false;
        String stem = part.endsWith("s") ? part.substring(0, part.length() - 1) : part;
        String word = w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
        return stem.length() >= 4 && (w.contains(stem) || stem.contains(word));
    }

    /** "the photo with the clouds", "the one with the lake": a thing the planner saw. */
    private static String thing(Clause c, int i) {
        Token t = c.at(i);
        if (!(t.word().equals("with") || t.raw().equals("有"))) return null;
        boolean afterPhoto = i > 0 && (c.at(i - 1).is(Cue.PHOTO) || c.at(i - 1).is(Cue.ONE) || c.at(i - 1).is(Cue.IT));
        for (int j = i + 1; j < Math.min(c.size(), i + 4); j++) {
            Token s = c.at(j);
            Cue subject = s.cues().stream().filter(Cue::subject).findFirst().orElse(null);
            if (subject == null) continue;
            boolean hanForm = t.raw().equals("有") && j + 2 < c.size() + 1 && j + 1 < c.size() && c.at(j + 1).raw().equals("的");
            if (!afterPhoto && !hanForm) return null;
            c.use(i, j + 1);
            return s.word().equals("clouds") || s.word().equals("cloud") ? "clouds" : switch (subject) {
                case SKY -> "sky";
                case WATER -> "water";
                case GRASS -> "grass";
                case FOLIAGE -> "trees";
                case LIGHTS -> "lights";
                default -> "people";
            };
        }
        return null;
    }

    /**
     * A Chinese file name written inside the clause ("把杯子那张删掉", "三号加一个环绕的镜头"), even when it
     * holds numerals; its tokens are then used, so "三" is not read as a number.
     */
    private static String hanName(Clause c, Reader.Context ctx) {
        StringBuilder sb = new StringBuilder();
        List<Integer> owner = new ArrayList<>();
        for (int k = 0; k < c.size(); k++) {
            Token t = c.at(k);
            boolean han = t.raw().codePoints().anyMatch(Tokenizer::isHan);
            if (!han || c.used(k)) {
                sb.append(' ');
                owner.add(-1);
                continue;
            }
            sb.append(t.raw());
            for (int x = 0; x < t.raw().length(); x++) owner.add(k);
        }
        String text = sb.toString();
        String best = null;
        for (String name : ctx.hanNames()) {
            if (text.contains(name) && (best == null || name.length() > best.length())) best = name;
        }
        if (best == null) return null;
        // A name that is also a word ("湖") counts only as "X那张", "X的图".
        Lexicon.Entry e = Lexicon.INSTANCE.chinese(best);
        if (e != null && !text.contains(best + "那") && !text.contains(best + "的图") && !text.contains(best + "的照片") && !text.contains(best + "这")) return null;
        int at = text.indexOf(best);
        for (int x = at; x < at + best.length(); x++) c.use(owner.get(x));
        return best;
    }

    /** "the photo", "the image", "the picture", with no number or name: one photo not named. */
    private static boolean singularPhoto(Clause c) {
        for (int i = 1; i < c.size(); i++) {
            Token t = c.at(i);
            if (t.type() == Token.Type.WORD && Set.of("photo", "image", "picture", "pic", "shot").contains(t.word()) && c.at(i - 1).word().equals("the")) {
                return true;
            }
        }
        return false;
    }
}
