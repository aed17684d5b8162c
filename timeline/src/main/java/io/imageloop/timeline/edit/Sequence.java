package io.imageloop.timeline.edit;

import io.imageloop.timeline.Draft;
import io.imageloop.timeline.Segment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The order of the video track: removing, keeping, moving and duplicating segments (0-based positions). */
public final class Sequence {

    private Sequence() {
    }

    /** Removes these segments; refuses to remove every one (a timeline needs something to play). */
    public static Draft remove(Draft draft, List<Integer> positions) {
        List<Segment> video = DraftEdits.video(draft);
        DraftEdits.checkPositions(video, positions);
        Set<Integer> gone = new LinkedHashSet<>(positions);
        if (gone.size() >= video.size()) {
            throw new EditException(EditException.Problem.WOULD_EMPTY_TIMELINE, "that would leave the timeline with nothing to play");
        }
        List<Segment> kept = new ArrayList<>();
        for (int i = 0; i < video.size(); i++) if (!gone.contains(i)) kept.add(video.get(i));
        return DraftEdits.withVideo(draft, kept);
    }

    /** Keeps only these segments, in their order on the timeline. */
    public static Draft keepOnly(Draft draft, List<Integer> positions) {
        List<Segment> video = DraftEdits.video(draft);
        DraftEdits.checkPositions(video, positions);
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < video.size(); i++) if (!positions.contains(i)) others.add(i);
        return others.isEmpty() ? draft : remove(draft, others);
    }

    /** Moves one segment so that it becomes the one at {@code to} (0 = first; past the end = last). */
    public static Draft move(Draft draft, int from, int to) {
        List<Segment> video = new ArrayList<>(DraftEdits.video(draft));
        DraftEdits.checkPositions(video, List.of(from));
        Segment s = video.remove(from);
        video.add(Math.max(0, Math.min(to, video.size())), s);
        return DraftEdits.withVideo(draft, video);
    }

    /** Swaps two segments. */
    public static Draft swap(Draft draft, int a, int b) {
        List<Segment> video = new ArrayList<>(DraftEdits.video(draft));
        DraftEdits.checkPositions(video, List.of(a, b));
        Segment s = video.get(a);
        video.set(a, video.get(b));
        video.set(b, s);
        return DraftEdits.withVideo(draft, video);
    }

    /** Plays the segments in this order: a permutation of all positions. */
    public static Draft reorder(Draft draft, List<Integer> order) {
        List<Segment> video = DraftEdits.video(draft);
        DraftEdits.checkPositions(video, order);
        if (order.size() != video.size() || new LinkedHashSet<>(order).size() != order.size()) {
            throw new EditException(EditException.Problem.NO_SUCH_SEGMENT, "a new order names every segment once",
                    Map.of("asked", order.size(), "count", video.size()));
        }
        return DraftEdits.withVideo(draft, order.stream().map(video::get).toList());
    }

    /** Reverses the order of the video track. */
    public static Draft reverse(Draft draft) {
        List<Segment> video = new ArrayList<>(DraftEdits.video(draft));
        java.util.Collections.reverse(video);
        return DraftEdits.withVideo(draft, video);
    }

    /** Puts a copy of each of these segments right after it. */
    public static Draft duplicate(Draft draft, List<Integer> positions) {
        List<Segment> video = DraftEdits.video(draft);
        DraftEdits.checkPositions(video, positions);
        List<Segment> out = new ArrayList<>();
        for (int i = 0; i < video.size(); i++) {
            out.add(video.get(i));
            if (positions.contains(i)) out.add(video.get(i));
        }
        return DraftEdits.withVideo(draft, out);
    }
}
