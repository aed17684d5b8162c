package io.imageloop.timeline.edit;

import io.imageloop.timeline.Draft;
import io.imageloop.timeline.Segment;
import io.imageloop.timeline.TextClip;
import io.imageloop.timeline.Track;
import io.imageloop.timeline.TrackType;
import io.imageloop.timeline.edit.EditException.Problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Titles and captions, one at a time: add, change (content, placement, style), re-time and
 * remove one text. A text is named by {@link Ref}, its place in the draft; {@link #list} gives
 * every text in the order people see them (by start time, then stacking).
 */
public final class Texts {

    /** The shortest text overlay worth showing. */
    public static final long MIN_TEXT_MS = 500;
    public static final int MAX_CHARS = 200;

    /** Where a text is: the index of its track in the draft and of its segment in the track. */
    public record Ref(int track, int segment) {
    }

    /** A text with where and when it shows. */
    public record Item(Ref ref, long startMs, long endMs, TextClip clip) {
    }

    private Texts() {
    }

    public static List<Item> list(Draft draft) {
        List<Item> out = new ArrayList<>();
        for (int t = 0; t < draft.tracks().size(); t++) {
            Track track = draft.tracks().get(t);
            if (track.type() != TrackType.TEXT) continue;
            for (int s = 0; s < track.segments().size(); s++) {
                Segment seg = track.segments().get(s);
                if (seg.content() instanceof TextClip clip) out.add(new Item(new Ref(t, s), seg.startMs(), seg.endMs(), clip));
            }
        }
        out.sort(Comparator.comparingLong(Item::startMs).thenComparingInt(i -> i.ref().track()));
        return out;
    }

    /**
     * Adds a text from {@code startMs}; a null duration runs it to the end. It goes on the first
     * text track where it overlaps nothing, else on a new text track.
     */
    public static Draft add(Draft draft, TextClip clip, long startMs, Long durationMs) {
        checkText(clip.text());
        long total = draft.durationMs() > 0 ? draft.durationMs() : DraftEdits.DEFAULT_LOOP_MS;
        if (startMs < 0 || startMs > total - MIN_TEXT_MS) {
            throw new EditException(Problem.TIME_OUT_OF_RANGE, "the timeline is " + total / 1000.0 + " s long",
                    Map.of("asked", startMs / 1000.0, "length", total / 1000.0));
        }
        long d = durationMs == null ? total - startMs : Math.max(MIN_TEXT_MS, Math.min(durationMs, total - startMs));
        Segment segment = new Segment(startMs, d, clip);
        List<Track> tracks = new ArrayList<>(draft.tracks());
        for (int i = 0; i < tracks.size(); i++) {
            Track t = tracks.get(i);
            if (t.type() == TrackType.TEXT && t.segments().stream().noneMatch(s -> s.startMs() < startMs + d && startMs < s.endMs())) {
                List<Segment> segments = new ArrayList<>(t.segments());
                segments.add(segment);
                segments.sort(Comparator.comparingLong(Segment::startMs));
                tracks.set(i, t.withSegments(segments));
                return draft.withTracks(tracks);
            }
        }
        tracks.add(new Track(TrackType.TEXT, tracks.stream().anyMatch(t -> t.type() == TrackType.TEXT) ? "Caption" : "Title", List.of(segment)));
        return draft.withTracks(tracks);
    }

    /** The text with a change to its clip (content, placement, colours, size, fades); its timing stays. */
    public static Draft change(Draft draft, Ref ref, UnaryOperator<TextClip> f) {
        Segment s = segment(draft, ref);
        TextClip changed = f.apply((TextClip) s.content());
        checkText(changed.text());
        List<Track> tracks = new ArrayList<>(draft.tracks());
        Track t = tracks.get(ref.track());
        List<Segment> segments = new ArrayList<>(t.segments());
        segments.set(ref.segment(), new Segment(s.startMs(), s.durationMs(), changed, s.extra()));
        tracks.set(ref.track(), t.withSegments(segments));
        return draft.withTracks(tracks);
    }

    /** Shows the text from {@code startMs} for {@code durationMs} (null: to the end); it may move to another text track. */
    public static Draft retime(Draft draft, Ref ref, long startMs, Long durationMs) {
        TextClip clip = (TextClip) segment(draft, ref).content();
        return add(remove(draft, ref), clip, startMs, durationMs);
    }

    public static Draft remove(Draft draft, Ref ref) {
        segment(draft, ref);
        List<Track> tracks = new ArrayList<>(draft.tracks());
        Track t = tracks.get(ref.track());
        List<Segment> segments = new ArrayList<>(t.segments());
        segments.remove(ref.segment());
        if (segments.isEmpty()) tracks.remove(ref.track());
        else tracks.set(ref.track(), t.withSegments(segments));
        return draft.withTracks(tracks);
    }

    public static Draft removeAll(Draft draft) {
        if (list(draft).isEmpty()) throw new EditException(Problem.NO_TEXT, "there is no text on the timeline");
        return draft.withTracks(draft.tracks().stream().filter(t -> t.type() != TrackType.TEXT).toList());
    }

    private static Segment segment(Draft draft, Ref ref) {
        if (ref.track() < 0 || ref.track() >= draft.tracks().size() || draft.tracks().get(ref.track()).type() != TrackType.TEXT
                || ref.segment() < 0 || ref.segment() >= draft.tracks().get(ref.track()).segments().size()) {
            throw new EditException(Problem.NO_TEXT, "there is no such text on the timeline");
        }
        return draft.tracks().get(ref.track()).segments().get(ref.segment());
    }

    private static void checkText(String text) {
        if (text == null || text.isBlank() || text.codePointCount(0, text.length()) > MAX_CHARS) {
            throw new EditException(Problem.BAD_TEXT, "a text is 1 to " + MAX_CHARS + " characters", Map.of("max", MAX_CHARS));
        }
    }
}
