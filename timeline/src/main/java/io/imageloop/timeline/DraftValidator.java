package io.imageloop.timeline;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.motion.LoopTiming;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Checks that a draft can be rendered as it says: positive durations inside the draft, no
 * overlaps within a track, known media, parameters in range, text inside the frame. Every
 * problem names its field by path ({@code t[2].sg[0].d: duration must be > 0}).
 */
public final class DraftValidator {

    /** Drafts are short loops and social clips; ten minutes bounds a render's time and disk. */
    public static final long MAX_DURATION_MS = 10 * 60_000;
    public static final double MIN_FPS = 1;
    public static final double MAX_FPS = 60;
    public static final double MAX_VOLUME = 2;
    /** The engine prepares a whole loop cycle in memory; it accepts up to two minutes. */
    public static final long MAX_LOOP_MS = 120_000;
    public static final double MAX_TEXT_SIZE = 0.5;

    private DraftValidator() {
    }

    /**
     * Every problem of the draft.
     *
     * @param media resolves media references; null skips the media check
     */
    public static List<DraftProblem> problems(Draft draft, MediaResolver media) {
        DraftLimits.check(draft); // a limit is its own refusal, not one problem among others
        List<DraftProblem> out = new ArrayList<>();
        if (draft.version() != Draft.VERSION) {
            out.add(new DraftProblem("v", "unsupported draft version " + draft.version() + "; this build reads version " + Draft.VERSION));
        }
        if (draft.durationMs() <= 0) out.add(new DraftProblem("d", "duration must be > 0, got " + draft.durationMs()));
        if (draft.durationMs() > MAX_DURATION_MS) {
            out.add(new DraftProblem("d", "duration must be at most " + MAX_DURATION_MS + " ms, got " + draft.durationMs()));
        }
        double fps = draft.meta().fps();
        if (!(fps >= MIN_FPS && fps <= MAX_FPS)) {
            out.add(new DraftProblem("m.fps", "frame rate must be between 1 and 60, got " + number(fps)));
        } else if (draft.durationMs() > 0 && Math.round(draft.durationMs() * fps / 1000) < 1) {
            out.add(new DraftProblem("d", "the draft must last at least one frame (" + Math.round(1000 / fps) + " ms at "
                    + number(fps) + " fps), got " + draft.durationMs()));
        }
        for (int i = 0; i < draft.tracks().size(); i++) {
            checkTrack(draft, i, media, out);
        }
        return out;
    }

    /** The files the draft's segments use, as far as {@code media} resolves them (unknown ones are the validator's to report). */
    public static List<java.nio.file.Path> mediaFiles(Draft draft, MediaResolver media) {
        List<java.nio.file.Path> files = new ArrayList<>();
        for (Track t : draft.tracks()) {
            for (Segment s : t.segments()) {
                String ref = s.content() instanceof VideoContent v ? v.media() : s.content() instanceof AudioClip a ? a.media() : null;
                if (ref == null || ref.isBlank()) continue;
                try {
                    files.add(media.resolve(ref));
                } catch (LoopException e) {
                    // reported by problems()
                }
            }
        }
        return files;
    }

    /** Throws one {@link LoopException} listing the problems, if there are any. */
    public static void check(Draft draft, MediaResolver media) {
        List<DraftProblem> problems = problems(draft, media);
        if (!problems.isEmpty()) throw DraftProblem.toException(problems);
    }

    private static void checkTrack(Draft draft, int i, MediaResolver media, List<DraftProblem> out) {
        Track track = draft.tracks().get(i);
        List<Segment> segments = track.segments();
        for (int j = 0; j < segments.size(); j++) {
            String path = "t[" + i + "].sg[" + j + "]";
            Segment s = segments.get(j);
            if (s.content().trackType() != track.type()) {
                out.add(new DraftProblem(path + ".m", "a " + s.content().trackType() + " segment cannot be on " + article(track.type())
                        + " " + track.type() + " track"));
                continue;
            }
            if (s.startMs() < 0) out.add(new DraftProblem(path + ".s", "start must be >= 0, got " + s.startMs()));
            if (s.durationMs() <= 0) {
                out.add(new DraftProblem(path + ".d", "duration must be > 0, got " + s.durationMs()));
            } else if (s.endMs() > draft.durationMs() && draft.durationMs() > 0) {
                out.add(new DraftProblem(path + ".d", "the segment ends at " + s.endMs() + " ms, after the draft's end at "
                        + draft.durationMs() + " ms"));
            }
            checkContent(s, path + ".m.", draft.meta().fps(), media, out);
        }
        checkOverlaps(segments, "t[" + i + "]", out);
    }

    /** Segments of one track may not overlap: a track shows one thing at a time. */
    private static void checkOverlaps(List<Segment> segments, String trackPath, List<DraftProblem> out) {
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < segments.size(); j++) {
            if (segments.get(j).durationMs() > 0) order.add(j);
        }
        order.sort(Comparator.comparingLong(j -> segments.get(j).startMs()));
        for (int k = 1; k < order.size(); k++) {
            Segment before = segments.get(order.get(k - 1));
            Segment s = segments.get(order.get(k));
            if (s.startMs() < before.endMs()) {
                out.add(new DraftProblem(trackPath + ".sg[" + order.get(k) + "].s", "overlaps " + trackPath + ".sg[" + order.get(k - 1)
                        + "] (" + before.startMs() + "-" + before.endMs() + " ms); put overlapping segments on separate tracks"));
            }
        }
    }

    private static void checkContent(Segment s, String at, double fps, MediaResolver media, List<DraftProblem> out) {
        SegmentContent c = s.content();
        if (c instanceof VideoContent v) {
            checkMedia(v.media(), at, media, out);
            if (v instanceof VideoLoop loop) checkLoop(loop, at, fps, out);
        } else if (c instanceof AudioClip a) {
            checkMedia(a.media(), at, media, out);
            if (!(a.volume() >= 0 && a.volume() <= MAX_VOLUME)) {
                out.add(new DraftProblem(at + "volume", "volume must be between 0 and 2, got " + number(a.volume())));
            }
            nonNegative(a.fadeInMs(), at + "fade_in_ms", out);
            nonNegative(a.fadeOutMs(), at + "fade_out_ms", out);
            nonNegative(a.offsetMs(), at + "offset_ms", out);
        } else if (c instanceof TextClip t) {
            checkText(t, at, out);
        }
    }

    private static void checkMedia(String ref, String at, MediaResolver media, List<DraftProblem> out) {
        if (ref == null || ref.isBlank()) {
            out.add(new DraftProblem(at + "media", "media is missing"));
            return;
        }
        if (media == null) return;
        try {
            media.resolve(ref);
        } catch (LoopException e) {
            out.add(new DraftProblem(at + "media", e.getMessage()));
        }
    }

    private static void checkLoop(VideoLoop loop, String at, double fps, List<DraftProblem> out) {
        if (loop.loopMs() <= 0 || loop.loopMs() > MAX_LOOP_MS) {
            out.add(new DraftProblem(at + "loop_ms", "a loop cycle must be above 0 and at most " + MAX_LOOP_MS + " ms, got " + loop.loopMs()));
        } else if (fps >= MIN_FPS && fps <= MAX_FPS) {
            try {
                LoopTiming.of(loop.loopMs() / 1000.0, fps);
            } catch (LoopException e) {
                out.add(new DraftProblem(at + "loop_ms", e.getMessage()));
            }
        }
        // The recipe checked itself when it was read: a draft holds no impossible recipe.
    }

    private static void checkText(TextClip t, String at, List<DraftProblem> out) {
        if (t.text() == null || t.text().isBlank()) out.add(new DraftProblem(at + "text", "text is empty"));
        if (!(t.size() > 0 && t.size() <= MAX_TEXT_SIZE)) {
            out.add(new DraftProblem(at + "size", "size must be above 0 and at most " + number(MAX_TEXT_SIZE)
                    + " (a fraction of the frame height), got " + number(t.size())));
        }
        if (t.placement() instanceof Placement.At p) {
            if (!(p.x() >= 0 && p.x() <= 1)) {
                out.add(new DraftProblem(at + "x", "text outside the frame: x must be between 0 and 1, got " + number(p.x())));
            }
            if (!(p.y() >= 0 && p.y() <= 1)) {
                out.add(new DraftProblem(at + "y", "text outside the frame: y must be between 0 and 1, got " + number(p.y())));
            }
        }
        nonNegative(t.fadeInMs(), at + "fade_in_ms", out);
        nonNegative(t.fadeOutMs(), at + "fade_out_ms", out);
    }

    private static String article(TrackType type) {
        return type == TrackType.AUDIO ? "an" : "a";
    }

    private static void nonNegative(long ms, String path, List<DraftProblem> out) {
        if (ms < 0) out.add(new DraftProblem(path, "must be >= 0, got " + ms));
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
