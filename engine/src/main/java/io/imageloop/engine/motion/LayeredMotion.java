package io.imageloop.engine.motion;

import io.imageloop.engine.frame.FrameSize;
import io.imageloop.engine.frame.PhotoWindow;
import io.imageloop.engine.recipe.Arrow;
import io.imageloop.engine.recipe.Layer;
import io.imageloop.engine.recipe.MotionRecipe;
import io.imageloop.engine.recipe.Point;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.max;

/**
 * A recipe's layers (and its frozen areas) as one motion stage. Flowing layers (drift, arrows)
 * share one flow field; layers that move in place (ripples, sway, parallax) share one periodic
 * displacement; glow modulates brightness; frozen areas are laid back on top, exactly the photo.
 * Every layer works on the part of the photo its area names, whatever the framing, and where no
 * layer reaches, pixels are the photo's own in every frame.
 */
public final class LayeredMotion implements Motion {

    private final MotionRecipe recipe;

    public LayeredMotion(MotionRecipe recipe) {
        this.recipe = recipe;
    }

    @Override
    public double canvasScale() {
        // A margin around the frame as wide as the farthest in-place displacement, so samples
        // near the frame's edge read real pixels rather than a mirrored border.
        FrameSize unit = new FrameSize(1600, 900);
        double reach = 0;
        for (Layer l : recipe.layers()) reach = Math.max(reach, Waves.reach(l, unit));
        return 1 + 2.2 * reach / 900;
    }

    @Override
    public Animation animate(Mat canvas, PhotoWindow window, FrameSize frame, LoopTiming timing) {
        int offX = (canvas.cols() - frame.width()) / 2;
        int offY = (canvas.rows() - frame.height()) / 2;
        Rect inCanvas = new Rect(offX, offY, frame.width(), frame.height());
        PhotoWindow frameWindow = window.inner(new PhotoWindow((double) offX / canvas.cols(), (double) offY / canvas.rows(),
                (double) frame.width() / canvas.cols(), (double) frame.height() / canvas.rows()));
        Mat picture = canvas.apply(inCanvas).clone();
        List<AutoCloseable> built = new ArrayList<>();
        try {
            Mat frozen = Areas.raster(recipe.freeze(), frameWindow, frame);
            if (frozen != null) {
                Areas.featherOutwards(frozen);
                built.add(frozen);
            }
            FlowStage flow = flow(picture, frameWindow, frame, timing, frozen);
            if (flow != null) built.add(flow);
            Waves waves = waves(canvas, picture, frameWindow, frame, inCanvas, timing, frozen);
            if (waves != null) built.add(waves);
            Glow glow = glow(picture, frameWindow, frame, timing, frozen);
            if (glow != null) built.add(glow);
            return new LayeredAnimation(canvas, picture, inCanvas, timing.frames(), flow, waves, glow, frozen);
        } catch (RuntimeException e) {
            for (AutoCloseable c : built) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // reporting the first failure
                }
            }
            picture.close();
            throw e;
        }
    }

    /** Drift and arrow layers as one flow field; null when the recipe has neither. */
    private FlowStage flow(Mat picture, PhotoWindow window, FrameSize frame, LoopTiming timing, Mat frozen) {
        List<Layer.Drift> drifts = new ArrayList<>();
        List<Layer.Flow> flows = new ArrayList<>();
        for (Layer l : recipe.layers()) {
            if (l instanceof Layer.Drift d) drifts.add(d);
            if (l instanceof Layer.Flow f) flows.add(f);
        }
        if (drifts.isEmpty() && flows.isEmpty()) return null;
        int nodes = FlowStage.nodes(timing.frames());
        VectorField field = VectorField.forCanvas(frame, nodes);
        Mat matte = new Mat(frame.height(), frame.width(), CV_32FC1, Scalar.all(0));
        double photoLongSide = Math.max(frame.width() / window.w(), frame.height() / window.h());
        for (Layer.Drift d : drifts) {
            try (Mat weight = Areas.raster(d.area(), window, frame)) {
                if (weight == null) continue;
                if (!d.area().isWhole()) Mattes.refine(weight, picture);
                double speed = Layer.Drift.LONG_SIDES_PER_SECOND * d.strength() * photoLongSide / timing.fps();
                field.addScaled(weight, d.direction().dx() * speed, d.direction().dy() * speed);
                max(matte, weight, matte);
            }
        }
        for (Layer.Flow f : flows) {
            List<GuidedField.Stroke> strokes = new ArrayList<>();
            for (Arrow a : f.arrows()) {
                GuidedField.Stroke s = stroke(a, window, frame, f.strength() / timing.fps());
                if (s != null) strokes.add(s);
            }
            if (strokes.isEmpty()) continue;
            List<double[]> anchors = f.anchors().stream().filter(p -> inside(p, window))
                    .map(p -> new double[] {window.toPictureX(p.x()), window.toPictureY(p.y())}).toList();
            VectorField guided = GuidedField.build(strokes, anchors, picture, nodes);
            field.add(guided);
            try (Mat support = guided.support(0.05)) {
                max(matte, support, matte);
            }
        }
        if (frozen != null) {
            field.scaleBy(frozen, true);
            try (Mat free = new Mat()) {
                frozen.convertTo(free, -1, -1.0, 1.0);
                org.bytedeco.opencv.global.opencv_core.multiply(matte, free, matte);
            }
        }
        if (field.maxSpeed() == 0) {
            matte.close();
            return null;
        }
        Mat plate = Mattes.cleanPlate(picture, matte);
        return new FlowStage(plate, field, matte, timing.frames());
    }

    /**
     * An arrow (photo fractions) on the picture: clipped to it, with the velocity its whole length
     * stands for (a tenth of the arrow per second at strength 1, in picture pixels per frame);
     * null when it lies off the picture.
     */
    static GuidedField.Stroke stroke(Arrow a, PhotoWindow w, FrameSize frame, double strengthPerFrame) {
        double x1 = w.toPictureX(a.x1()), y1 = w.toPictureY(a.y1()), x2 = w.toPictureX(a.x2()), y2 = w.toPictureY(a.y2());
        boolean startIn = x1 >= 0 && x1 <= 1 && y1 >= 0 && y1 <= 1;
        boolean endIn = x2 >= 0 && x2 <= 1 && y2 >= 0 && y2 <= 1;
        if (!startIn && !endIn) return null;
        double k = Arrow.LENGTHS_PER_SECOND * strengthPerFrame;
        return new GuidedField.Stroke(clamp(x1), clamp(y1), clamp(x2), clamp(y2),
                (x2 - x1) * frame.width() * k, (y2 - y1) * frame.height() * k);
    }

    private static boolean inside(Point p, PhotoWindow w) {
        double x = w.toPictureX(p.x());
        double y = w.toPictureY(p.y());
        return x >= 0 && x <= 1 && y >= 0 && y <= 1;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** Ripple, sway and parallax layers as one periodic displacement; null when there are none. */
    private Waves waves(Mat canvas, Mat picture, PhotoWindow window, FrameSize frame, Rect inCanvas, LoopTiming timing, Mat frozen) {
        Waves waves = new Waves(frame);
        try {
            for (Layer l : recipe.layers()) {
                if (l instanceof Layer.Parallax p) {
                    waves.parallax(p, canvas, inCanvas);
                } else if (l instanceof Layer.Sway || l instanceof Layer.Ripple) {
                    try (Mat weight = Areas.raster(l.area(), window, frame)) {
                        if (weight == null || Areas.isEmpty(weight)) continue;
                        if (!l.area().isWhole()) Mattes.refine(weight, picture);
                        if (l instanceof Layer.Sway s) waves.sway(s, weight, timing.seconds());
                        else waves.ripple((Layer.Ripple) l, weight, timing.seconds(), recipe.seed());
                    }
                }
            }
            if (waves.isEmpty()) {
                waves.close();
                return null;
            }
            if (frozen != null) {
                try (Mat free = new Mat()) {
                    frozen.convertTo(free, -1, -1.0, 1.0);
                    waves.scaleBy(free);
                }
            }
            waves.settle(0.1);
            return waves;
        } catch (RuntimeException e) {
            waves.close();
            throw e;
        }
    }

    private Glow glow(Mat picture, PhotoWindow window, FrameSize frame, LoopTiming timing, Mat frozen) {
        Glow glow = null;
        for (Layer l : recipe.layers()) {
            if (!(l instanceof Layer.Glow g)) continue;
            try (Mat weight = Areas.raster(g.area(), window, frame)) {
                if (weight == null || Areas.isEmpty(weight)) continue;
                if (!g.area().isWhole()) Mattes.refine(weight, picture);
                if (frozen != null) {
                    try (Mat free = new Mat()) {
                        frozen.convertTo(free, -1, -1.0, 1.0);
                        org.bytedeco.opencv.global.opencv_core.multiply(weight, free, weight);
                    }
                }
                if (glow == null) glow = new Glow(frame, timing, new Random(recipe.seed() * 131 + 3));
                glow.add(weight, g.strength());
            }
        }
        return glow;
    }

    @Override
    public String describe() {
        List<String> parts = new ArrayList<>();
        recipe.layers().forEach(l -> parts.add(l.describe()));
        if (!recipe.freeze().isEmpty()) parts.add("holding " + recipe.freeze().describe() + " still");
        return String.join("; ", parts);
    }
}
