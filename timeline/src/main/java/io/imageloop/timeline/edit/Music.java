package io.imageloop.timeline.edit;

import io.imageloop.timeline.AudioClip;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.DraftValidator;
import io.imageloop.timeline.Segment;
import io.imageloop.timeline.TrackType;
import io.imageloop.timeline.edit.EditException.Problem;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The background music: one audio segment from the start, spanning the draft unless trimmed
 * to end earlier. Volume is linear gain, 0 to 2 (1 leaves the file as it is).
 */
public final class Music {

    private Music() {
    }

    /** The music on the timeline, if any: the first audio segment. */
    public static Optional<Segment> of(Draft draft) {
        return draft.tracks().stream().filter(t -> t.type() == TrackType.AUDIO).flatMap(t -> t.segments().stream()).findFirst();
    }

    /** Sets the background music (replacing any), spanning the whole draft. */
    public static Draft set(Draft draft, AudioClip clip) {
        check(draft, clip);
        return DraftEdits.relayout(DraftEdits.withTrack(draft, TrackType.AUDIO, List.of(new Segment(0, Math.max(draft.durationMs(), 1), clip))));
    }

    /** Changes the music there is (volume, fades, offset into the file). */
    public static Draft change(Draft draft, UnaryOperator<AudioClip> f) {
        Segment s = of(draft).orElseThrow(() -> new EditException(Problem.NO_MUSIC, "there is no music on the timeline"));
        AudioClip changed = f.apply((AudioClip) s.content());
        check(draft, changed);
        return DraftEdits.withTrack(draft, TrackType.AUDIO, List.of(new Segment(s.startMs(), s.durationMs(), changed, s.extra())));
    }

    /** Lets the music end at {@code endMs} (null: play to the end of the draft). */
    public static Draft end(Draft draft, Long endMs) {
        Segment s = of(draft).orElseThrow(() -> new EditException(Problem.NO_MUSIC, "there is no music on the timeline"));
        long total = Math.max(draft.durationMs(), 1);
        if (endMs != null && (endMs < Texts.MIN_TEXT_MS || endMs > total)) {
            throw new EditException(Problem.TIME_OUT_OF_RANGE, "the timeline is " + total / 1000.0 + " s long",
                    Map.of("asked", endMs / 1000.0, "length", total / 1000.0));
        }
        long d = endMs == null ? total : endMs;
        return DraftEdits.withTrack(draft, TrackType.AUDIO, List.of(new Segment(0, d, s.content(), s.extra())));
    }

    public static Draft remove(Draft draft) {
        if (of(draft).isEmpty()) throw new EditException(Problem.NO_MUSIC, "there is no music on the timeline");
        return DraftEdits.removeTracks(draft, TrackType.AUDIO);
    }

    private static void check(Draft draft, AudioClip clip) {
        if (clip.volume() < 0 || clip.volume() > DraftValidator.MAX_VOLUME) {
            throw new EditException(Problem.VOLUME_OUT_OF_RANGE, "volume goes from 0 to 200%", Map.of("asked", clip.volume()));
        }
        long total = Math.max(draft.durationMs(), DraftEdits.DEFAULT_LOOP_MS);
        long fade = Math.max(clip.fadeInMs(), clip.fadeOutMs());
        if (fade > total) {
            throw new EditException(Problem.FADE_TOO_LONG, "a fade cannot be longer than the video",
                    Map.of("asked", fade / 1000.0, "length", total / 1000.0));
        }
        if (clip.offsetMs() < 0) throw new EditException(Problem.TIME_OUT_OF_RANGE, "the music starts at 0 or later",
                Map.of("asked", clip.offsetMs() / 1000.0, "length", total / 1000.0));
    }
}
