package io.imageloop.timeline.edit;

import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.frame.Fitting;
import io.imageloop.engine.plan.PlanHints;
import io.imageloop.engine.recipe.Particles;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.Segment;
import io.imageloop.timeline.VideoLoop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Photo loops on the video track: making them, their length, how often a segment repeats its
 * loop, how the photo fits the frame, and the draft's aspect ratio. Positions are 0-based
 * indexes into the first video track.
 */
public final class Loops {

    /** Loops are 1 to 60 seconds long. */
    public static final long MIN_LOOP_MS = 1000;
    public static final long MAX_LOOP_MS = 60_000;
    /** A segment plays its loop at most this many times. */
    public static final int MAX_REPEATS = 10;

    /** A photo to loop: its media reference and the name to show for it (the file name), or null. */
    public record Photo(String media, String name) {
    }

    private Loops() {
    }

    /**
     * Makes a loop of each photo that has none yet, planned by the engine for the draft's aspect
     * exactly as {@code imageloop make} plans it, appended in the order given (upload order).
     * Photos already on the timeline keep their loop as it is. New loops are as long as the
     * loops already there when those agree, else 6 s.
     */
    public static Draft make(Draft draft, List<Photo> photos, LoopPlanner planner) {
        List<Segment> video = new ArrayList<>(DraftEdits.video(draft));
        long length = commonLength(video).orElse(DraftEdits.DEFAULT_LOOP_MS);
        for (Photo p : photos) {
            boolean there = video.stream().anyMatch(s -> s.content() instanceof VideoLoop v && v.media().equals(p.media()));
            if (there) continue;
            VideoLoop loop = new VideoLoop(p.media(), p.name(), null, length, Fitting.COVER, Map.of());
            loop = Planned.plan(loop, planner, PlanHints.NONE, Particles.NONE, draft.meta().aspect());
            video.add(new Segment(0, length, loop));
        }
        return DraftEdits.withVideo(draft, video);
    }

    /**
     * Sets the loop cycle of these loops; each segment keeps playing its loop as many times as
     * before. Loops still as the planner made them are planned again for the new length.
     */
    public static Draft setLength(Draft draft, List<Integer> positions, long loopMs, LoopPlanner planner) {
        if (loopMs < MIN_LOOP_MS || loopMs > MAX_LOOP_MS) {
            throw new EditException(EditException.Problem.LENGTH_OUT_OF_RANGE, "loops are 1 to 60 seconds long",
                    Map.of("min", MIN_LOOP_MS / 1000, "max", MAX_LOOP_MS / 1000, "asked", loopMs / 1000.0));
        }
        return mapLoops(draft, positions, (s, loop) -> {
            if (loop.loopMs() == loopMs) return s;
            int repeats = repeats(s, loop);
            VideoLoop changed = loop.withLoopMs(loopMs);
            Optional<Planned> p = Planned.of(loop);
            if (p.isPresent()) changed = Planned.plan(changed, planner, p.get().hints(), p.get().particles(), draft.meta().aspect());
            return new Segment(s.startMs(), loopMs * repeats, changed, s.extra());
        });
    }

    /** Makes these segments play their loop {@code times} times in a row (seamless, as the loop closes on itself). */
    public static Draft setRepeats(Draft draft, List<Integer> positions, int times) {
        if (times < 1 || times > MAX_REPEATS) {
            throw new EditException(EditException.Problem.REPEATS_OUT_OF_RANGE, "a segment plays its loop 1 to " + MAX_REPEATS + " times",
                    Map.of("max", MAX_REPEATS, "asked", times));
        }
        return mapLoops(draft, positions, (s, loop) -> new Segment(s.startMs(), loop.loopMs() * times, loop, s.extra()));
    }

    /** Cover (fill the frame, cropping) or fit (the whole photo over a blurred copy of itself). */
    public static Draft setFit(Draft draft, List<Integer> positions, Fitting fitting) {
        return mapLoops(draft, positions, (s, loop) -> new Segment(s.startMs(), s.durationMs(), loop.withFitting(fitting), s.extra()));
    }

    /**
     * The draft's aspect ratio. Loops whose recipe is still what the planner made are planned
     * again for the new aspect (what {@code imageloop make --aspect} would make); loops the user
     * edited keep their recipe, which is in photo coordinates and so stays right.
     */
    public static Draft setAspect(Draft draft, Aspect aspect, LoopPlanner planner) {
        if (draft.meta().aspect() == aspect) return draft;
        List<Segment> video = new ArrayList<>();
        for (Segment s : DraftEdits.video(draft)) {
            if (s.content() instanceof VideoLoop loop) {
                Optional<Planned> p = Planned.of(loop);
                if (p.isPresent()) {
                    VideoLoop re = Planned.plan(loop, planner, p.get().hints(), p.get().particles(), aspect);
                    s = new Segment(s.startMs(), s.durationMs(), re, s.extra());
                }
            }
            video.add(s);
        }
        Draft d = DraftEdits.setAspect(draft, aspect);
        return video.isEmpty() ? d : DraftEdits.withVideo(d, video);
    }

    /** How many times a segment plays its loop. */
    public static int repeats(Segment s, VideoLoop loop) {
        return (int) Math.max(1, Math.round((double) s.durationMs() / Math.max(1, loop.loopMs())));
    }

    /** The loop length all loops share, if they do. */
    static Optional<Long> commonLength(List<Segment> video) {
        List<Long> lengths = video.stream().filter(s -> s.content() instanceof VideoLoop)
                .map(s -> ((VideoLoop) s.content()).loopMs()).distinct().toList();
        return lengths.size() == 1 ? Optional.of(lengths.get(0)) : Optional.empty();
    }

    /** A change to the loops at these positions; every position must hold a photo loop. */
    interface LoopChange {
        Segment apply(Segment segment, VideoLoop loop);
    }

    static Draft mapLoops(Draft draft, List<Integer> positions, LoopChange change) {
        List<Segment> video = new ArrayList<>(DraftEdits.video(draft));
        DraftEdits.checkPositions(video, positions);
        for (int p : positions) {
            if (!(video.get(p).content() instanceof VideoLoop)) {
                throw new EditException(EditException.Problem.NOT_A_PHOTO, "segment " + (p + 1) + " is a video clip; it plays as it is",
                        Map.of("position", p + 1));
            }
        }
        for (int p : positions.stream().distinct().toList()) {
            Segment s = video.get(p);
            video.set(p, change.apply(s, (VideoLoop) s.content()));
        }
        return DraftEdits.withVideo(draft, video);
    }

    /** The loop at a position with one change made to it, nothing else. */
    static Draft mapLoop(Draft draft, int position, UnaryOperator<VideoLoop> f) {
        return mapLoops(draft, List.of(position), (s, loop) -> new Segment(s.startMs(), s.durationMs(), f.apply(loop), s.extra()));
    }
}
