package io.imageloop.server.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Edits on a draft tree. Each method changes the tree it is given; callers copy the stored
 * version first, and the result is saved as a new version, so nothing is edited in place.
 */
public final class DraftEditor {

    public static final long DEFAULT_LOOP_MS = 6000;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Motion settings for loop segments; null fields are left as they are. */
    public record LoopOptions(String style, String direction, String region, Double strength, Long loopMs, String fit) {
        public static final LoopOptions NONE = new LoopOptions(null, null, null, null, null, null);

        public boolean isEmpty() {
            return style == null && direction == null && region == null && strength == null && loopMs == null && fit == null;
        }

        /** These options with every field that {@code newer} sets replaced. */
        public LoopOptions overlay(LoopOptions newer) {
            boolean restyled = newer.style() != null && !newer.style().equals(style);
            return new LoopOptions(newer.style() != null ? newer.style() : style,
                    newer.direction() != null ? newer.direction() : restyled ? null : direction,
                    newer.region() != null ? newer.region() : restyled ? null : region,
                    newer.strength() != null ? newer.strength() : strength,
                    newer.loopMs() != null ? newer.loopMs() : loopMs,
                    newer.fit() != null ? newer.fit() : fit);
        }

        /** The settings of the draft's first loop, so regenerating keeps what the user already chose. */
        public static LoopOptions of(JsonNode draft) {
            return Drafts.firstLoop(draft).map(s -> {
                JsonNode m = s.meta();
                return new LoopOptions(text(m, "style"), text(m, "direction"), text(m, "region"),
                        m.has("strength") ? m.path("strength").asDouble() : null,
                        m.has("loop_ms") ? m.path("loop_ms").asLong() : null, text(m, "fit"));
            }).orElse(NONE);
        }

        private static String text(JsonNode m, String field) {
            String v = m.path(field).asText("");
            return v.isEmpty() ? null : v;
        }
    }

    private DraftEditor() {
    }

    public static ObjectNode empty(String aspect, double fps) {
        ObjectNode d = F.objectNode();
        d.put("v", 1);
        d.put("d", 0);
        ObjectNode m = d.putObject("m");
        m.put("aspect", aspect);
        m.put("fps", fps == Math.rint(fps) ? F.numberNode((int) fps) : F.numberNode(fps));
        d.putArray("t");
        return d;
    }

    /**
     * Replaces the video track with one loop segment per image, one after another
     * (6 s each unless {@code options.loopMs} says otherwise). Text and music stay.
     */
    public static void setLoops(ObjectNode draft, List<String> imageIds, LoopOptions options) {
        ObjectNode track = track(draft, Drafts.VIDEO, "Video");
        ArrayNode sg = track.putArray("sg");
        long length = options.loopMs() != null ? options.loopMs() : DEFAULT_LOOP_MS;
        for (String id : imageIds) {
            ObjectNode seg = sg.addObject();
            seg.put("s", 0);
            seg.put("d", length);
            ObjectNode m = seg.putObject("m");
            m.put("media", id);
            m.put("kind", "loop");
            m.put("style", "flow");
            m.put("direction", "right");
            m.put("region", "upper");
            m.put("strength", 1.0);
            m.put("loop_ms", length);
            m.put("fit", "cover");
        }
        applyLoopOptions(draft, options);
    }

    /** Applies motion settings to every loop segment, then lays the timeline out again. */
    public static void applyLoopOptions(ObjectNode draft, LoopOptions o) {
        for (Drafts.Segment s : Drafts.segments(draft, Drafts.VIDEO)) {
            if (!(s.node() instanceof ObjectNode seg) || !(seg.get("m") instanceof ObjectNode m)) continue;
            if (!"loop".equals(m.path("kind").asText("loop"))) continue;
            if (o.style() != null) {
                if (!o.style().equals(m.path("style").asText()) && o.direction() == null) m.remove("direction");
                m.put("style", o.style());
                if (!o.style().equals("flow")) m.remove("region");
                else if (!m.has("region")) m.put("region", "upper");
            }
            if (o.direction() != null) m.put("direction", o.direction());
            if (o.region() != null) m.put("region", o.region());
            if (o.strength() != null) m.put("strength", o.strength());
            if (o.fit() != null) m.put("fit", o.fit());
            if (o.loopMs() != null) {
                m.put("loop_ms", o.loopMs());
                seg.put("d", o.loopMs());
            }
        }
        relayout(draft);
    }

    public static void setAspect(ObjectNode draft, String aspect) {
        meta(draft).put("aspect", aspect);
    }

    /** Adds a text overlay; a null duration runs it to the end of the draft. */
    public static void addText(ObjectNode draft, String text, long startMs, Long durationMs, String position) {
        ObjectNode track = track(draft, Drafts.TEXT, "Title");
        long total = Math.max(Drafts.durationMs(draft), DEFAULT_LOOP_MS);
        long start = Math.max(0, Math.min(startMs, total - 500));
        long d = durationMs == null ? total - start : Math.max(500, Math.min(durationMs, total - start));
        ObjectNode seg = track.withArray("sg").addObject();
        seg.put("s", start);
        seg.put("d", d);
        ObjectNode m = seg.putObject("m");
        m.put("text", text);
        m.put("position", position == null ? "center" : position);
    }

    public static boolean removeTracks(ObjectNode draft, int trackType) {
        ArrayNode tracks = draft.withArray("t");
        boolean removed = false;
        for (int i = tracks.size() - 1; i >= 0; i--) {
            if (tracks.get(i).path("tt").asInt(-1) == trackType) {
                tracks.remove(i);
                removed = true;
            }
        }
        return removed;
    }

    /** Sets the background music: one segment spanning the whole draft. */
    public static void setMusic(ObjectNode draft, String mediaId, double volume, Long fadeInMs, Long fadeOutMs) {
        ObjectNode track = track(draft, Drafts.AUDIO, "BGM");
        ArrayNode sg = track.putArray("sg");
        ObjectNode seg = sg.addObject();
        seg.put("s", 0);
        seg.put("d", Math.max(Drafts.durationMs(draft), 1));
        ObjectNode m = seg.putObject("m");
        m.put("media", mediaId);
        m.put("volume", volume);
        if (fadeInMs != null) m.put("fade_in_ms", fadeInMs);
        if (fadeOutMs != null) m.put("fade_out_ms", fadeOutMs);
        relayout(draft);
    }

    /** Changes volume and fades of the existing music; false when there is none. */
    public static boolean adjustMusic(ObjectNode draft, Double volume, Long fadeInMs, Long fadeOutMs) {
        boolean any = false;
        for (Drafts.Segment s : Drafts.segments(draft, Drafts.AUDIO)) {
            if (!(s.node().get("m") instanceof ObjectNode m)) continue;
            if (volume != null) m.put("volume", volume);
            if (fadeInMs != null) m.put("fade_in_ms", fadeInMs);
            if (fadeOutMs != null) m.put("fade_out_ms", fadeOutMs);
            any = true;
        }
        return any;
    }

    /**
     * Video segments play one after another; the draft lasts as long as they do; music spans
     * the draft; text overlays are clipped to it.
     */
    public static void relayout(ObjectNode draft) {
        long t = 0;
        for (Drafts.Segment s : Drafts.segments(draft, Drafts.VIDEO)) {
            if (s.node() instanceof ObjectNode seg) {
                seg.put("s", t);
                t += Math.max(0, seg.path("d").asLong(0));
            }
        }
        long total = t;
        if (total == 0) {
            // No video: the draft lasts as long as its other segments.
            draft.remove("d");
            total = Drafts.durationMs(draft);
        }
        draft.put("d", total);
        for (Drafts.Segment s : Drafts.segments(draft, Drafts.AUDIO)) {
            if (s.node() instanceof ObjectNode seg) {
                seg.put("s", 0);
                seg.put("d", total);
            }
        }
        for (Drafts.Segment s : Drafts.segments(draft, Drafts.TEXT)) {
            if (s.node() instanceof ObjectNode seg && total > 0) {
                long start = Math.min(seg.path("s").asLong(0), Math.max(0, total - 500));
                seg.put("s", start);
                seg.put("d", Math.max(1, Math.min(seg.path("d").asLong(total), total - start)));
            }
        }
        for (JsonNode track : draft.withArray("t")) {
            if (track instanceof ObjectNode o) o.put("d", total);
        }
    }

    private static ObjectNode meta(ObjectNode draft) {
        JsonNode m = draft.get("m");
        if (m instanceof ObjectNode o) return o;
        return draft.putObject("m");
    }

    /** The first track of a type, created in stacking order (video, music, text) when missing. */
    private static ObjectNode track(ObjectNode draft, int type, String name) {
        ArrayNode tracks = draft.withArray("t");
        for (JsonNode t : tracks) {
            if (t.path("tt").asInt(-1) == type && t instanceof ObjectNode o) return o;
        }
        ObjectNode track = F.objectNode();
        track.put("tt", type);
        track.putObject("m").put("name", name);
        track.putArray("sg");
        int at = tracks.size();
        for (int i = 0; i < tracks.size(); i++) {
            if (rank(tracks.get(i).path("tt").asInt(-1)) > rank(type)) {
                at = i;
                break;
            }
        }
        tracks.insert(at, track);
        return track;
    }

    private static int rank(int type) {
        return switch (type) {
            case Drafts.VIDEO -> 0;
            case Drafts.AUDIO -> 1;
            default -> 2;
        };
    }
}
