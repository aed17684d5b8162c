package io.imageloop.server.draft;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageloop.server.store.MediaStore.MediaRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reading the short-key draft JSON: {@code t} tracks, {@code tt} track type (0 video, 1 audio,
 * 7 text), {@code sg} segments, {@code s} start and {@code d} duration in ms, {@code m} metadata.
 * Drafts stay plain JSON trees here so keys this server does not know survive untouched.
 */
public final class Drafts {

    public static final int VIDEO = 0;
    public static final int AUDIO = 1;
    public static final int TEXT = 7;

    private Drafts() {
    }

    /** A segment together with its track's type and the track's position in the draft. */
    public record Segment(int trackIndex, int trackType, JsonNode node) {
        public long start() {
            return node.path("s").asLong(0);
        }

        public long duration() {
            return node.path("d").asLong(0);
        }

        public JsonNode meta() {
            return node.path("m");
        }

        public String media() {
            String id = meta().path("media").asText("");
            return id.isEmpty() ? null : id;
        }
    }

    public static List<Segment> segments(JsonNode draft, int trackType) {
        List<Segment> out = new ArrayList<>();
        JsonNode tracks = draft == null ? null : draft.get("t");
        if (tracks == null || !tracks.isArray()) return out;
        for (int i = 0; i < tracks.size(); i++) {
            JsonNode track = tracks.get(i);
            if (track.path("tt").asInt(-1) != trackType) continue;
            for (JsonNode sg : track.path("sg")) out.add(new Segment(i, trackType, sg));
        }
        return out;
    }

    /** The first photo-loop segment of a video track: the one an export renders. */
    public static Optional<Segment> firstLoop(JsonNode draft) {
        return segments(draft, VIDEO).stream()
                .filter(s -> s.media() != null && "loop".equals(s.meta().path("kind").asText("loop")))
                .findFirst();
    }

    /** The draft's length: its own {@code d}, else the end of its last segment. */
    public static long durationMs(JsonNode draft) {
        long d = draft == null ? 0 : draft.path("d").asLong(0);
        if (d > 0) return d;
        long end = 0;
        for (int type : new int[] {VIDEO, AUDIO, TEXT}) {
            for (Segment s : segments(draft, type)) end = Math.max(end, s.start() + s.duration());
        }
        return end;
    }

    public static String aspect(JsonNode draft) {
        String a = draft == null ? "" : draft.path("m").path("aspect").asText("");
        return a.isEmpty() ? "16:9" : a;
    }

    public static double fps(JsonNode draft) {
        double f = draft == null ? 0 : draft.path("m").path("fps").asDouble(0);
        return f > 0 ? f : 30;
    }

    /**
     * One line per track, e.g. {@code Timeline (3 tracks): 1. Video: coffee-cup.jpg loop, flow right (0-6s)
     * 2. BGM: music.ogg (0-6s, 35%) 3. Title: "Hello" (0-3s)}.
     */
    public static String summary(JsonNode draft, Map<String, MediaRecord> media) {
        JsonNode tracks = draft == null ? null : draft.get("t");
        if (tracks == null || !tracks.isArray() || tracks.isEmpty()) return "Timeline is empty.";
        StringBuilder s = new StringBuilder("Timeline (" + tracks.size() + (tracks.size() == 1 ? " track" : " tracks") + "):");
        for (int i = 0; i < tracks.size(); i++) {
            JsonNode track = tracks.get(i);
            int type = track.path("tt").asInt(-1);
            String name = track.path("m").path("name").asText(switch (type) {
                case VIDEO -> "Video";
                case AUDIO -> "Audio";
                case TEXT -> "Text";
                default -> "Track";
            });
            List<String> parts = new ArrayList<>();
            for (JsonNode sg : track.path("sg")) parts.add(describe(type, new Segment(i, type, sg), media));
            s.append(' ').append(i + 1).append(". ").append(name).append(": ")
                    .append(parts.isEmpty() ? "(empty)" : String.join("; ", parts));
        }
        return s.toString();
    }

    private static String describe(int type, Segment seg, Map<String, MediaRecord> media) {
        String range = "(" + seconds(seg.start()) + "-" + seconds(seg.start() + seg.duration()) + "s";
        JsonNode m = seg.meta();
        return switch (type) {
            case TEXT -> "\"" + m.path("text").asText("") + "\" " + range + ", " + m.path("position").asText("center") + ")";
            case AUDIO -> mediaName(seg.media(), media) + " " + range + ", "
                    + Math.round(m.path("volume").asDouble(1.0) * 100) + "%)";
            default -> {
                String what = mediaName(seg.media(), media);
                if ("loop".equals(m.path("kind").asText("loop"))) {
                    String dir = m.path("direction").asText("");
                    what += " loop, " + m.path("style").asText("flow") + (dir.isEmpty() ? "" : " " + dir);
                    String region = m.path("region").asText("");
                    if (!region.isEmpty()) what += ", " + region + " moves";
                }
                yield what + " " + range + ")";
            }
        };
    }

    private static String mediaName(String id, Map<String, MediaRecord> media) {
        if (id == null) return "(no media)";
        MediaRecord r = media.get(id);
        if (r == null) return id;
        return r.originalName() != null ? r.originalName() : r.kind() + " " + id;
    }

    static String seconds(long ms) {
        double s = ms / 1000.0;
        return s == Math.rint(s) ? Long.toString((long) s) : String.format(Locale.ROOT, "%.1f", s);
    }
}
