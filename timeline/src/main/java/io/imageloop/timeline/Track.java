package io.imageloop.timeline;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One layer of the timeline. Segments of a track do not overlap; every segment's content fits
 * the track's type (video, audio or text).
 *
 * @param name      the track's {@code m.name}, or null
 * @param metaExtra keys of the track's {@code m} this build does not interpret
 * @param extra     keys of the track object itself this build does not interpret (e.g. a track {@code d})
 */
public record Track(TrackType type, String name, List<Segment> segments, Map<String, JsonNode> metaExtra,
                    Map<String, JsonNode> extra) {

    public Track {
        Objects.requireNonNull(type, "type");
        segments = List.copyOf(segments);
        metaExtra = Extras.copy(metaExtra);
        extra = Extras.copy(extra);
    }

    public Track(TrackType type, String name, List<Segment> segments) {
        this(type, name, segments, Map.of(), Map.of());
    }

    /** The name shown to users: {@code m.name}, else the type's name. */
    public String displayName() {
        return name == null || name.isBlank() ? type.defaultName() : name;
    }

    public Track withSegments(List<Segment> v) {
        return new Track(type, name, v, metaExtra, extra);
    }
}
