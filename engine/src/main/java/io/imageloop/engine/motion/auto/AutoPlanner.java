package io.imageloop.engine.motion.auto;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import io.imageloop.engine.LoopSettings;
import io.imageloop.engine.frame.FrameSize;
import io.imageloop.engine.frame.Framer;
import io.imageloop.engine.motion.Arrow;
import io.imageloop.engine.motion.Direction;
import io.imageloop.engine.motion.Freeze;
import io.imageloop.engine.motion.Point;
import io.imageloop.engine.motion.Region;
import io.imageloop.engine.motion.Style;
import io.imageloop.engine.motion.spec.MotionSpec;
import io.imageloop.engine.source.Photo;
import io.imageloop.engine.source.PhotoLoader;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.bytedeco.opencv.global.opencv_core.bitwise_not;
import static org.bytedeco.opencv.global.opencv_core.bitwise_or;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.dilate;
import static org.bytedeco.opencv.global.opencv_imgproc.erode;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

/**
 * {@code --style auto}: looks at the photo as the loop will frame it and proposes a motion plan,
 * written as an ordinary, editable motion spec. Clouds drift right, water drifts gently left,
 * everything else (and every face) is held still by a mask; a photo of mostly foliage sways; a
 * photo with nothing that flows gets a slow camera move instead of invented motion.
 */
public final class AutoPlanner {

    static final int ANALYSIS_SHORT_SIDE = 216;

    private AutoPlanner() {
    }

    /** Plans motion for a photo; the still mask is written beside {@code stillMask}'s path. */
    public static MotionSpec plan(Path photo, LoopSettings settings, Path stillMask) {
        try (Mat framed = framedForAnalysis(photo, settings)) {
            return plan(framed, stillMask);
        }
    }

    /** The photo as the loop frames it, small: what the analysis looks at. */
    private static Mat framedForAnalysis(Path photo, LoopSettings settings) {
        FrameSize frame = settings.aspect().size(ANALYSIS_SHORT_SIDE);
        try (Photo loaded = new PhotoLoader().load(photo, frame.width(), frame.height())) {
            return Framer.cover(loaded.pixels(), frame);
        }
    }

    /**
     * The same choice in the coarse terms of a timeline segment (style, direction, band), for
     * places that cannot carry arrows and masks: flow of the upper band when there is sky, of
     * the lower band when there is only water, sway for foliage, else a slow camera zoom.
     */
    public static MotionSpec outline(Path photo, LoopSettings settings) {
        try (Mat framed = framedForAnalysis(photo, settings); SceneMasks scene = SceneAnalyzer.analyze(framed)) {
            double area = (double) scene.width() * scene.height();
            double sky = countNonZero(scene.sky()) / area;
            double water = countNonZero(scene.water()) / area;
            List<String> notes = new ArrayList<>();
            if (sky >= 0.08) {
                notes.add(percent("sky", sky) + ", the upper part drifting right");
                return new MotionSpec(Style.FLOW, Direction.RIGHT, Region.UPPER, 1.0, List.of(), List.of(), Freeze.NONE, null, null, notes);
            }
            if (water >= 0.03) {
                notes.add(percent("water", water) + ", the lower part drifting left");
                return new MotionSpec(Style.FLOW, Direction.parse("left"), Region.LOWER, 0.8, List.of(), List.of(), Freeze.NONE, null, null, notes);
            }
            if (countNonZero(scene.foliage()) / area >= 0.2) {
                notes.add(percent("foliage", countNonZero(scene.foliage()) / area) + ", swaying from the bottom");
                return new MotionSpec(Style.SWAY, Direction.parse("bottom"), null, 0.8, List.of(), List.of(), Freeze.NONE, null, null, notes);
            }
            return camera(notes, "no sky, water or foliage found");
        }
    }

    /** Plans motion for a picture already framed as the loop shows it. */
    public static MotionSpec plan(Mat framed, Path stillMask) {
        try (SceneMasks scene = SceneAnalyzer.analyze(framed)) {
            double area = (double) scene.width() * scene.height();
            double sky = countNonZero(scene.sky()) / area;
            double water = countNonZero(scene.water()) / area;
            double foliage = countNonZero(scene.foliage()) / area;
            List<String> notes = new ArrayList<>();
            if (sky >= 0.08 || water >= 0.03) {
                List<Arrow> arrows = new ArrayList<>();
                if (sky >= 0.08) {
                    arrows.addAll(arrowsInside(scene.sky(), 0.05, 0));
                    notes.add(percent("sky", sky) + ", drifting right");
                }
                if (water >= 0.03) {
                    arrows.addAll(arrowsInside(scene.water(), -0.04, 0));
                    notes.add(percent("water", water) + ", drifting gently left");
                }
                if (arrows.isEmpty()) return camera(notes, "the moving regions are too thin to carry arrows");
                try (Mat moving = new Mat()) {
                    bitwise_or(scene.sky(), scene.water(), moving);
                    Path mask = writeStillMask(moving, scene, stillMask);
                    notes.add(String.format(Locale.ROOT, "still: everything else%s", faces(scene)));
                    return new MotionSpec(Style.FLOW, null, null, 1.0, arrows, List.of(), new Freeze(List.of(), List.of(), mask), null, null, notes);
                }
            }
            if (foliage >= 0.2) {
                // Leaves sway; trunks, rocks, paths and water hold still. Foliage pixels are
                // scattered, so close the mask into whole crowns before holding the rest.
                try (Mat crowns = new Mat(); Size k = new Size(9, 9); Mat kernel = getStructuringElement(MORPH_ELLIPSE, k)) {
                    org.bytedeco.opencv.global.opencv_imgproc.morphologyEx(scene.foliage(), crowns,
                            org.bytedeco.opencv.global.opencv_imgproc.MORPH_CLOSE, kernel);
                    Path mask = writeStillMask(crowns, scene, stillMask);
                    notes.add(percent("foliage", foliage) + ", swaying from the bottom; still: everything else" + faces(scene));
                    return new MotionSpec(Style.SWAY, Direction.parse("bottom"), null, 0.8, List.of(), List.of(),
                            new Freeze(List.of(), List.of(), mask), null, null, notes);
                }
            }
            return camera(notes, "no sky, water or foliage found");
        }
    }

    private static MotionSpec camera(List<String> notes, String why) {
        notes.add(why + ": a slow camera zoom keeps the whole picture intact");
        return new MotionSpec(Style.CAMERA, Direction.parse("zoom"), null, 0.6, List.of(), List.of(), Freeze.NONE, null, null, notes);
    }

    /** Short arrows on a grid of points well inside a region (eroded, so none starts at its edge). */
    static List<Arrow> arrowsInside(Mat region, double dx, double dy) {
        List<Arrow> arrows = new ArrayList<>();
        int w = region.cols();
        int h = region.rows();
        try (Mat inner = new Mat(); Size k = new Size(9, 9); Mat kernel = getStructuringElement(MORPH_ELLIPSE, k)) {
            erode(region, inner, kernel);
            ByteBuffer b = inner.createBuffer();
            for (double fy = 0.05; fy < 1; fy += 0.1) {
                for (double fx = 0.1; fx < 1; fx += 0.2) {
                    int x = (int) (fx * w);
                    int y = (int) (fy * h);
                    double tx = fx + dx;
                    double ty = fy + dy;
                    if ((b.get(y * w + x) & 0xFF) == 0 || tx < 0 || tx > 1 || ty < 0 || ty > 1) continue;
                    int ex = (int) Math.min(w - 1, tx * w);
                    int ey = (int) Math.min(h - 1, ty * h);
                    if ((b.get(ey * w + ex) & 0xFF) == 0) continue;
                    arrows.add(new Arrow(fx, fy, tx, ty));
                }
            }
        }
        return arrows;
    }

    /** Everything that is not a moving region, and every face, as a PNG (white = still). */
    private static Path writeStillMask(Mat moving, SceneMasks scene, Path file) {
        try (Mat still = new Mat(); Size k = new Size(5, 5); Mat kernel = getStructuringElement(MORPH_ELLIPSE, k)) {
            // Erode the moving regions a little: their edges are where a misfire would show.
            erode(moving, still, kernel);
            bitwise_not(still, still);
            for (Rect face : scene.faces()) rectangle(still, grow(face, scene), Scalar.all(255), -1, 8, 0);
            Path target = file != null ? file : Files.createTempFile("imageloop-still", ".png");
            if (file == null) target.toFile().deleteOnExit();
            if (!imwrite(target.toString(), still)) {
                throw new LoopException(Kind.OUTPUT_NOT_WRITABLE, "cannot write the still mask " + target);
            }
            return target;
        } catch (IOException e) {
            throw new LoopException(Kind.OUTPUT_NOT_WRITABLE, "cannot write the still mask: " + e.getMessage(), e);
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

    private static String faces(SceneMasks scene) {
        int n = scene.faces().size();
        return n == 0 ? "" : n == 1 ? "; 1 face kept still" : "; " + n + " faces kept still";
    }

    private static String percent(String what, double fraction) {
        return String.format(Locale.ROOT, "%s: %.0f%% of the picture", what, fraction * 100);
    }
}
