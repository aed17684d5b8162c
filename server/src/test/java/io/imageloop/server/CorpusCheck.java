package io.imageloop.server;

import io.imageloop.engine.Engine;
import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.plan.PlanHints;
import io.imageloop.engine.recipe.MotionRecipe;
import io.imageloop.timeline.VideoLoop;
import io.imageloop.timeline.edit.Planned;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks one corpus turn: its expectations on the draft and the reply, and that nothing else changed. */
final class CorpusCheck {

    private static final Pattern KEY = Pattern.compile("^(photo|text)\\[(-?\\d+)](.*)$");
    private static final Pattern EXPECT = Pattern.compile("^(\\S+)\\s+(=|<|>|has|lacks)\\s+(.+)$");
    private static final Engine ENGINE = new Engine();

    private final DraftFacets before;
    private final DraftFacets after;
    private final Map<String, Path> samples;
    private final List<String> failures = new ArrayList<>();
    private final Set<String> covered = new HashSet<>();

    /** @param samples photo name (as uploaded, without extension) → the sample file it is */
    CorpusCheck(DraftFacets before, DraftFacets after, Map<String, Path> samples) {
        this.before = before;
        this.after = after;
        this.samples = samples;
    }

    List<String> check(Corpus.Turn turn, String reply, boolean saved) {
        Boolean savedExpected = null;
        boolean factExpected = false;
        for (String e : turn.expectations()) {
            if (e.startsWith("saved ")) {
                savedExpected = e.endsWith("yes");
            } else if (e.startsWith("reply ")) {
                reply(e.substring(6).trim(), reply);
            } else if (e.startsWith("may ")) {
                String k = resolve(e.substring(4).trim());
                if (k != null) covered.add(k);
            } else {
                factExpected = true;
                fact(e);
            }
        }
        boolean wantSaved = savedExpected != null ? savedExpected : factExpected;
        if (wantSaved != saved) failures.add(saved ? "saved a new draft version, expected none" : "saved no new draft version");
        language(turn.message(), reply);
        for (String k : changed()) if (!coveredBy(k)) failures.add("also changed: " + k + " " + before.facts.get(k) + " -> " + after.facts.get(k));
        return failures;
    }

    private void fact(String e) {
        Matcher m = EXPECT.matcher(e);
        if (!m.matches()) {
            failures.add("cannot read expectation '" + e + "'");
            return;
        }
        String key = resolve(m.group(1));
        if (key == null) return;
        covered.add(key);
        String op = m.group(2);
        String want = m.group(3).trim();
        if (key.endsWith(".motion")) {
            if (!want.equals("planner")) failures.add("unknown motion expectation " + want);
            else planner(key.substring(0, key.length() - ".motion".length()));
            return;
        }
        String got = after.facts.get(key);
        String was = before.facts.get(key);
        boolean ok = switch (op) {
            case "=" -> want.equals("before") ? same(got, was) : same(got, want);
            case "<" -> numeric(got) && numeric(was) && Double.parseDouble(got) < Double.parseDouble(was) - 1e-9;
            case ">" -> numeric(got) && numeric(was) && Double.parseDouble(got) > Double.parseDouble(was) + 1e-9;
            case "has" -> got != null && Arrays.asList(got.split(",\\s*")).contains(want);
            default -> got == null || !Arrays.asList(got.split(",\\s*")).contains(want);
        };
        if (!ok) failures.add(m.group(1) + " " + op + " " + want + ": was " + was + ", is " + got);
    }

    /** The recipe is exactly what the planner makes for the photo at this aspect and length (the CLI's loop). */
    private void planner(String photoKey) {
        VideoLoop loop = after.loops.get(photoKey);
        if (loop == null || loop.recipe() == null) {
            failures.add(photoKey + " has no planned recipe");
            return;
        }
        String name = photoKey.substring(6, photoKey.length() - 1).replaceFirst("#\\d+$", "");
        Path sample = samples.get(name);
        Aspect aspect = Aspect.parse(after.facts.get("aspect"));
        MotionRecipe cli = ENGINE.plan(sample, PlanHints.NONE, aspect, loop.loopMs() / 1000.0);
        if (!cli.equals(loop.recipe())) failures.add(photoKey + ": recipe is not the CLI's plan: " + loop.recipe().describe() + " vs " + cli.describe());
        if (Planned.of(loop).isEmpty()) failures.add(photoKey + " is not marked as planned");
    }

    private void reply(String what, String reply) {
        String r = reply == null ? "" : reply;
        if (what.equals("asks")) {
            if (!r.contains("?") && !r.contains("？")) failures.add("reply does not ask: " + r);
        } else if (what.equals("zh")) {
            if (r.codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) failures.add("reply not in Chinese: " + r);
        } else if (what.startsWith("has ")) {
            String w = what.substring(4).replace("\"", "");
            if (!r.toLowerCase(Locale.ROOT).contains(w.toLowerCase(Locale.ROOT))) failures.add("reply lacks '" + w + "': " + r);
        } else if (what.startsWith("lacks ")) {
            String w = what.substring(6).replace("\"", "");
            if (r.toLowerCase(Locale.ROOT).contains(w.toLowerCase(Locale.ROOT))) failures.add("reply has '" + w + "': " + r);
        } else {
            failures.add("unknown reply expectation " + what);
        }
    }

    /** A Chinese message gets a Chinese reply; an English one an English reply. */
    private void language(String message, String reply) {
        String outside = message.replaceAll("[\"“”'「」『』][^\"“”'「」『』]*[\"“”'「」『』]", " ");
        boolean han = outside.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
        boolean latin = outside.replaceAll("(?i)\\b(mp4|1080p|bgm|\\d+p)\\b", "").matches("(?s).*[A-Za-z]{2,}.*");
        if (han && !latin && reply.codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
            failures.add("Chinese message, reply not in Chinese: " + reply);
        }
        if (!han && latin && reply.replaceAll("[“\"][^”\"]*[”\"]", "").replaceAll("\\S*\\p{IsHan}+\\S*\\.(jpg|png|ogg)", "")
                .matches("(?s).*[\\u4e00-\\u9fff]{4,}.*") && !reply.matches("(?s).*[A-Za-z]{4,}.*")) {
            failures.add("English message, reply in Chinese: " + reply);
        }
    }

    private String resolve(String k) {
        Matcher m = KEY.matcher(k);
        if (!m.matches()) return k;
        int n = Integer.parseInt(m.group(2));
        List<String> keys = m.group(1).equals("photo") ? after.photoKeys : after.textKeys;
        if (n < 0) n = keys.size() + 1 + n;
        if (n < 1 || n > keys.size()) {
            failures.add("no " + m.group(1) + " " + n + " (there are " + keys.size() + ")");
            return null;
        }
        return keys.get(n - 1) + m.group(3);
    }

    private List<String> changed() {
        Set<String> all = new java.util.TreeSet<>(before.facts.keySet());
        all.addAll(after.facts.keySet());
        List<String> out = new ArrayList<>();
        for (String k : all) {
            if (DraftFacets.derived(k)) continue;
            if (!same(before.facts.get(k), after.facts.get(k))) out.add(k);
        }
        return out;
    }

    private boolean coveredBy(String k) {
        String photo = k.startsWith("photo<") ? k.substring(0, k.indexOf('>') + 1) : null;
        String text = k.startsWith("text<") ? k.substring(0, k.lastIndexOf('>') + 1) : null;
        if (k.equals("texts") && covered.stream().anyMatch(e -> e.startsWith("text<") && !e.contains(">.")
                && (!before.textKeys.contains(e) || !after.textKeys.contains(e)))) return true;
        for (String e : covered) {
            if (k.equals(e) || k.startsWith(e + ".")) return true;
            if (photo != null && e.equals(photo + ".motion") && motionFact(k)) return true;
            if (photo != null && e.equals(photo + ".speed") && k.endsWith(".speed")) return true;
            if (photo != null && e.equals("photos") && (!before.photoKeys.contains(photo) || !after.photoKeys.contains(photo))) return true;
            if (text != null && (e.equals("texts") || e.startsWith("text<") && !e.contains(">.")) && (!before.textKeys.contains(text) || !after.textKeys.contains(text))) return true;
            if (k.startsWith("music") && e.equals("music")) return true;
        }
        return photo != null && motionFact(k) && replanned(photo);
    }

    private static boolean motionFact(String k) {
        return !(k.endsWith(".length") || k.endsWith(".repeats") || k.endsWith(".fit"));
    }

    /** A loop planned before and after with the same hints: the planner's business (e.g. a new aspect). */
    private boolean replanned(String photo) {
        VideoLoop a = before.loops.get(photo);
        VideoLoop b = after.loops.get(photo);
        if (a == null || b == null) return false;
        Optional<Planned> pa = Planned.of(a);
        Optional<Planned> pb = Planned.of(b);
        return pa.isPresent() && pb.isPresent() && pa.get().hints().equals(pb.get().hints()) && pa.get().particles() == pb.get().particles();
    }

    private static boolean numeric(String s) {
        if (s == null) return false;
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean same(String a, String b) {
        if (a == null || b == null) return a == null && b == null;
        if (numeric(a) && numeric(b)) return Math.abs(Double.parseDouble(a) - Double.parseDouble(b)) < 0.011;
        return a.trim().equalsIgnoreCase(b.trim());
    }
}
