package io.imageloop.timeline;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * A timeline ("draft"): tracks of segments over {@code durationMs}. Tracks are in stacking
 * order: later tracks are drawn over earlier ones.
 *
 * @param version the format version ({@code v}); this build reads and writes {@link #VERSION}
 * @param extra   keys of the top-level object this build does not interpret, kept for round trips
 */
public record Draft(int version, long durationMs, DraftMeta meta, List<Track> tracks, Map<String, JsonNode> extra) {

    public static final int VERSION = 1;

    public Draft {
        if (meta == null) meta = DraftMeta.defaults();
        tracks = List.copyOf(tracks);
        extra = Extras.copy(extra);
    }

    public Draft(long durationMs, DraftMeta meta, List<Track> tracks) {
        this(VERSION, durationMs, meta, tracks, Map.of());
    }

    public Draft withTracks(List<Track> v) {
        return new Draft(version, durationMs, meta, v, extra);
    }

    public Draft withDurationMs(long v) {
        return new Draft(version, v, meta, tracks, extra);
    }

    public Draft withMeta(DraftMeta v) {
        return new Draft(version, durationMs, v, tracks, extra);
    }

    public boolean hasAudio() {
        return tracks.stream().anyMatch(t -> t.type() == TrackType.AUDIO && !t.segments().isEmpty());
    }

    /** The one-line description of the tracks, as shown to users. */
    public String summary() {
        return DraftSummary.of(this);
    }
}
