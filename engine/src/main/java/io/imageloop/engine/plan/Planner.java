package io.imageloop.engine.plan;

import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.frame.FrameSize;
import io.imageloop.engine.frame.PhotoWindow;
import io.imageloop.engine.recipe.Area;
import io.imageloop.engine.recipe.CameraMove;
import io.imageloop.engine.recipe.Direction;
import io.imageloop.engine.recipe.Layer;
import io.imageloop.engine.recipe.Mask;
import io.imageloop.engine.recipe.MotionRecipe;
import io.imageloop.engine.recipe.Particles;
import io.imageloop.engine.source.Photo;
import io.imageloop.engine.source.PhotoLoader;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_CLOSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * The one planner: looks at a photo and writes the motion recipe for it, for the aspect the loop
 * will be shown at, steered by what the person asked for ({@link PlanHints}). Everything it finds
 * is in photo coordinates, so the recipe stays right if the aspect changes later; what it chose
 * and why is in the recipe's notes.
 */
public final class Planner {

    /** Analysis runs on a small copy of the photo: its short side, in pixels. */
    static final int ANALYSIS_SHORT_SIDE = 216;

    private Planner() {
    }

    /** Plans the loop of a photo file. */
    public static MotionRecipe plan(Path photo, PlanHints hints, Aspect aspect, double seconds) {
        try (Mat proxy = proxy(photo)) {
            return plan(proxy, hints, aspect, seconds);
        }
    }

    /** The photo, upright, small: what the analysis looks at. */
    static Mat proxy(Path photo) {
        try (Photo loaded = new PhotoLoader().load(photo, ANALYSIS_SHORT_SIDE, ANALYSIS_SHORT_SIDE)) {
            Mat px = loaded.pixels();
            double k = (double) ANALYSIS_SHORT_SIDE / Math.min(px.cols(), px.rows());
            Mat out = new Mat();
            try (Size s = new Size(Math.max(8, (int) Math.round(px.cols() * k)), Math.max(8, (int) Math.round(px.rows() * k)))) {
                resize(px, out, s, 0, 0, INTER_AREA);
            }
            return out;
        }
    }

    /** Plans from the analysis copy of a photo (8-bit BGR, upright, whole). */
    public static MotionRecipe plan(Mat proxy, PlanHints hints, Aspect aspect, double seconds) {
        PhotoWindow window = PhotoWindow.cover(proxy.cols(), proxy.rows(), aspect.size(1080));
        try (SceneMasks scene = SceneAnalyzer.analyze(proxy)) {
            for (Rect face : scene.faces()) {
                Rect grown = grow(face, scene);
                for (Mat m : new Mat[] {scene.sky(), scene.water(), scene.foliage()}) rectangle(m, grown, Scalar.all(0), -1, 8, 0);
            }
            double sky = share(scene.sky(), window);
            double water = share(scene.water(), window);
            double foliage = share(scene.foliage(), window);
            List<String> notes = new ArrayList<>();
            List<Layer> layers = new ArrayList<>();
            double factor = hints.strength() == null ? 1.0 : hints.strength();
            if (sky >= 0.08 && !hints.hold().contains(Subject.SKY)) {
                Direction d = hints.direction() != null && hints.direction().isAngle() ? hints.direction() : Direction.RIGHT;
                layers.add(new Layer.Drift(Area.of(Mask.of(scene.sky(), "sky")), d, clamp(factor)));
                notes.add(percent("sky", sky) + ", drifting " + d);
            }
            if (water >= 0.03 && !hints.hold().contains(Subject.WATER)) {
                layers.add(new Layer.Ripple(Area.of(Mask.of(scene.water(), "water")), clamp(factor)));
                notes.add(percent("water", water) + ", rippling");
            }
            if (layers.isEmpty() && foliage >= 0.2 && !hints.hold().contains(Subject.FOLIAGE)) {
                try (Mat crowns = new Mat(); Size k = new Size(9, 9); Mat kernel = getStructuringElement(MORPH_ELLIPSE, k)) {
                    morphologyEx(scene.foliage(), crowns, MORPH_CLOSE, kernel);
                    layers.add(new Layer.Sway(Area.of(Mask.of(crowns, "foliage")), Direction.parse("bottom"), clamp(0.8 * factor)));
                }
                notes.add(percent("foliage", foliage) + ", swaying from the bottom");
            }
            if (!scene.faces().isEmpty()) notes.add(scene.faces().size() == 1 ? "1 face held still" : scene.faces().size() + " faces held still");
            CameraMove camera = null;
            if (layers.isEmpty()) {
                camera = new CameraMove(hints.cameraMove() != null ? hints.cameraMove() : Direction.parse("zoom"), clamp(0.6 * factor));
                notes.add("no sky, water or foliage found: a slow camera zoom keeps the whole picture intact");
            } else {
                notes.add("still: everything else");
            }
            return new MotionRecipe(layers, Area.NONE, camera, Particles.NONE, 1L, notes);
        }
    }

    private static double clamp(double s) {
        return Math.max(0.05, Math.min(5, s));
    }

    /** The share of the framed picture a mask covers. */
    static double share(Mat mask, PhotoWindow window) {
        int x = (int) Math.round(window.x() * mask.cols());
        int y = (int) Math.round(window.y() * mask.rows());
        int w = Math.max(1, Math.min(mask.cols() - x, (int) Math.round(window.w() * mask.cols())));
        int h = Math.max(1, Math.min(mask.rows() - y, (int) Math.round(window.h() * mask.rows())));
        try (Rect r = new Rect(x, y, w, h); Mat view = mask.apply(r)) {
            return countNonZero(view) / (double) (w * h);
        }
    }

    /** A face rectangle grown by a third on each side (hair, chin), clipped to the picture. */
    private static Rect grow(Rect r, SceneMasks scene) {
        int gx = r.width() / 3;
        int gy = r.height() / 3;
        int x = Math.max(0, r.x() - gx);
        int y = Math.max(0, r.y() - gy);
        return new Rect(x, y, Math.min(scene.width(), r.x() + r.width() + gx) - x, Math.min(scene.height(), r.y() + r.height() + gy) - y);
    }

    private static String percent(String what, double fraction) {
        return String.format(Locale.ROOT, "%s: %.0f%% of the picture", what, fraction * 100);
    }

    static FrameSize analysisSize(Aspect aspect) {
        return aspect.size(ANALYSIS_SHORT_SIDE);
    }
}
