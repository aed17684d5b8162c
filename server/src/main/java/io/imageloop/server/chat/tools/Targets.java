package io.imageloop.server.chat.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageloop.engine.plan.Subject;
import io.imageloop.engine.recipe.Layer;
import io.imageloop.server.store.MediaStore.MediaRecord;
import io.imageloop.timeline.DraftSummary;
import io.imageloop.timeline.Segment;
import io.imageloop.timeline.VideoContent;
import io.imageloop.timeline.VideoLoop;
import io.imageloop.timeline.edit.DraftEdits;
import io.imageloop.timeline.edit.Subjects;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which photos a request means. A target is a list of: positions (1-based, as the timeline
 * shows them), "all", "it" (what the conversation is about, else all), "one" (a single photo
 * not named: what the conversation is about, the only one, or a question back), "first",
 * "last", or words: a file name ("rocket"), or a thing in the photo as the planner saw it
 * ("clouds", "the lake"). A position past the timeline that is an uploaded photo not looped
 * yet makes its loop first, as "now the third one" does in a batch.
 */
final class Targets {

    /** The positions (0-based) a request means, or why it cannot be known. */
    record Resolved(List<Integer> positions, boolean all, Outcome problem) {
        static Resolved of(List<Integer> p, boolean all) {
            return new Resolved(List.copyOf(new LinkedHashSet<>(p)), all, null);
        }

        static Resolved problem(Outcome o) {
            return new Resolved(List.of(), false, o);
        }
    }

    private static final Map<String, Subject> THINGS = Map.ofEntries(
            Map.entry("sky", Subject.SKY), Map.entry("clouds", Subject.SKY), Map.entry("cloud", Subject.SKY),
            Map.entry("sunset", Subject.SKY), Map.entry("天空", Subject.SKY), Map.entry("云", Subject.SKY),
            Map.entry("water", Subject.WATER), Map.entry("lake", Subject.WATER), Map.entry("river", Subject.WATER),
            Map.entry("sea", Subject.WATER), Map.entry("ocean", Subject.WATER), Map.entry("waves", Subject.WATER),
            Map.entry("stream", Subject.WATER), Map.entry("waterfall", Subject.WATER), Map.entry("pond", Subject.WATER),
            Map.entry("水", Subject.WATER), Map.entry("湖", Subject.WATER), Map.entry("河", Subject.WATER),
            Map.entry("海", Subject.WATER), Map.entry("瀑布", Subject.WATER), Map.entry("溪", Subject.WATER),
            Map.entry("trees", Subject.FOLIAGE), Map.entry("tree", Subject.FOLIAGE), Map.entry("leaves", Subject.FOLIAGE),
            Map.entry("forest", Subject.FOLIAGE), Map.entry("foliage", Subject.FOLIAGE), Map.entry("树", Subject.FOLIAGE),
            Map.entry("树叶", Subject.FOLIAGE), Map.entry("森林", Subject.FOLIAGE),
            Map.entry("grass", Subject.GRASS), Map.entry("field", Subject.GRASS), Map.entry("reeds", Subject.GRASS),
            Map.entry("草", Subject.GRASS), Map.entry("lights", Subject.LIGHTS), Map.entry("lamps", Subject.LIGHTS),
            Map.entry("灯", Subject.LIGHTS), Map.entry("people", Subject.PEOPLE), Map.entry("person", Subject.PEOPLE),
            Map.entry("face", Subject.PEOPLE), Map.entry("人", Subject.PEOPLE));

    private Targets() {
    }

    static Resolved photos(JsonNode spec, Workspace ws) {
        List<Segment> video = DraftEdits.video(ws.draft());
        List<Integer> loops = ws.loopPositions();
        if (spec == null || spec.isNull() || (spec.isArray() && spec.isEmpty())) return focusOrAll(ws, loops);
        List<Integer> out = new ArrayList<>();
        boolean all = false;
        for (JsonNode item : spec.isArray() ? spec : List.of(spec)) {
            if (item.isNumber() || (item.isTextual() && item.asText().trim().matches("-?\\d+"))) {
                int n = item.asInt(Integer.parseInt(item.asText("0").trim()));
                if (n < 0) n = video.size() + 1 + n;
                if (n >= 1 && n <= video.size()) {
                    out.add(n - 1);
                    continue;
                }
                Integer made = uploadAt(ws, n);
                if (made == null) return Resolved.problem(noSuchPhoto(n, video.size()));
                out.add(made);
                continue;
            }
            String w = item.asText("").trim().toLowerCase(Locale.ROOT);
            switch (w) {
                case "all", "every", "each", "both", "them" -> {
                    out.addAll(loops);
                    all = true;
                }
                case "it", "this", "that" -> {
                    Resolved f = focusOrAll(ws, loops);
                    out.addAll(f.positions());
                    all |= f.all();
                }
                case "one" -> {
                    Resolved f = single(ws, loops);
                    if (f.problem() != null) return f;
                    out.addAll(f.positions());
                }
                case "first" -> out.add(loops.isEmpty() ? 0 : loops.get(0));
                case "middle" -> {
                    if (loops.size() % 2 == 0) return Resolved.problem(Outcome.ask(say -> say.whichPhoto(labels(video))));
                    out.add(loops.get(loops.size() / 2));
                }
                case "last" -> out.add(loops.isEmpty() ? 0 : loops.get(loops.size() - 1));
                default -> {
                    List<Integer> named = named(w, video);
                    if (named.isEmpty()) named = byContent(w, video);
                    if (named.isEmpty()) {
                        Integer made = uploadNamed(ws, w);
                        if (made != null) named = List.of(made);
                    }
                    if (named.isEmpty()) return Resolved.problem(Outcome.refused(say -> say.noPhotoNamed(w, labels(video))));
                    out.addAll(named);
                }
            }
        }
        return Resolved.of(out, all);
    }

    /** The uploaded images a "make loops" request means: by upload order, name, or all of them. */
    static List<MediaRecord> uploads(JsonNode spec, Workspace ws, List<String> problems) {
        List<MediaRecord> images = ws.images();
        if (spec == null || spec.isNull() || (spec.isArray() && spec.isEmpty())) return images;
        List<MediaRecord> out = new ArrayList<>();
        for (JsonNode item : spec.isArray() ? spec : List.of(spec)) {
            if (item.isNumber() || (item.isTextual() && item.asText().trim().matches("-?\\d+"))) {
                int n = item.asInt(Integer.parseInt(item.asText("0").trim()));
                if (n < 0) n = images.size() + 1 + n;
                if (n >= 1 && n <= images.size()) out.add(images.get(n - 1));
                else problems.add(Integer.toString(n));
                continue;
            }
            String w = item.asText("").trim().toLowerCase(Locale.ROOT);
            switch (w) {
                case "all", "every", "each", "both", "them", "it", "this", "that", "one", "new" -> out.addAll(images);
                case "first" -> out.add(images.get(0));
                case "last" -> out.add(images.get(images.size() - 1));
                default -> {
                    List<MediaRecord> m = images.stream().filter(r -> nameMatches(w, r.originalName())).toList();
                    if (m.isEmpty()) problems.add(w);
                    out.addAll(m);
                }
            }
        }
        return List.copyOf(new LinkedHashSet<>(out));
    }

    private static Resolved focusOrAll(Workspace ws, List<Integer> loops) {
        List<Integer> f = focused(ws);
        return f.isEmpty() ? Resolved.of(loops, true) : Resolved.of(f, false);
    }

    private static Resolved single(Workspace ws, List<Integer> loops) {
        List<Integer> f = focused(ws);
        if (!f.isEmpty()) return Resolved.of(f, false);
        if (loops.size() <= 1) return Resolved.of(loops, true);
        List<String> names = labels(DraftEdits.video(ws.draft()));
        return Resolved.problem(Outcome.ask(say -> say.whichPhoto(names)));
    }

    private static List<Integer> focused(Workspace ws) {
        List<Segment> video = DraftEdits.video(ws.draft());
        List<Integer> out = new ArrayList<>();
        for (String media : ws.focus().photos()) {
            for (int i = 0; i < video.size(); i++) {
                if (((VideoContent) video.get(i).content()).media().equals(media)) out.add(i);
            }
        }
        return out;
    }

    private static Integer uploadAt(Workspace ws, int n) {
        List<MediaRecord> images = ws.images();
        if (n < 1 || n > images.size()) return null;
        return makeIfMissing(ws, images.get(n - 1));
    }

    private static Integer uploadNamed(Workspace ws, String w) {
        List<MediaRecord> m = ws.images().stream().filter(r -> nameMatches(w, r.originalName())).toList();
        return m.size() == 1 ? makeIfMissing(ws, m.get(0)) : null;
    }

    private static Integer makeIfMissing(Workspace ws, MediaRecord image) {
        List<Segment> video = DraftEdits.video(ws.draft());
        for (int i = 0; i < video.size(); i++) if (((VideoContent) video.get(i).content()).media().equals(image.id())) return null;
        List<String> notes = new ArrayList<>();
        if (ws.makeLoops(List.of(image), notes) != null) return null;
        return DraftEdits.video(ws.draft()).size() - 1;
    }

    static List<Integer> named(String w, List<Segment> video) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < video.size(); i++) {
            VideoContent v = (VideoContent) video.get(i).content();
            if (nameMatches(w, v.name()) || nameMatches(w, v.media())) out.add(i);
        }
        return out;
    }

    /** A word matches a file name when it is the name, one of its parts ("rocket" in "rocket-launch.jpg"), or inside a Chinese name. */
    static boolean nameMatches(String w, String fileName) {
        if (fileName == null || w.isBlank()) return false;
        String name = fileName.toLowerCase(Locale.ROOT);
        String base = name.replaceFirst("\\.[a-z0-9]{2,5}$", "");
        if (w.equals(name) || w.equals(base)) return true;
        Set<String> parts = Set.of(base.split("[^\\p{L}\\p{N}]+"));
        if (parts.contains(w)) return true;
        // "waterfall" for "hana-falls", "sunsets" for "sunset": a part of four letters or more inside the word, or the other way.
        for (String p : parts) {
            String stem = p.replaceFirst("s$", "");
            if (stem.length() >= 4 && w.length() >= 4 && (w.contains(stem) || stem.contains(w.replaceFirst("s$", "")))) return true;
        }
        boolean han = w.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
        return han && base.contains(w);
    }

    /** Photos whose loop moves the thing named, or whose planner notes mention it. */
    private static List<Integer> byContent(String w, List<Segment> video) {
        Subject s = THINGS.get(w);
        if (s == null) return List.of();
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < video.size(); i++) {
            if (!(video.get(i).content() instanceof VideoLoop loop) || loop.recipe() == null) continue;
            boolean moves = loop.recipe().layers().stream().anyMatch((Layer l) -> Subjects.moves(l, s));
            boolean noted = loop.recipe().notes().stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).startsWith(s.toString())
                    || n.toLowerCase(Locale.ROOT).contains(" " + s + ":") || (s == Subject.PEOPLE && n.contains("face")));
            if (moves || noted) out.add(i);
        }
        return out;
    }

    static List<String> labels(List<Segment> video) {
        return video.stream().map(s -> {
            VideoContent v = (VideoContent) s.content();
            return DraftSummary.label(v.name(), v.media());
        }).toList();
    }

    static Outcome noSuchPhoto(int n, int count) {
        return Outcome.refused(say -> say.noSuchPhoto(n, count));
    }
}
