package io.imageloop.timeline.edit;

import io.imageloop.timeline.AudioClip;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.DraftSummary;
import io.imageloop.timeline.Segment;
import io.imageloop.timeline.VideoContent;
import io.imageloop.timeline.VideoLoop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an edit actually changed: the differences between the draft before and after, so that
 * what the user is told comes from the saved draft, not from what was meant. Video segments are
 * matched by their media (the n-th segment of a photo with the n-th), texts by content and
 * then by order, music as the one audio segment. Positions moving because an earlier segment
 * grew or went away are not changes of their own.
 */
public final class DraftDiff {

    private DraftDiff() {
    }

    public static List<Change> of(Draft before, Draft after) {
        List<Change> out = new ArrayList<>();
        if (before.meta().aspect() != after.meta().aspect()) out.add(new Change.AspectChanged(before.meta().aspect(), after.meta().aspect()));
        video(DraftEdits.video(before), DraftEdits.video(after), out);
        texts(Texts.list(before), Texts.list(after), out);
        music(before, after, out);
        return out;
    }

    private static void video(List<Segment> b, List<Segment> a, List<Change> out) {
        Map<String, Integer> bi = keys(b);
        Map<String, Integer> ai = keys(a);
        List<String> commonBefore = new ArrayList<>();
        for (Map.Entry<String, Integer> e : bi.entrySet()) {
            if (!ai.containsKey(e.getKey())) {
                out.add(new Change.SegmentRemoved(e.getValue() + 1, (VideoContent) b.get(e.getValue()).content()));
            } else {
                commonBefore.add(e.getKey());
            }
        }
        List<String> commonAfter = ai.keySet().stream().filter(bi::containsKey).toList();
        if (!commonBefore.equals(commonAfter)) {
            out.add(new Change.OrderChanged(commonBefore.stream().map(k -> label(b.get(bi.get(k)))).toList(),
                    commonAfter.stream().map(k -> label(a.get(ai.get(k)))).toList()));
        }
        for (Map.Entry<String, Integer> e : ai.entrySet()) {
            int pos = e.getValue();
            Segment sa = a.get(pos);
            VideoContent ca = (VideoContent) sa.content();
            if (!bi.containsKey(e.getKey())) {
                out.add(new Change.SegmentAdded(pos + 1, ca));
                continue;
            }
            Segment sb = b.get(bi.get(e.getKey()));
            VideoContent cb = (VideoContent) sb.content();
            if (cb.fitting() != ca.fitting()) out.add(new Change.FitChanged(pos + 1, ca, cb.fitting(), ca.fitting()));
            if (cb instanceof VideoLoop lb && ca instanceof VideoLoop la) {
                if (lb.loopMs() != la.loopMs()) out.add(new Change.LengthChanged(pos + 1, ca, lb.loopMs(), la.loopMs()));
                int rb = Loops.repeats(sb, lb);
                int ra = Loops.repeats(sa, la);
                if (rb != ra) out.add(new Change.RepeatsChanged(pos + 1, ca, rb, ra));
                if (!Objects.equals(lb.recipe(), la.recipe()) && la.recipe() != null) {
                    out.add(new Change.MotionChanged(pos + 1, ca, lb.recipe(), la.recipe(), Planned.of(la).isPresent()));
                }
            }
        }
    }

    /** Each segment's media with its occurrence, in timeline order: "med_1#0", "med_2#0", "med_1#1". */
    private static Map<String, Integer> keys(List<Segment> segments) {
        Map<String, Integer> out = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            if (!(segments.get(i).content() instanceof VideoContent v)) continue;
            int n = seen.merge(v.media(), 1, Integer::sum) - 1;
            out.put(v.media() + "#" + n, i);
        }
        return out;
    }

    private static String label(Segment s) {
        VideoContent v = (VideoContent) s.content();
        return DraftSummary.label(v.name(), v.media());
    }

    private static void texts(List<Texts.Item> b, List<Texts.Item> a, List<Change> out) {
        List<Texts.Item> before = new ArrayList<>(b);
        List<Texts.Item> after = new ArrayList<>(a);
        // Unchanged texts first, then the same words changed otherwise, then the rest in order.
        for (int i = 0; i < before.size(); ) {
            Texts.Item x = before.get(i);
            Optional<Texts.Item> twin = after.stream().filter(y -> same(x, y) && x.clip().equals(y.clip())).findFirst();
            if (twin.isPresent()) {
                after.remove(twin.get());
                before.remove(i);
            } else {
                i++;
            }
        }
        pair(before, after, out, true);
        pair(before, after, out, false);
        before.forEach(x -> out.add(new Change.TextRemoved(x.clip(), x.startMs(), x.endMs())));
        after.forEach(y -> out.add(new Change.TextAdded(y.clip(), y.startMs(), y.endMs())));
    }

    private static boolean same(Texts.Item x, Texts.Item y) {
        return x.startMs() == y.startMs() && x.endMs() == y.endMs();
    }

    private static void pair(List<Texts.Item> before, List<Texts.Item> after, List<Change> out, boolean sameWords) {
        if (!sameWords && before.size() != after.size()) return;
        for (int i = 0; i < before.size(); ) {
            Texts.Item x = before.get(i);
            Optional<Texts.Item> match = after.stream().filter(y -> !sameWords || y.clip().text().equals(x.clip().text())).findFirst();
            if (match.isEmpty()) {
                i++;
                continue;
            }
            Texts.Item y = match.get();
            out.add(new Change.TextChanged(x.clip(), y.clip(), x.startMs(), x.endMs(), y.startMs(), y.endMs()));
            before.remove(i);
            after.remove(y);
        }
    }

    private static void music(Draft before, Draft after, List<Change> out) {
        Optional<Segment> b = Music.of(before);
        Optional<Segment> a = Music.of(after);
        if (b.isEmpty() && a.isEmpty()) return;
        if (b.isEmpty()) {
            out.add(new Change.MusicAdded((AudioClip) a.get().content()));
        } else if (a.isEmpty()) {
            out.add(new Change.MusicRemoved((AudioClip) b.get().content()));
        } else {
            AudioClip cb = (AudioClip) b.get().content();
            AudioClip ca = (AudioClip) a.get().content();
            long eb = b.get().endMs() >= before.durationMs() ? -1 : b.get().endMs();
            long ea = a.get().endMs() >= after.durationMs() ? -1 : a.get().endMs();
            if (!cb.media().equals(ca.media())) {
                out.add(new Change.MusicRemoved(cb));
                out.add(new Change.MusicAdded(ca));
            } else if (!cb.equals(ca) || eb != ea) {
                out.add(new Change.MusicChanged(cb, ca, eb, ea));
            }
        }
    }
}
