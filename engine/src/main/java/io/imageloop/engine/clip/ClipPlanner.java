package io.imageloop.engine.clip;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Decides the loop of an analysed clip: its length, where to cut, and how long to crossfade. */
final class ClipPlanner {

    /** A clip whose own last → first step is this gentle is a loop already (many GIFs are). */
    private static final double LOOPS_BY_ITSELF = 1.1;

    private ClipPlanner() {
    }

    /**
     * @param wantedSeconds the duration the settings ask for: the loop is at least that long when
     *                      the clip allows it, else at least {@link ClipOptions#minLoopSeconds()}
     */
    static ClipPlan plan(Path file, ClipTrack track, List<Mat> thumbs, double wantedSeconds, ClipOptions options) {
        int n = track.frames();
        double fps = track.fps();
        int shortest = Math.max(2, frames(options.minLoopSeconds(), fps));
        int longest = Double.isInfinite(options.maxLoopSeconds()) ? n : Math.max(shortest, (int) Math.floor(options.maxLoopSeconds() * fps + 1e-9));

        FrameDistances distances = FrameDistances.of(thumbs);
        if (!track.capped() && n >= shortest && n <= longest && loopsByItself(distances)) {
            double own = Crossfade.seamRatio(thumbs, 0, n);
            return new ClipPlan(0, n, fps, 0, 0, own, own, true);
        }

        int margin = Math.max(options.window() / 2, (Math.min(options.minBlend(), options.maxBlend()) + 1) / 2);
        int usable = n - 2 * margin;
        int wanted = frames(wantedSeconds, fps);
        int minLength = wanted <= Math.min(usable, longest) && wanted > shortest ? wanted : shortest;
        if (minLength > usable) {
            throw new LoopException(Kind.UNSUPPORTED_FORMAT, String.format(Locale.ROOT,
                    "%s is too short to loop: %.1f s of video, at least %.1f s are needed", file.getFileName(),
                    n / fps, (shortest + 2 * margin) / fps));
        }
        // The longest loop of a given cost may leave no frames beyond its ends to crossfade
        // with; if its seam stays rough, loops with more room around them are tried.
        ClipPlan best = null;
        for (int room = margin; ; room *= 2) {
            if (minLength <= n - 2 * room) {
                ClipPlan plan = cut(thumbs, distances, fps, minLength, longest, room, options);
                if (best == null || better(plan, best)) best = plan;
                if (plan.seamAfter() <= 1.0) break;
            }
            if (room * 2 > Math.max(margin, (options.maxBlend() + 1) / 2)) break;
        }
        return best;
    }

    private static ClipPlan cut(List<Mat> thumbs, FrameDistances distances, double fps, int minLength, int longest,
                                int margin, ClipOptions options) {
        LoopSearch.LoopPoint point = LoopSearch.find(distances, minLength, longest, margin, options.window());
        Crossfade.Choice choice = Crossfade.choose(thumbs, point.start(), point.end(), options.minBlend(), options.maxBlend());
        return new ClipPlan(point.start(), point.length(), fps, choice.fade().pre(), choice.fade().post(),
                choice.seamBefore(), choice.seamAfter(), false);
    }

    /** A gentler seam wins; seams at or below an ordinary step count alike, and then the longer loop. */
    private static boolean better(ClipPlan a, ClipPlan b) {
        double sa = Math.max(1.0, a.seamAfter());
        double sb = Math.max(1.0, b.seamAfter());
        if (Math.abs(sa - sb) > 0.02) return sa < sb;
        return a.length() > b.length();
    }

    /**
     * Whether the clip's own last → first step looks like any other step, and keeps the motion's
     * direction: across the seam, frames two apart must differ about as much as frames two apart
     * do on either side of it. (A pattern one frame short of a whole cycle steps back at the
     * wrap, which a single step cannot tell from a step forward; frames two apart across such a
     * wrap are nearly the same.) The comparison is local because a clip made as a loop often
     * crossfades its ends, where steps are gentler than elsewhere.
     */
    static boolean loopsByItself(FrameDistances d) {
        int n = d.frames();
        if (n < 6) return false;
        double eps = 0.05;
        double local = median(d.at(n - 4, n - 2), d.at(n - 3, n - 1), d.at(0, 2), d.at(1, 3));
        return d.at(n - 1, 0) <= LOOPS_BY_ITSELF * d.typicalStep() + eps
                && within(d.at(n - 2, 0), local, eps) && within(d.at(n - 1, 1), local, eps);
    }

    private static boolean within(double value, double expected, double eps) {
        return value >= 0.6 * expected - eps && value <= 1.5 * expected + eps;
    }

    private static double median(double... values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return (v[(v.length - 1) / 2] + v[v.length / 2]) / 2;
    }

    private static int frames(double seconds, double fps) {
        return (int) Math.ceil(seconds * fps - 1e-6);
    }
}
