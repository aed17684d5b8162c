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
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * The one planner: looks at a photo and writes the motion recipe for it, for the aspect the loop
 * will be shown at, steered by what the person asked for ({@link PlanHints}).
 *
 * <p>It finds what could move (a textured sky drifts, calm water ripples, white water flows,
 * grass and reeds sway from their roots, leaves sway, lights glow), then renders each candidate
 * small ({@link Visibility}) to see how much of the picture it would visibly move, keeps what
 * shows, and if the loop would still look like a still picture, adds a slow camera push-in, or
 * uses one alone. Faces are held still; a portrait gets a camera move rather than a deformed
 * face. Everything it finds is in photo coordinates, so the recipe stays right if the aspect
 * changes later; what it chose and why is in the recipe's notes.
 */
public final class Planner {

    /** Detectors run on a small copy of the photo: its short side, in pixels. */
    static final int ANALYSIS_SHORT_SIDE = 216;
    /**
     * A loop that moves less of the picture than this reads as a still image (and its faint steps
     * drown in coding noise at the wrap): with some margin over the 10% a viewer needs.
     */
    static final double ALIVE = 0.15;
    /** A layer earns its place when it visibly moves at least this share of the picture... */
    static final double SHOWS = 0.012;
    /** ...and of its own area. */
    static final double SHOWS_OF_AREA = 0.12;

    private Planner() {
    }

    /** Plans the loop of a photo file. */
    public static MotionRecipe plan(Path photo, PlanHints hints, Aspect aspect, double seconds) {
        FrameSize sim = Visibility.size(aspect);
        try (Photo loaded = new PhotoLoader().load(photo, sim.width(), sim.height())) {
            return plan(loaded.pixels(), hints, aspect, seconds);
        }
    }

    /** Plans from the photo's pixels (8-bit BGR, upright, whole, at least the prediction's size when framed). */
    public static MotionRecipe plan(Mat photo, PlanHints hints, Aspect aspect, double seconds) {
        try (Mat analysis = shrink(photo, ANALYSIS_SHORT_SIDE); Mat simulation = fitFor(photo, aspect)) {
            PhotoWindow window = PhotoWindow.cover(analysis.cols(), analysis.rows(), aspect.size(1080));
            try (SceneMasks scene = SceneAnalyzer.analyze(analysis)) {
                return new Choice(scene, window, hints, aspect, seconds, simulation).decide();
            }
        }
    }

    /** A copy with the given short side (never enlarged). */
    static Mat shrink(Mat photo, int shortSide) {
        double k = Math.min(1.0, (double) shortSide / Math.min(photo.cols(), photo.rows()));
        Mat out = new Mat();
        try (Size s = new Size(Math.max(8, (int) Math.round(photo.cols() * k)), Math.max(8, (int) Math.round(photo.rows() * k)))) {
            resize(photo, out, s, 0, 0, INTER_AREA);
        }
        return out;
    }

    /** The photo just large enough that its cover crop fills the prediction's frame. */
    private static Mat fitFor(Mat photo, Aspect aspect) {
        FrameSize sim = Visibility.size(aspect);
        double k = Math.min(1.0, 1.02 * Math.max((double) sim.width() / photo.cols(), (double) sim.height() / photo.rows()));
        Mat out = new Mat();
        try (Size s = new Size(Math.max(8, (int) Math.round(photo.cols() * k)), Math.max(8, (int) Math.round(photo.rows() * k)))) {
            resize(photo, out, s, 0, 0, INTER_AREA);
        }
        return out;
    }

    /** One candidate layer: what it animates, its share of the framed picture, and its note. */
    record Candidate(Subject subject, Layer layer, double area, String note) {
    }

    /** The decision for one photo, aspect and set of hints. */
    private static final class Choice {
        private final SceneMasks scene;
        private final PhotoWindow window;
        private final PlanHints hints;
        private final Aspect aspect;
        private final double seconds;
        private final Mat simulation;
        private final List<String> notes = new ArrayList<>();
        private final double factor;

        Choice(SceneMasks scene, PhotoWindow window, PlanHints hints, Aspect aspect, double seconds, Mat simulation) {
            this.scene = scene;
            this.window = window;
            this.hints = hints;
            this.aspect = aspect;
            this.seconds = seconds;
            this.simulation = simulation;
            this.factor = hints.strength() == null ? 1.0 : hints.strength();
        }

        MotionRecipe decide() {
            double faces = holdFaces();
            if (faces >= 0.04 && hints.move().isEmpty()) {
                notes.add(String.format(Locale.ROOT, "a portrait (faces: %.0f%% of the picture): a slow camera move, the face held whole", faces * 100));
                return finish(List.of(), camera(0.6));
            }
            if (scene.product() > 0 && hints.move().isEmpty()) {
                notes.add(String.format(Locale.ROOT, "a product shot (the object: %.0f%% of the picture): a slow camera move, nothing deformed",
                        scene.product() * 100));
                return finish(List.of(), camera(0.6));
            }
            List<Candidate> candidates = candidates();
            List<Layer> kept = new ArrayList<>();
            double predicted = 0;
            for (Candidate c : candidates) {
                boolean asked = hints.move().contains(c.subject());
                Candidate tried = c;
                double v = share(MotionRecipe.of(c.layer()));
                if (v < SHOWS_OF_AREA * c.area() && !asked) {
                    // Slow texture shows more when it moves further; try once at twice the strength.
                    Layer stronger = c.layer().withStrength(Math.min(5, c.layer().strength() * 2));
                    double v2 = share(MotionRecipe.of(stronger));
                    if (v2 > v) {
                        tried = new Candidate(c.subject(), stronger, c.area(), c.note());
                        v = v2;
                    }
                }
                if (asked || (v >= SHOWS && v >= SHOWS_OF_AREA * c.area())) {
                    kept.add(tried.layer());
                    notes.add(tried.note());
                } else {
                    notes.add(String.format(Locale.ROOT, "%s: %.0f%% of the picture, too smooth to show motion: held", c.subject(), c.area() * 100));
                }
            }
            CameraMove camera = null;
            if (!kept.isEmpty()) {
                predicted = share(MotionRecipe.of(kept.toArray(new Layer[0])));
                boolean wanted = Boolean.TRUE.equals(hints.camera());
                if (wanted || (predicted < ALIVE && !Boolean.FALSE.equals(hints.camera()))) {
                    camera = new CameraMove(cameraMove(), CameraMove.ACCOMPANYING * factor);
                    if (!wanted) notes.add(String.format(Locale.ROOT, "only %.0f%% would move: a slow camera move on top", predicted * 100));
                }
            } else if (!Boolean.FALSE.equals(hints.camera())) {
                camera = camera(0.6);
                notes.add(candidates.isEmpty() ? "nothing that flows or sways: a slow camera move keeps the whole picture intact"
                        : "nothing would visibly move on its own: a slow camera move instead");
            } else {
                // No camera allowed and nothing shows: the strongest candidate anyway, so the loop is not a still.
                if (!candidates.isEmpty()) {
                    kept.add(candidates.get(0).layer().withStrength(Math.min(5, candidates.get(0).layer().strength() * 2)));
                    notes.add(candidates.get(0).note() + " (asked for no camera move)");
                } else {
                    kept.add(new Layer.Glow(Area.WHOLE, factor));
                    notes.add("no camera move asked for and nothing that flows: the light breathes");
                }
            }
            return finish(kept, camera);
        }

        private MotionRecipe finish(List<Layer> layers, CameraMove camera) {
            MotionRecipe r = new MotionRecipe(layers, Area.NONE, camera, Particles.NONE, 1L, List.of());
            double visible = share(r);
            notes.add(String.format(Locale.ROOT, "visible motion: %.0f%% of the picture", visible * 100));
            return r.withNotes(notes);
        }

        private CameraMove camera(double strength) {
            return new CameraMove(cameraMove(), strength * factor);
        }

        private Direction cameraMove() {
            return hints.cameraMove() != null ? hints.cameraMove() : Direction.parse("zoom");
        }

        private double share(MotionRecipe r) {
            return Visibility.share(r, simulation, aspect, seconds);
        }

        /** Takes faces out of every moving mask; returns their share of the picture. */
        private double holdFaces() {
            double area = 0;
            for (Rect face : scene.faces()) {
                try (Rect grown = grow(face, scene)) {
                    for (Mat m : new Mat[] {scene.sky(), scene.water(), scene.white(), scene.grass(), scene.foliage(), scene.lights()}) {
                        rectangle(m, grown, Scalar.all(0), -1, 8, 0);
                    }
                    area += (double) grown.width() * grown.height() / (scene.width() * (double) scene.height());
                }
            }
            if (!scene.faces().isEmpty()) notes.add(scene.faces().size() == 1 ? "1 face held still" : scene.faces().size() + " faces held still");
            return area;
        }

        /** What could move, in the order it is considered; what must hold still is left out. */
        private List<Candidate> candidates() {
            List<Candidate> out = new ArrayList<>();
            clean(scene.grass(), 3);
            clean(scene.white(), 3);
            clean(scene.water(), 3);
            double grass = share(scene.grass());
            double white = share(scene.white());
            double water = share(scene.water());
            double sky = share(scene.sky());
            double foliage = share(scene.foliage());
            double lights = share(scene.lights());
            if (grass >= 0.03 && allowed(Subject.GRASS)) {
                out.add(new Candidate(Subject.GRASS, new Layer.Sway(area(scene.grass(), "grass"), Direction.parse("bottom"), strength(1.0)),
                        grass, percent("grass", grass) + ": sways from its roots"));
            }
            if (white >= 0.015 && allowed(Subject.WATER)) {
                Direction down = Direction.parse(Long.toString(Math.round(scene.whiteFlowDegrees())));
                out.add(new Candidate(Subject.WATER, new Layer.Drift(area(scene.white(), "white water"), down, strength(2.0)),
                        white, percent("white water", white) + ": flows"));
            }
            if (water >= 0.015 && allowed(Subject.WATER)) {
                out.add(new Candidate(Subject.WATER, new Layer.Ripple(area(scene.water(), "water"), strength(1.0)), water,
                        percent("calm water", water) + ": ripples"));
            }
            if (sky >= 0.06 && allowed(Subject.SKY)) {
                Direction d = hints.direction() != null && hints.direction().isAngle() ? hints.direction() : Direction.RIGHT;
                boolean clear = scene.skyTexture() < 0.45;
                out.add(new Candidate(Subject.SKY, new Layer.Drift(area(scene.sky(), "sky"), d, strength(1.0)), sky,
                        percent(clear ? "sky (nearly clear)" : "sky", sky) + ": drifts " + d));
            }
            if (foliage >= 0.08 && allowed(Subject.FOLIAGE)) {
                try (Mat crowns = new Mat(); Size k = new Size(9, 9); Mat kernel = getStructuringElement(MORPH_ELLIPSE, k)) {
                    morphologyEx(scene.foliage(), crowns, MORPH_CLOSE, kernel);
                    out.add(new Candidate(Subject.FOLIAGE, new Layer.Sway(area(crowns, "foliage"), Direction.parse("bottom"), strength(0.8)),
                            foliage, percent("foliage", foliage) + ": sways, trunks hold"));
                }
            }
            if (lights >= 0.005 && allowed(Subject.LIGHTS)) {
                try (Mat halo = new Mat(); Size k = new Size(5, 5); Mat kernel = getStructuringElement(MORPH_ELLIPSE, k)) {
                    org.bytedeco.opencv.global.opencv_imgproc.dilate(scene.lights(), halo, kernel);
                    out.add(new Candidate(Subject.LIGHTS, new Layer.Glow(area(halo, "lights"), strength(1.0)), lights,
                            percent("lights", lights) + ": glow"));
                }
            }
            // What was asked for comes first, so it is kept even where it shows little.
            out.sort((a, b) -> Boolean.compare(hints.move().contains(b.subject()), hints.move().contains(a.subject())));
            return out;
        }

        private boolean allowed(Subject s) {
            return !hints.hold().contains(s) && (hints.move().isEmpty() || hints.move().contains(s));
        }

        private double strength(double base) {
            return Math.max(0.05, Math.min(5, base * factor));
        }

        private double share(Mat mask) {
            return Planner.share(mask, window);
        }
    }

    /** Removes specks and fills pinholes, so a mask is made of regions, not of pixels. */
    static void clean(Mat mask, int size) {
        try (Size k = new Size(size, size); Mat kernel = getStructuringElement(MORPH_ELLIPSE, k)) {
            morphologyEx(mask, mask, MORPH_OPEN, kernel);
            morphologyEx(mask, mask, MORPH_CLOSE, kernel);
        }
    }

    static Area area(Mat mask, String label) {
        return Area.of(Mask.of(mask, label));
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
        return String.format(Locale.ROOT, "%s %.0f%%", what, fraction * 100);
    }
}
