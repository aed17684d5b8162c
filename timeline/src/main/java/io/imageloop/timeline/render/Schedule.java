package io.imageloop.timeline.render;

import io.imageloop.timeline.Draft;
import io.imageloop.timeline.Segment;
import io.imageloop.timeline.Track;

import java.util.ArrayList;
import java.util.List;

/**
 * The draft on the output's frame clock: each track's segments as frame ranges, in stacking
 * order. A segment covers the frames whose start time falls in [start, end), so back-to-back
 * segments share no frame and leave no gap.
 */
final class Schedule {

    /** A segment as output frames [first, end). */
    record Slot(Segment segment, int track, int index, int first, int end) {

        boolean covers(int t) {
            return t >= first && t < end;
        }

        String path() {
            return "t[" + track + "].sg[" + index + "]";
        }
    }

    /** One track's slots, in the track's position in the stack. */
    record Layer(Track track, int index, List<Slot> slots) {

        Slot at(int t) {
            for (Slot s : slots) if (s.covers(t)) return s;
            return null;
        }
    }

    private final List<Layer> layers;
    private final int frames;
    private final double fps;

    Schedule(Draft draft) {
        this.fps = draft.meta().fps();
        this.frames = frameAt(draft.durationMs(), fps);
        List<Layer> out = new ArrayList<>();
        for (int i = 0; i < draft.tracks().size(); i++) {
            Track track = draft.tracks().get(i);
            List<Slot> slots = new ArrayList<>();
            for (int j = 0; j < track.segments().size(); j++) {
                Segment s = track.segments().get(j);
                int first = frameAt(s.startMs(), fps);
                int end = Math.min(frames, frameAt(s.endMs(), fps));
                if (end > first) slots.add(new Slot(s, i, j, first, end));
            }
            out.add(new Layer(track, i, List.copyOf(slots)));
        }
        this.layers = List.copyOf(out);
    }

    /** The frame nearest to {@code ms} on a clock of {@code fps}. */
    static int frameAt(long ms, double fps) {
        return (int) Math.round(ms * fps / 1000.0);
    }

    /**
     * How often the picture repeats, in frames: the cycle of the photo loops when every video
     * segment is a loop of that same cycle starting on a multiple of it (one loop played several
     * times, say), else 0. Keyframes that fall on repeats cost the least and show nothing.
     */
    int period() {
        int period = 0;
        for (Layer layer : layers) {
            if (layer.track().type() != io.imageloop.timeline.TrackType.VIDEO) continue;
            for (Slot slot : layer.slots()) {
                if (!(slot.segment().content() instanceof io.imageloop.timeline.VideoLoop loop)) return 0;
                int cycle = frameAt(loop.loopMs(), fps);
                if (cycle <= 0 || (period != 0 && cycle != period) || slot.first() % cycle != 0) return 0;
                period = cycle;
            }
        }
        return period;
    }

    List<Layer> layers() {
        return layers;
    }

    int frames() {
        return frames;
    }

    double fps() {
        return fps;
    }
}
