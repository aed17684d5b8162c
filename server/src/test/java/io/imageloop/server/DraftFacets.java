package io.imageloop.server;

import io.imageloop.engine.plan.Subject;
import io.imageloop.engine.recipe.Layer;
import io.imageloop.engine.recipe.MotionRecipe;
import io.imageloop.timeline.AudioClip;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.DraftSummary;
import io.imageloop.timeline.Placement;
import io.imageloop.timeline.Segment;
import io.imageloop.timeline.TextClip;
import io.imageloop.timeline.VideoContent;
import io.imageloop.timeline.VideoLoop;
import io.imageloop.timeline.edit.DraftEdits;
import io.imageloop.timeline.edit.Loops;
import io.imageloop.timeline.edit.Music;
import io.imageloop.timeline.edit.Planned;
import io.imageloop.timeline.edit.Subjects;
import io.imageloop.timeline.edit.Texts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A draft as named facts ("photo<lake>.length" = "8"), keyed by photo name and text words so
 * that moving or adding one does not shift the others. The corpus checks expectations on these
 * and that every fact not expected to change did not.
 */
final class DraftFacets {

    /** Facts derived from others: shown and checkable, but not part of "nothing else changed". */
    static final Set<String> DERIVED = Set.of("speed", "style", "planned", "length");

    final Map<String, String> facts = new LinkedHashMap<>();
    /** Photo keys in timeline order, text keys in display order. */
    final List<String> photoKeys = new ArrayList<>();
    final List<String> textKeys = new ArrayList<>();
    final Map<String, VideoLoop> loops = new HashMap<>();

    DraftFacets(Draft d) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (Segment s : DraftEdits.video(d)) {
            VideoContent v = (VideoContent) s.content();
            String label = DraftSummary.label(v.name(), v.media()).replaceFirst("\\.[A-Za-z0-9]{2,5}$", "");
            names.add(label);
            int n = seen.merge(label, 1, Integer::sum);
            String key = "photo<" + label + (n > 1 ? "#" + n : "") + ">";
            photoKeys.add(key);
            if (!(v instanceof VideoLoop loop)) continue;
            loops.put(key, loop);
            put(key + ".length", seconds(loop.loopMs()));
            put(key + ".repeats", Integer.toString(Loops.repeats(s, loop)));
            put(key + ".fit", loop.fitting().name().toLowerCase(Locale.ROOT));
            put(key + ".planned", Planned.of(loop).isPresent() ? "yes" : "no");
            if (loop.recipe() != null) motion(key, loop.recipe());
        }
        facts.put("photos", String.join(", ", names));
        facts.put("aspect", d.meta().aspect().label());
        List<Texts.Item> texts = Texts.list(d);
        facts.put("texts", Integer.toString(texts.size()));
        Map<String, Integer> seenText = new HashMap<>();
        for (Texts.Item t : texts) {
            int n = seenText.merge(t.clip().text(), 1, Integer::sum);
            String key = "text<" + t.clip().text() + (n > 1 ? "#" + n : "") + ">";
            textKeys.add(key);
            TextClip c = t.clip();
            put(key, c.text());
            put(key + ".position", c.placement() instanceof Placement.Anchored a ? a.position().toString() : "xy");
            put(key + ".time", seconds(t.startMs()) + "-" + seconds(t.endMs()));
            put(key + ".color", colour(c.color().toString()));
            put(key + ".outline", c.outline() == null ? "none" : colour(c.outline().toString()));
            put(key + ".size", num(c.size()));
            put(key + ".fade", seconds(c.fadeInMs()) + "/" + seconds(c.fadeOutMs()));
        }
        var music = Music.of(d);
        if (music.isEmpty()) {
            facts.put("music", "none");
        } else {
            AudioClip a = (AudioClip) music.get().content();
            facts.put("music", DraftSummary.label(a.name(), a.media()).replaceFirst("\\.[A-Za-z0-9]{2,5}$", ""));
            put("music.volume", num(a.volume()));
            put("music.fade_in", seconds(a.fadeInMs()));
            put("music.fade_out", seconds(a.fadeOutMs()));
            put("music.offset", seconds(a.offsetMs()));
            put("music.end", music.get().endMs() >= d.durationMs() ? "whole" : seconds(music.get().endMs()));
        }
        put("length", seconds(d.durationMs()));
    }

    private void motion(String key, MotionRecipe r) {
        put(key + ".camera", r.camera() == null ? "none" : r.camera().move().word());
        if (r.camera() != null) put(key + ".camera.speed", num(r.camera().strength()));
        put(key + ".particles", r.particles().toString());
        Set<String> moves = new TreeSet<>();
        List<String> kinds = new ArrayList<>();
        Set<String> drift = new TreeSet<>();
        Map<String, Double> speeds = new HashMap<>();
        double lead = r.camera() == null ? 0 : r.camera().strength();
        for (Layer l : r.layers()) {
            kinds.add(l.type().toString());
            Set<Subject> s = Subjects.of(l);
            String who = l.type() == Layer.Type.PARALLAX ? "parallax" : s.isEmpty() ? "whole" : s.iterator().next().toString();
            moves.add(who);
            speeds.merge(who, l.strength(), Math::max);
            if (l instanceof Layer.Drift dr) drift.add(dr.direction().word());
            lead = Math.max(lead, l.strength());
        }
        put(key + ".moves", moves.isEmpty() ? "none" : String.join(", ", moves));
        put(key + ".kinds", kinds.isEmpty() ? "none" : String.join(", ", new TreeSet<>(kinds)));
        put(key + ".drift", drift.isEmpty() ? "none" : String.join(", ", drift));
        speeds.forEach((who, v) -> put(key + "." + who + ".speed", num(v)));
        put(key + ".freeze", r.freeze().describe());
        put(key + ".speed", num(lead));
        put(key + ".style", r.style().toString());
    }

    private void put(String k, String v) {
        facts.put(k, v);
    }

    /** Whether a fact is derived from others (not checked for "nothing else changed"). */
    static boolean derived(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1);
        return key.equals("length") || (key.startsWith("photo<") && DERIVED.contains(last) && key.indexOf('.') == key.lastIndexOf('.'));
    }

    static String seconds(long ms) {
        if (ms % 1000 == 0) return Long.toString(ms / 1000);
        String s = String.format(Locale.ROOT, "%.2f", ms / 1000.0).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    static String num(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String colour(String hex) {
        return switch (hex) {
            case "#FFFFFF" -> "white";
            case "#000000" -> "black";
            case "#FF3B30" -> "red";
            case "#FFD60A" -> "yellow";
            case "#0A84FF" -> "blue";
            case "#34C759" -> "green";
            case "#FF9500" -> "orange";
            case "#FF2D55" -> "pink";
            case "#AF52DE" -> "purple";
            case "#8E8E93" -> "gray";
            case "#FFC700" -> "gold";
            default -> hex;
        };
    }
}
