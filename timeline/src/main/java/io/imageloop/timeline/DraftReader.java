package io.imageloop.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.engine.LoopException;
import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.frame.Fitting;
import io.imageloop.engine.recipe.Direction;
import io.imageloop.engine.recipe.MotionRecipe;
import io.imageloop.engine.recipe.RecipeCodec;
import io.imageloop.engine.recipe.Region;
import io.imageloop.engine.recipe.Style;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Short-key JSON to the typed model. Collects every problem it can represent no value for (wrong
 * JSON types, unknown track types, unknown words, bad colours) instead of stopping at the first;
 * range checks are {@link DraftValidator}'s, so they apply to drafts built in code too.
 */
final class DraftReader {

    private static final Set<String> DRAFT_KEYS = Set.of("v", "d", "m", "t");
    private static final Set<String> DRAFT_META_KEYS = Set.of("aspect", "fps", "name");
    private static final Set<String> TRACK_KEYS = Set.of("tt", "m", "sg");
    private static final Set<String> TRACK_META_KEYS = Set.of("name");
    private static final Set<String> SEGMENT_KEYS = Set.of("s", "d", "m");
    private static final Set<String> LOOP_KEYS = Set.of("media", "kind", "name", "recipe", "style", "direction", "region", "strength", "loop_ms", "fit");
    private static final Set<String> CLIP_KEYS = Set.of("media", "kind", "name", "fit");
    private static final Set<String> AUDIO_KEYS = Set.of("media", "name", "volume", "fade_in_ms", "fade_out_ms", "offset_ms");
    private static final Set<String> TEXT_KEYS = Set.of("text", "position", "x", "y", "size", "color", "outline", "shadow",
            "fade_in_ms", "fade_out_ms");

    private final List<DraftProblem> problems = new ArrayList<>();

    List<DraftProblem> problems() {
        return problems;
    }

    /** The draft, or null when the problems leave nothing to build. */
    Draft read(JsonNode root) {
        if (root == null || !root.isObject()) {
            problems.add(new DraftProblem("", "a draft must be a JSON object, got " + (root == null ? "nothing" : JsonFields.shortForm(root))));
            return null;
        }
        JsonFields f = new JsonFields((ObjectNode) root, "", problems);
        double v = f.number("v", Draft.VERSION);
        int version = Draft.VERSION;
        if (v != Draft.VERSION) f.problem("v", "unsupported draft version " + JsonFields.shortForm(f.node("v")) + "; this build reads version " + Draft.VERSION);
        DraftMeta meta = meta(f.object("m"));
        List<Track> tracks = new ArrayList<>();
        List<JsonNode> t = f.array("t");
        for (int i = 0; i < t.size(); i++) {
            Track track = track(t.get(i), "t[" + i + "]");
            if (track != null) tracks.add(track);
        }
        // A draft without d lasts until its last segment ends.
        long end = tracks.stream().flatMap(tr -> tr.segments().stream()).mapToLong(Segment::endMs).max().orElse(0);
        long duration = f.millis("d", end);
        return new Draft(version, duration, meta, tracks, f.extra(DRAFT_KEYS));
    }

    private DraftMeta meta(ObjectNode m) {
        if (m == null) return DraftMeta.defaults();
        JsonFields f = new JsonFields(m, "m", problems);
        Aspect aspect = Aspect.LANDSCAPE;
        String a = f.text("aspect", null);
        if (a != null) {
            try {
                aspect = Aspect.parse(a);
            } catch (LoopException e) {
                f.problem("aspect", e.getMessage());
            }
        }
        double fps = f.number("fps", DraftMeta.DEFAULT_FPS);
        return new DraftMeta(aspect, fps, f.text("name", null), f.extra(DRAFT_META_KEYS));
    }

    private Track track(JsonNode node, String path) {
        if (!node.isObject()) {
            problems.add(new DraftProblem(path, "a track must be an object, got " + JsonFields.shortForm(node)));
            return null;
        }
        JsonFields f = new JsonFields((ObjectNode) node, path, problems);
        TrackType type = null;
        JsonNode tt = f.node("tt");
        if (tt == null) {
            f.problem("tt", "track type is missing; use 0 (video), 1 (audio) or 7 (text)");
        } else if (!tt.canConvertToExactIntegral() || (type = TrackType.ofCode(tt.asInt())) == null) {
            f.problem("tt", "unknown track type " + JsonFields.shortForm(tt) + "; use 0 (video), 1 (audio) or 7 (text)");
        }
        ObjectNode m = f.object("m");
        JsonFields mf = m == null ? null : new JsonFields(m, f.at("m"), problems);
        String name = mf == null ? null : mf.text("name", null);
        Map<String, JsonNode> metaExtra = mf == null ? Map.of() : mf.extra(TRACK_META_KEYS);
        List<Segment> segments = new ArrayList<>();
        List<JsonNode> sg = f.array("sg");
        for (int j = 0; j < sg.size(); j++) {
            Segment s = type == null ? null : segment(sg.get(j), f.at("sg") + "[" + j + "]", type);
            if (s != null) segments.add(s);
        }
        return type == null ? null : new Track(type, name, segments, metaExtra, f.extra(TRACK_KEYS));
    }

    private Segment segment(JsonNode node, String path, TrackType type) {
        if (!node.isObject()) {
            problems.add(new DraftProblem(path, "a segment must be an object, got " + JsonFields.shortForm(node)));
            return null;
        }
        JsonFields f = new JsonFields((ObjectNode) node, path, problems);
        long start = f.millis("s", 0);
        if (!f.has("d")) f.problem("d", "duration is missing");
        long duration = f.millis("d", 0);
        ObjectNode m = f.object("m");
        if (m == null) {
            if (!f.has("m")) f.problem("m", "segment metadata is missing");
            return null;
        }
        JsonFields mf = new JsonFields(m, f.at("m"), problems);
        SegmentContent content = switch (type) {
            case VIDEO -> video(mf, duration);
            case AUDIO -> audio(mf);
            case TEXT -> text(mf);
        };
        return content == null ? null : new Segment(start, duration, content, f.extra(SEGMENT_KEYS));
    }

    private VideoContent video(JsonFields m, long segmentMs) {
        String media = m.text("media", "");
        String name = m.text("name", null);
        Fitting fitting = fitting(m);
        String kind = m.text("kind", VideoLoop.KIND).trim().toLowerCase(Locale.ROOT);
        if (kind.equals(VideoClip.KIND)) return new VideoClip(media, name, fitting, m.extra(CLIP_KEYS));
        if (!kind.equals(VideoLoop.KIND)) {
            m.problem("kind", "unknown video kind '" + kind + "'; use loop (a photo) or clip (a video file)");
            return null;
        }
        long defaultLoop = segmentMs > 0 ? Math.min(segmentMs, VideoLoop.DEFAULT_LOOP_MS) : VideoLoop.DEFAULT_LOOP_MS;
        return new VideoLoop(media, name, recipe(m), m.millis("loop_ms", defaultLoop), fitting, m.extra(LOOP_KEYS));
    }

    /**
     * The loop's motion: {@code recipe} (version 2, masks inline), or the classic one-word
     * fields of older drafts ({@code style}, {@code direction}, {@code region}, {@code strength}),
     * or, with neither, null: the planner chooses when the draft is rendered.
     */
    private MotionRecipe recipe(JsonFields m) {
        JsonNode r = m.node("recipe");
        if (r != null && !r.isNull()) {
            try {
                return RecipeCodec.parse(r, RecipeCodec.Context.INLINE);
            } catch (LoopException e) {
                m.problem("recipe", e.getMessage().replaceFirst("^motion spec ", ""));
                return null;
            }
        }
        String s = m.text("style", null);
        String d = m.text("direction", null);
        String r2 = m.text("region", null);
        boolean classic = s != null || d != null || r2 != null || m.has("strength");
        if (!classic) return null;
        try {
            Style style = s == null ? Style.FLOW : Style.parse(s);
            Direction direction = d == null ? null : Direction.parse(d);
            Region region = r2 == null ? null : Region.parse(r2);
            return style.recipe(direction, region, m.number("strength", 1.0));
        } catch (LoopException e) {
            m.problem(s != null && e.getMessage().contains("style") ? "style" : d != null && e.getMessage().contains("direction") ? "direction"
                    : r2 != null && e.getMessage().contains("region") ? "region" : "strength", e.getMessage());
            return null;
        }
    }

    private static Fitting fitting(JsonFields m) {
        String fit = m.text("fit", null);
        if (fit == null) return Fitting.COVER;
        return switch (fit.trim().toLowerCase(Locale.ROOT)) {
            case "cover", "fill", "crop" -> Fitting.COVER;
            case "fit", "contain" -> Fitting.FIT;
            default -> {
                m.problem("fit", "unknown fit '" + fit + "'; use cover or fit");
                yield Fitting.COVER;
            }
        };
    }

    private AudioClip audio(JsonFields m) {
        return new AudioClip(m.text("media", ""), m.text("name", null), m.number("volume", 1.0), m.millis("fade_in_ms", 0),
                m.millis("fade_out_ms", 0), m.millis("offset_ms", 0), m.extra(AUDIO_KEYS));
    }

    private TextClip text(JsonFields m) {
        if (!m.has("text")) m.problem("text", "text is missing");
        String text = m.text("text", "");
        Placement placement = placement(m);
        Rgb color = colour(m, "color", Rgb.WHITE);
        Rgb outline = colour(m, "outline", null);
        return new TextClip(text, placement, m.number("size", TextClip.DEFAULT_SIZE), color, outline, m.bool("shadow", true),
                m.millis("fade_in_ms", 0), m.millis("fade_out_ms", 0), m.extra(TEXT_KEYS));
    }

    private static Placement placement(JsonFields m) {
        boolean point = m.has("x") || m.has("y");
        if (point) {
            if (m.has("position")) m.problem("position", "give either position or x and y, not both");
            if (!m.has("x")) m.problem("x", "x is missing: x and y go together");
            if (!m.has("y")) m.problem("y", "y is missing: x and y go together");
            return new Placement.At(m.number("x", 0.5), m.number("y", 0.5));
        }
        String p = m.text("position", null);
        if (p == null) return Placement.BOTTOM;
        Placement.Position position = Placement.Position.parse(p);
        if (position == null) {
            m.problem("position", "unknown position '" + p + "'; use top, center or bottom, or x and y");
            return Placement.BOTTOM;
        }
        return new Placement.Anchored(position);
    }

    private static Rgb colour(JsonFields m, String key, Rgb fallback) {
        String c = m.text(key, null);
        if (c == null) return fallback;
        Rgb rgb = Rgb.parse(c);
        if (rgb == null) {
            m.problem(key, "bad colour '" + c + "'; use #RRGGBB");
            return fallback;
        }
        return rgb;
    }
}
