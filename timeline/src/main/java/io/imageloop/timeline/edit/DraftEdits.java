package io.imageloop.timeline.edit;

import io.imageloop.engine.frame.Aspect;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.DraftMeta;
import io.imageloop.timeline.Segment;
import io.imageloop.timeline.Track;
import io.imageloop.timeline.TrackType;
import io.imageloop.timeline.VideoLoop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What every edit shares: the video track the edits work on, and the timeline's layout rules,
 * so that an edited draft always renders. Video segments play one after another from 0, the
 * draft is as long as they are, music that spanned the draft keeps spanning it (music trimmed
 * shorter keeps its length), and texts are clipped to the draft.
 *
 * <p>The edits themselves are small pure functions from draft to draft, one class per kind:
 * {@link Loops} (making loops, length, repeats, fit, aspect), {@link Sequence} (remove, keep,
 * move, duplicate), {@link Motions} (a loop's motion recipe), {@link Texts} and {@link Music}.
 * Each checks its preconditions and throws {@link EditException} instead of guessing.
 */
public final class DraftEdits {

    public static final long DEFAULT_LOOP_MS = VideoLoop.DEFAULT_LOOP_MS;

    private DraftEdits() {
    }

    public static Draft empty(Aspect aspect, double fps) {
        return new Draft(0, new DraftMeta(aspect, fps, null), List.of());
    }

    public static Optional<VideoLoop> firstLoop(Draft draft) {
        return video(draft).stream().map(Segment::content).filter(VideoLoop.class::isInstance).map(VideoLoop.class::cast).findFirst();
    }

    public static boolean has(Draft draft, TrackType type) {
        return draft.tracks().stream().anyMatch(t -> t.type() == type && !t.segments().isEmpty());
    }

    /** The segments of the first video track, the one the edits work on; empty when there is none. */
    public static List<Segment> video(Draft draft) {
        return draft.tracks().stream().filter(t -> t.type() == TrackType.VIDEO).findFirst().map(Track::segments).orElse(List.of());
    }

    /** The draft with the first video track holding these segments, laid out again. */
    public static Draft withVideo(Draft draft, List<Segment> segments) {
        return relayout(withTrack(draft, TrackType.VIDEO, segments));
    }

    /** The draft's aspect ratio, nothing else (loops keep their recipes; see {@link Loops#setAspect}). */
    public static Draft setAspect(Draft draft, Aspect aspect) {
        return draft.withMeta(draft.meta().withAspect(aspect));
    }

    public static Draft removeTracks(Draft draft, TrackType type) {
        return relayout(draft.withTracks(draft.tracks().stream().filter(t -> t.type() != type).toList()));
    }

    /**
     * Lays the timeline out again: video segments one after another from 0, the draft as long
     * as its longest video track (or as its other segments when there is no video), music that
     * spanned the draft spanning it again, shorter music clipped to it, texts clipped to it.
     */
    public static Draft relayout(Draft draft) {
        long before = draft.durationMs();
        long t = 0;
        List<Track> tracks = new ArrayList<>();
        for (Track track : draft.tracks()) {
            if (track.type() != TrackType.VIDEO) {
                tracks.add(track);
                continue;
            }
            long at = 0;
            List<Segment> laid = new ArrayList<>();
            for (Segment s : track.segments()) {
                laid.add(new Segment(at, s.durationMs(), s.content(), s.extra()));
                at += s.durationMs();
            }
            t = Math.max(t, at);
            tracks.add(track.withSegments(laid));
        }
        long total = t > 0 ? t : tracks.stream().filter(tr -> tr.type() != TrackType.AUDIO).flatMap(tr -> tr.segments().stream())
                .mapToLong(Segment::endMs).max().orElse(0);
        List<Track> fitted = new ArrayList<>();
        for (Track track : tracks) {
            fitted.add(switch (track.type()) {
                case AUDIO -> track.withSegments(track.segments().stream()
                        .map(s -> spans(s, before) || total <= 0 ? new Segment(0, Math.max(total, 1), s.content(), s.extra())
                                : new Segment(s.startMs(), Math.max(1, Math.min(s.durationMs(), total - s.startMs())), s.content(), s.extra()))
                        .filter(s -> s.startMs() < Math.max(total, 1)).toList());
                case TEXT -> track.withSegments(track.segments().stream().filter(s -> total <= 0 || s.startMs() < total)
                        .map(s -> total <= 0 ? s : new Segment(s.startMs(), Math.max(1, Math.min(s.durationMs(), total - s.startMs())), s.content(), s.extra()))
                        .toList());
                default -> track;
            });
        }
        List<Track> kept = fitted.stream().filter(tr -> tr.type() == TrackType.VIDEO || !tr.segments().isEmpty()).toList();
        return new Draft(draft.version(), total, draft.meta(), kept, draft.extra());
    }

    /** Music that reached the end of the draft follows the draft's length. */
    private static boolean spans(Segment s, long draftMs) {
        return s.startMs() == 0 && (draftMs <= 0 || s.endMs() >= draftMs);
    }

    /** The draft with the first track of a type holding these segments, created in stacking order (video, music, text). */
    static Draft withTrack(Draft draft, TrackType type, List<Segment> segments) {
        List<Track> tracks = new ArrayList<>(draft.tracks());
        for (int i = 0; i < tracks.size(); i++) {
            if (tracks.get(i).type() == type) {
                tracks.set(i, tracks.get(i).withSegments(segments));
                return draft.withTracks(tracks);
            }
        }
        int at = tracks.size();
        for (int i = 0; i < tracks.size(); i++) {
            if (rank(tracks.get(i).type()) > rank(type)) {
                at = i;
                break;
            }
        }
        tracks.add(at, new Track(type, switch (type) {
            case VIDEO -> "Video";
            case AUDIO -> "BGM";
            default -> "Title";
        }, segments));
        return draft.withTracks(tracks);
    }

    static Draft mapSegments(Draft draft, TrackType type, UnaryOperator<Segment> f) {
        return draft.withTracks(draft.tracks().stream()
                .map(t -> t.type() != type ? t : t.withSegments(t.segments().stream().map(f).toList())).toList());
    }

    /** Checks that every position is a segment of the video track. */
    static void checkPositions(List<Segment> video, List<Integer> positions) {
        if (video.isEmpty()) throw new EditException(EditException.Problem.NO_LOOPS, "there is nothing on the timeline yet");
        for (int p : positions) {
            if (p < 0 || p >= video.size()) {
                throw new EditException(EditException.Problem.NO_SUCH_SEGMENT, "there is no segment " + (p + 1) + "; the timeline has "
                        + video.size(), Map.of("asked", p + 1, "count", video.size()));
            }
        }
    }

    private static int rank(TrackType type) {
        return switch (type) {
            case VIDEO -> 0;
            case AUDIO -> 1;
            default -> 2;
        };
    }
}
