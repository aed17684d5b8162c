package io.imageloop.timeline;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Objects;

/**
 * A piece of a track: what plays ({@code content}, the JSON {@code m}) from {@code startMs} for
 * {@code durationMs} on the draft's clock.
 *
 * @param extra keys of the segment object this build does not interpret
 */
public record Segment(long startMs, long durationMs, SegmentContent content, Map<String, JsonNode> extra) {

    public Segment {
        Objects.requireNonNull(content, "content");
        extra = Extras.copy(extra);
    }

    public Segment(long startMs, long durationMs, SegmentContent content) {
        this(startMs, durationMs, content, Map.of());
    }

    public long endMs() {
        return startMs + durationMs;
    }
}
