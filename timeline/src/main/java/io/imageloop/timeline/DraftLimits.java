package io.imageloop.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.media.Limit;
import io.imageloop.engine.media.LimitExceeded;

import java.nio.charset.StandardCharsets;

/**
 * Bounds on a draft, checked before it is read into the model and again before it renders.
 * Drafts are short loops and social clips: a few tracks, tens of segments, titles of a line or
 * two. The bounds keep a hostile draft from costing more than a real one (a million segments,
 * a megabyte of text) and keep every refusal one short line with its own code.
 */
public final class DraftLimits {

    /** Bytes of draft JSON: a draft with a hundred segments is about 20 KB. */
    public static final int MAX_BYTES = 256 * 1024;
    public static final int MAX_TRACKS = 50;
    /** Segments of all tracks together. */
    public static final int MAX_SEGMENTS = 500;
    /** Characters of one text overlay. */
    public static final int MAX_TEXT_CHARS = 500;
    /**
     * Height of one text overlay's lines, in frame heights, after wrapping at the frame's width
     * (estimated with wide, CJK-sized glyphs): text that tall is off the frame anyway, and its
     * sprite would only cost memory.
     */
    public static final double MAX_TEXT_HEIGHT = 3;
    private static final double LINE_SPACING = 1.2;

    /** Average advance of a glyph as a fraction of the font size: CJK glyphs are square, Latin ones narrower. */
    private static final double GLYPH_ADVANCE = 1.0;
    private static final double WRAP_WIDTH = 0.9;

    private DraftLimits() {
    }

    /** Refuses JSON text longer than {@link #MAX_BYTES} (UTF-8), before it is parsed. */
    public static void checkBytes(String json) {
        if (json.length() > MAX_BYTES || (json.length() * 3L > MAX_BYTES && json.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES)) {
            tooLarge(json.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    public static void checkBytes(long bytes) {
        if (bytes > MAX_BYTES) tooLarge(bytes);
    }

    private static void tooLarge(long bytes) {
        throw new LimitExceeded(Limit.DRAFT_BYTES, bytes, MAX_BYTES, String.format(java.util.Locale.ROOT,
                "the draft is too large: %,d bytes of JSON; the limit is %,d", bytes, MAX_BYTES));
    }

    /** Counts tracks, segments and text in a parsed tree without building anything. */
    public static void checkTree(JsonNode root) {
        if (root == null || !root.isObject()) return; // the reader reports the shape
        Aspect aspect = Aspect.LANDSCAPE;
        try {
            JsonNode a = root.path("m").get("aspect");
            if (a != null && a.isTextual()) aspect = Aspect.parse(a.asText());
        } catch (RuntimeException e) {
            // the reader reports a bad aspect
        }
        JsonNode tracks = root.get("t");
        if (tracks == null || !tracks.isArray()) return;
        tracks(tracks.size());
        long segments = 0;
        for (JsonNode t : tracks) {
            JsonNode sg = t.get("sg");
            if (sg == null || !sg.isArray()) continue;
            segments += sg.size();
            segments(segments);
            for (JsonNode s : sg) {
                JsonNode text = s.path("m").get("text");
                if (text != null && text.isTextual()) text(text.asText(), s.path("m").path("size").asDouble(TextClip.DEFAULT_SIZE), aspect);
            }
        }
    }

    /** The same bounds on a draft built in code (the chat agent's edits). */
    public static void check(Draft draft) {
        tracks(draft.tracks().size());
        long segments = 0;
        for (Track t : draft.tracks()) {
            segments += t.segments().size();
            segments(segments);
            for (Segment s : t.segments()) {
                if (s.content() instanceof TextClip text) text(text.text(), text.size(), draft.meta().aspect());
            }
        }
    }

    private static void tracks(long n) {
        if (n > MAX_TRACKS) {
            throw new LimitExceeded(Limit.TRACKS, n, MAX_TRACKS, "the draft has " + n + " tracks; the limit is " + MAX_TRACKS);
        }
    }

    private static void segments(long n) {
        if (n > MAX_SEGMENTS) {
            throw new LimitExceeded(Limit.SEGMENTS, n, MAX_SEGMENTS, "the draft has more than " + MAX_SEGMENTS
                    + " segments; the limit is " + MAX_SEGMENTS + " across all tracks");
        }
    }

    /** A text overlay must be at most {@link #MAX_TEXT_CHARS} characters and at most {@link #MAX_TEXT_HEIGHT} frames tall. */
    static void text(String text, double size, Aspect aspect) {
        int chars = text.codePointCount(0, text.length());
        if (chars > MAX_TEXT_CHARS) {
            throw new LimitExceeded(Limit.TEXT_LENGTH, chars, MAX_TEXT_CHARS, String.format(java.util.Locale.ROOT,
                    "a text overlay has %,d characters; the limit is %d", chars, MAX_TEXT_CHARS));
        }
        if (!(size > 0) || size > 1) return; // the validator reports sizes out of range
        Aspect shape = aspect == null ? Aspect.LANDSCAPE : aspect;
        double widthOverHeight = (double) shape.size(1080).width() / shape.size(1080).height();
        double perLine = Math.max(1, WRAP_WIDTH * widthOverHeight / (size * GLYPH_ADVANCE));
        long lines = 0;
        for (String paragraph : text.split("\\R", -1)) {
            lines += Math.max(1, (long) Math.ceil(paragraph.codePointCount(0, paragraph.length()) / perLine));
        }
        long maxLines = Math.max(1, (long) Math.floor(MAX_TEXT_HEIGHT / (LINE_SPACING * size)));
        if (lines > maxLines) {
            throw new LimitExceeded(Limit.TEXT_LINES, lines, maxLines, String.format(java.util.Locale.ROOT,
                    "a text overlay does not fit the frame: at size %s it takes about %d lines; at most %d fit (shorten it or make it smaller)",
                    size, lines, maxLines));
        }
    }
}
