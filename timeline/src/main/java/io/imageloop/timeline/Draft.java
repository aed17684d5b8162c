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

    /**
     * The first {@code ms} of the draft: segments that start later are dropped, the ones that
     * run past the new end are cut there. Previews and capped exports use it.
     */
    public Draft truncatedTo(long ms) {
        if (ms >= durationMs) return this;
        List<Track> cut = tracks.stream().map(t -> t.withSegments(t.segments().stream()
                .filter(s -> s.startMs() < ms)
                .map(s -> s.endMs() <= ms ? s : new Segment(s.startMs(), ms - s.startMs(), s.content(), s.extra()))
                .toList())).toList();
        return new Draft(version, ms, meta, cut, extra);
    }

    public boolean hasAudio() {
        return tracks.stream().anyMatch(t -> t.type() == TrackType.AUDIO && !t.segments().isEmpty());
    }

    /** The one-line description of the tracks, as shown to users. */
    public String summary() {
        return DraftSummary.of(this);
    }
}
