package io.imageloop.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.engine.frame.Fitting;
import io.imageloop.engine.recipe.RecipeCodec;

import java.util.Map;

/**
 * The typed model to short-key JSON: typed fields first in a fixed order, then the kept unknown
 * keys. Optional fields that are absent (null) are left out, so they read back as absent.
 */
final class DraftWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DraftWriter() {
    }

    static ObjectNode write(Draft draft) {
        ObjectNode root = NODES.objectNode();
        root.put("v", draft.version());
        root.put("d", draft.durationMs());
        ObjectNode m = root.putObject("m");
        m.put("aspect", draft.meta().aspect().label());
        putNumber(m, "fps", draft.meta().fps());
        if (draft.meta().name() != null) m.put("name", draft.meta().name());
        putAll(m, draft.meta().extra());
        ArrayNode tracks = root.putArray("t");
        for (Track track : draft.tracks()) tracks.add(track(track));
        putAll(root, draft.extra());
        return root;
    }

    private static ObjectNode track(Track track) {
        ObjectNode t = NODES.objectNode();
        t.put("tt", track.type().code());
        ObjectNode m = t.putObject("m");
        if (track.name() != null) m.put("name", track.name());
        putAll(m, track.metaExtra());
        ArrayNode sg = t.putArray("sg");
        for (Segment segment : track.segments()) {
            ObjectNode s = sg.addObject();
            s.put("s", segment.startMs());
            s.put("d", segment.durationMs());
            s.set("m", content(segment.content()));
            putAll(s, segment.extra());
        }
        putAll(t, track.extra());
        return t;
    }

    private static ObjectNode content(SegmentContent content) {
        ObjectNode m = NODES.objectNode();
        if (content instanceof VideoLoop v) {
            m.put("media", v.media());
            m.put("kind", v.kind());
            if (v.name() != null) m.put("name", v.name());
            if (v.recipe() != null) {
                // The classic label is for people and older clients reading the draft; the recipe is what renders.
                m.put("style", v.recipe().style().toString());
                m.set("recipe", RecipeCodec.toJson(v.recipe(), RecipeCodec.MaskWriter.INLINE));
            }
            m.put("loop_ms", v.loopMs());
            m.put("fit", fit(v.fitting()));
        } else if (content instanceof VideoClip c) {
            m.put("media", c.media());
            m.put("kind", c.kind());
            if (c.name() != null) m.put("name", c.name());
            m.put("fit", fit(c.fitting()));
        } else if (content instanceof AudioClip a) {
            m.put("media", a.media());
            if (a.name() != null) m.put("name", a.name());
            putNumber(m, "volume", a.volume());
            m.put("fade_in_ms", a.fadeInMs());
            m.put("fade_out_ms", a.fadeOutMs());
            m.put("offset_ms", a.offsetMs());
        } else if (content instanceof TextClip x) {
            m.put("text", x.text());
            if (x.placement() instanceof Placement.At p) {
                putNumber(m, "x", p.x());
                putNumber(m, "y", p.y());
            } else {
                m.put("position", ((Placement.Anchored) x.placement()).position().toString());
            }
            putNumber(m, "size", x.size());
            m.put("color", x.color().toString());
            if (x.outline() != null) m.put("outline", x.outline().toString());
            m.put("shadow", x.shadow());
            m.put("fade_in_ms", x.fadeInMs());
            m.put("fade_out_ms", x.fadeOutMs());
        }
        putAll(m, content.extra());
        return m;
    }

    private static String fit(Fitting fitting) {
        return fitting == Fitting.FIT ? "fit" : "cover";
    }

    /** Whole numbers without a fraction (30, not 30.0), as people write them. */
    private static void putNumber(ObjectNode o, String key, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) o.put(key, (long) v);
        else o.put(key, v);
    }

    private static void putAll(ObjectNode o, Map<String, JsonNode> extra) {
        extra.forEach((k, v) -> {
            if (!o.has(k)) o.set(k, v.deepCopy());
        });
    }
}
