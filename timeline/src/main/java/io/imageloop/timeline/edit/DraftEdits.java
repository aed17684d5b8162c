package io.imageloop.timeline.edit;

import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.frame.Fitting;
import io.imageloop.engine.recipe.MotionRecipe;
import io.imageloop.timeline.AudioClip;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.DraftMeta;
import io.imageloop.timeline.Placement;
import io.imageloop.timeline.Segment;
import io.imageloop.timeline.TextClip;
import io.imageloop.timeline.Track;
import io.imageloop.timeline.TrackType;
import io.imageloop.timeline.VideoLoop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The edits a user asks for ("make it 8 seconds", "add a title", "add music at 30%"), as pure
 * functions from draft to draft. Every result keeps the timeline's rules, so what the chat agent
 * makes always renders: video segments play one after another, music spans the draft, texts are
 * clipped to it, and a text that would overlap another goes on a track of its own.
 */
public final class DraftEdits {

    public static final long DEFAULT_LOOP_MS = VideoLoop.DEFAULT_LOOP_MS;
    /** The shortest text overlay worth showing. */
    static final long MIN_TEXT_MS = 500;

    /**
     * A photo to loop: its media reference, the name to show for it (the file name) or null, and
     * its planned recipe, or null to let the planner choose when the draft renders.
     */
    public record Photo(String media, String name, MotionRecipe planned) {
        public Photo(String media, String name) {
            this(media, name, null);
        }
    }

    private DraftEdits() {
    }

    public static Draft empty(Aspect aspect, double fps) {
        return new Draft(0, new DraftMeta(aspect, fps, null), List.of());
    }

    public static Optional<VideoLoop> firstLoop(Draft draft) {
        return segments(draft, TrackType.VIDEO).stream().map(Segment::content)
                .filter(VideoLoop.class::isInstance).map(VideoLoop.class::cast).findFirst();
    }

    public static boolean has(Draft draft, TrackType type) {
        return !segments(draft, type).isEmpty();
    }

    /**
     * Replaces the video track with one loop per photo, one after another (6 s each unless the
     * change says otherwise), flow drifting the sky right unless the photo's suggestion or the
     * change says otherwise.
     * Text and music stay.
     */
    public static Draft setLoops(Draft draft, List<Photo> photos, LoopChange change) {
        long length = change.loopMs() != null ? change.loopMs() : DEFAULT_LOOP_MS;
        List<Segment> loops = new ArrayList<>();
        for (Photo p : photos) {
            // A photo already on the timeline keeps the motion it has (what the user chose for it).
            MotionRecipe kept = segments(draft, TrackType.VIDEO).stream().map(Segment::content)
                    .filter(c -> c instanceof VideoLoop v && v.media().equals(p.media()) && v.recipe() != null)
                    .map(c -> ((VideoLoop) c).recipe()).findFirst().orElse(p.planned());
            VideoLoop loop = new VideoLoop(p.media(), p.name(), kept, length, Fitting.COVER, Map.of());
            loops.add(new Segment(0, length, change.applyTo(loop)));
        }
        return relayout(withTrack(draft, TrackType.VIDEO, loops));
    }

    /** Applies a motion change to every photo loop. */
    public static Draft changeLoops(Draft draft, LoopChange change) {
        Draft changed = mapSegments(draft, TrackType.VIDEO, s -> {
            if (!(s.content() instanceof VideoLoop loop)) return s;
            VideoLoop l = change.applyTo(loop);
            long d = change.loopMs() != null ? change.loopMs() : s.durationMs();
            return new Segment(s.startMs(), d, l, s.extra());
        });
        return relayout(changed);
    }

    public static Draft setAspect(Draft draft, Aspect aspect) {
        return draft.withMeta(draft.meta().withAspect(aspect));
    }

    /**
     * Adds a text overlay from {@code startMs}; a null duration runs it to the end of the draft.
     * It goes on the first text track where it overlaps nothing, else on a new text track.
     */
    public static Draft addText(Draft draft, String text, long startMs, Long durationMs, Placement placement) {
        long total = Math.max(draft.durationMs(), DEFAULT_LOOP_MS);
        long start = Math.max(0, Math.min(startMs, total - MIN_TEXT_MS));
        long d = durationMs == null ? total - start : Math.max(MIN_TEXT_MS, Math.min(durationMs, total - start));
        Segment segment = new Segment(start, d, TextClip.of(text, placement, TextClip.DEFAULT_SIZE));
        List<Track> tracks = new ArrayList<>(draft.tracks());
        for (int i = 0; i < tracks.size(); i++) {
            Track t = tracks.get(i);
            if (t.type() == TrackType.TEXT && t.segments().stream().noneMatch(s -> s.startMs() < start + d && start < s.endMs())) {
                List<Segment> segments = new ArrayList<>(t.segments());
                segments.add(segment);
                segments.sort(java.util.Comparator.comparingLong(Segment::startMs));
                tracks.set(i, t.withSegments(segments));
                return draft.withTracks(tracks);
            }
        }
        tracks.add(new Track(TrackType.TEXT, tracks.stream().anyMatch(t -> t.type() == TrackType.TEXT) ? "Caption" : "Title", List.of(segment)));
        return draft.withTracks(tracks);
    }

    public static Draft removeTracks(Draft draft, TrackType type) {
        return draft.withTracks(draft.tracks().stream().filter(t -> t.type() != type).toList());
    }

    /** Sets the background music: one segment spanning the whole draft. */
    public static Draft setMusic(Draft draft, String media, String name, double volume, Long fadeInMs, Long fadeOutMs) {
        AudioClip clip = new AudioClip(media, name, volume, fadeInMs == null ? 0 : fadeInMs, fadeOutMs == null ? 0 : fadeOutMs, 0, Map.of());
        return relayout(withTrack(draft, TrackType.AUDIO, List.of(new Segment(0, Math.max(draft.durationMs(), 1), clip))));
    }

    /** Changes volume and fades of the music there is; null fields stay. */
    public static Draft adjustMusic(Draft draft, Double volume, Long fadeInMs, Long fadeOutMs) {
        return mapSegments(draft, TrackType.AUDIO, s -> {
            AudioClip a = (AudioClip) s.content();
            if (volume != null) a = a.withVolume(volume);
            a = a.withFades(fadeInMs != null ? fadeInMs : a.fadeInMs(), fadeOutMs != null ? fadeOutMs : a.fadeOutMs());
            return new Segment(s.startMs(), s.durationMs(), a, s.extra());
        });
    }

    /**
     * Lays the timeline out again: video segments one after another from 0, the draft as long
     * as they are (or as its other segments when there is no video), music spanning it, texts
     * clipped to it.
     */
    public static Draft relayout(Draft draft) {
        long t = 0;
        List<Track> tracks = new ArrayList<>();
        for (Track track : draft.tracks()) {
            if (track.type() != TrackType.VIDEO) {
                tracks.add(track);
                continue;
            }
            List<Segment> laid = new ArrayList<>();
            for (Segment s : track.segments()) {
                laid.add(new Segment(t, s.durationMs(), s.content(), s.extra()));
                t += s.durationMs();
            }
            tracks.add(track.withSegments(laid));
        }
        long total = t > 0 ? t : tracks.stream().flatMap(tr -> tr.segments().stream()).mapToLong(Segment::endMs).max().orElse(0);
        List<Track> fitted = new ArrayList<>();
        for (Track track : tracks) {
            fitted.add(switch (track.type()) {
                case AUDIO -> track.withSegments(track.segments().stream()
                        .map(s -> new Segment(0, Math.max(total, 1), s.content(), s.extra())).toList());
                case TEXT -> track.withSegments(track.segments().stream().filter(s -> total <= 0 || s.startMs() < total)
                        .map(s -> total <= 0 ? s : new Segment(s.startMs(), Math.max(1, Math.min(s.durationMs(), total - s.startMs())), s.content(), s.extra()))
                        .toList());
                default -> track;
            });
        }
        return new Draft(draft.version(), total, draft.meta(), fitted, draft.extra());
    }

    private static List<Segment> segments(Draft draft, TrackType type) {
        return draft.tracks().stream().filter(t -> t.type() == type).flatMap(t -> t.segments().stream()).toList();
    }

    /** The draft with the first track of a type holding these segments, created in stacking order (video, music, text). */
    private static Draft withTrack(Draft draft, TrackType type, List<Segment> segments) {
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

    private static Draft mapSegments(Draft draft, TrackType type, java.util.function.UnaryOperator<Segment> f) {
        return draft.withTracks(draft.tracks().stream()
                .map(t -> t.type() != type ? t : t.withSegments(t.segments().stream().map(f).toList())).toList());
    }

    private static int rank(TrackType type) {
        return switch (type) {
            case VIDEO -> 0;
            case AUDIO -> 1;
            default -> 2;
        };
    }
}
