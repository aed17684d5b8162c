package io.imageloop.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageloop.engine.frame.Aspect;

import java.util.Map;

/**
 * The draft's {@code m}: output shape and frame rate, and a display name.
 *
 * @param name  null when the draft has none
 * @param extra keys of {@code m} this build does not interpret, kept for round trips
 */
public record DraftMeta(Aspect aspect, double fps, String name, Map<String, JsonNode> extra) {

    public static final double DEFAULT_FPS = 30;

    public DraftMeta {
        if (aspect == null) aspect = Aspect.LANDSCAPE;
        extra = Extras.copy(extra);
    }

    public DraftMeta(Aspect aspect, double fps, String name) {
        this(aspect, fps, name, Map.of());
    }

    public static DraftMeta defaults() {
        return new DraftMeta(Aspect.LANDSCAPE, DEFAULT_FPS, null);
    }

    public DraftMeta withAspect(Aspect v) {
        return new DraftMeta(v, fps, name, extra);
    }

    public DraftMeta withFps(double v) {
        return new DraftMeta(aspect, v, name, extra);
    }
}
