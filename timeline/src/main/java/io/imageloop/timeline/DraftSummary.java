package io.imageloop.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one-line description of a timeline that chat clients show, e.g.
 * {@code Timeline (3 tracks): 1. Video: lake (0-6s) 2. BGM: Lo-fi (0-6s, 35%) 3. Title: "Urban Dreams" (0-3s)}.
 */
public final class DraftSummary {

    private static final int MAX_TEXT = 40;

    private DraftSummary() {
    }

    public static String of(Draft draft) {
        List<Track> tracks = draft.tracks();
        StringBuilder s = new StringBuilder("Timeline (").append(tracks.size()).append(tracks.size() == 1 ? " track)" : " tracks)").append(':');
        if (tracks.isEmpty()) return s.append(" empty").toString();
        for (int i = 0; i < tracks.size(); i++) {
            Track t = tracks.get(i);
            s.append(' ').append(i + 1).append(". ").append(t.displayName()).append(": ");
            List<String> parts = new ArrayList<>();
            for (Segment segment : t.segments()) parts.add(describe(segment));
            s.append(parts.isEmpty() ? "(empty)" : String.join(", ", parts));
        }
        return s.toString();
    }

    private static String describe(Segment segment) {
        String range = seconds(segment.startMs()) + "-" + seconds(segment.endMs()) + "s";
        SegmentContent c = segment.content();
        if (c instanceof VideoContent v) return label(v.name(), v.media()) + " (" + range + ")";
        if (c instanceof AudioClip a) {
            return label(a.name(), a.media()) + " (" + range + ", " + Math.round(a.volume() * 100) + "%)";
        }
        return quote(((TextClip) c).text()) + " (" + range + ")";
    }

    /** The segment's name, else the media file's base name ({@code media/lake.jpg} → {@code lake}), else the id. */
    public static String label(String name, String media) {
        if (name != null && !name.isBlank()) return name.trim();
        if (media == null || media.isBlank()) return "(no media)";
        String m = media.trim().replaceFirst("[?#].*$", "");
        m = m.substring(Math.max(m.lastIndexOf('/'), m.lastIndexOf('\\')) + 1);
        String base = m.replaceFirst("\\.[A-Za-z0-9]{1,5}$", "");
        return base.isEmpty() ? m : base;
    }

    private static String quote(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.codePointCount(0, t.length()) > MAX_TEXT) t = t.substring(0, t.offsetByCodePoints(0, MAX_TEXT - 1)) + "…";
        return '"' + t + '"';
    }

    /** 6000 → 6, 2500 → 2.5, 1234 → 1.2. */
    static String seconds(long ms) {
        if (ms % 1000 == 0) return Long.toString(ms / 1000);
        String s = String.format(Locale.ROOT, "%.1f", ms / 1000.0);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
