package io.imageloop.engine.motion;

import io.imageloop.engine.frame.FrameSize;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT_101;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.remap;

/**
 * Periodic sway anchored at one edge: grass and trees rooted at the bottom, hanging things at the
 * top, a flag on a pole at the left or right. The displacement is a travelling wave,
 * A * w(d) * sin(2π(c·t/N − ψ(x, y))), where d is the distance from the anchored edge and w
 * grows from 0 there. c whole cycles per loop make it periodic; ψ spans whole wavelengths
 * across the frame, so every frame moves by the same amount and the seam is no different
 * from any other step.
 *
 * <p>The canvas carries a margin larger than the amplitude, so samples never fall outside the
 * photo: no mirrored or smeared edge pixels.
 */
public final class SwayMotion implements Motion {

    /** Which edge holds still. */
    public enum Anchor { BOTTOM, TOP, LEFT, RIGHT }

    private final Anchor anchor;
    private final double strength;
    private final Freeze freeze;

    public SwayMotion(Direction direction, double strength) {
        this(direction, strength, Freeze.NONE);
    }

    public SwayMotion(Direction direction, double strength, Freeze freeze) {
        this.freeze = freeze;
        this.strength = Math.max(0.1, Math.min(3.0, strength));
        this.anchor = switch (direction.word()) {
            case "top", "down" -> Anchor.TOP;
            case "left" -> Anchor.LEFT;
            case "right" -> Anchor.RIGHT;
            default -> Anchor.BOTTOM;
        };
    }

    /** Amplitude at the free edge, as a fraction of the frame's larger side. */
    private double amplitudeFraction() {
        return 0.006 * strength;
    }

    @Override
    public double canvasScale() {
        return 1 + 2.5 * amplitudeFraction();
    }

    @Override
    public Animation animate(Mat canvas, FrameSize frame, LoopTiming timing) {
        int w = frame.width();
        int h = frame.height();
        double offX = (canvas.cols() - w) / 2.0;
        double offY = (canvas.rows() - h) / 2.0;
        double k = (double) canvas.cols() / w;
        double amplitude = amplitudeFraction() * Math.max(w, h) * k;
        boolean horizontal = anchor == Anchor.BOTTOM || anchor == Anchor.TOP;
        // Two wavelengths across the free direction; a slight lag along the bend direction.
        Grids.FieldFunction psi = horizontal
                ? (x, y) -> 2 * Math.PI * (2.0 * x / w + 0.35 * y / h)
                : (x, y) -> 2 * Math.PI * (2.0 * y / h + 0.35 * x / w);
        Grids.FieldFunction weight = (x, y) -> {
            double d = switch (anchor) {
                case BOTTOM -> (h - 1 - y) / (double) (h - 1);
                case TOP -> y / (double) (h - 1);
                case LEFT -> x / (double) (w - 1);
                case RIGHT -> (w - 1 - x) / (double) (w - 1);
            };
            return Math.pow(Math.max(0, d), 1.5);
        };
        // The fields are smooth: evaluate them on a quarter-size grid and upsample.
        Mat cos = Grids.smoothField(w, h, 4, (x, y) -> amplitude * weight.at(x, y) * Math.cos(psi.at(x, y)));
        Mat sin = Grids.smoothField(w, h, 4, (x, y) -> amplitude * weight.at(x, y) * Math.sin(psi.at(x, y)));
        try (Mat frozen = freeze.alpha(frame)) {
            if (frozen != null) {
                // Zero amplitude where frozen: those pixels sample their own position, exactly.
                try (Mat free = new Mat()) {
                    frozen.convertTo(free, -1, -1.0, 1.0);
                    org.bytedeco.opencv.global.opencv_core.multiply(cos, free, cos);
                    org.bytedeco.opencv.global.opencv_core.multiply(sin, free, sin);
                }
            }
        }
        Mat baseX = Grids.field(w, h, (x, y) -> x + offX);
        Mat baseY = Grids.field(w, h, (x, y) -> y + offY);
        int cycles = (int) Math.max(1, Math.round(timing.seconds() / 2.0));
        return new SwayAnimation(canvas, timing, cycles, horizontal, cos, sin, baseX, baseY);
    }

    @Override
    public String describe() {
        return "sway anchored at the " + anchor.name().toLowerCase() + String.format(" (strength %.2f)", strength)
                + (freeze.isEmpty() ? "" : ", with frozen areas");
    }

    private static final class SwayAnimation implements Animation {
        private final Mat canvas;
        private final LoopTiming timing;
        private final int cycles;
        private final boolean horizontal;
        private final Mat cos;
        private final Mat sin;
        private final Mat baseX;
        private final Mat baseY;
        private final Mat moving = new Mat();

        SwayAnimation(Mat canvas, LoopTiming timing, int cycles, boolean horizontal, Mat cos, Mat sin, Mat baseX, Mat baseY) {
            this.canvas = canvas;
            this.timing = timing;
            this.cycles = cycles;
            this.horizontal = horizontal;
            this.cos = cos;
            this.sin = sin;
            this.baseX = baseX;
            this.baseY = baseY;
        }

        @Override
        public int frames() {
            return timing.frames();
        }

        @Override
        public void render(int t, Mat dst) {
            double omega = 2 * Math.PI * cycles * timing.phase(t);
            // displacement = A w sin(ωt − ψ) = sin ωt · (A w cos ψ) − cos ωt · (A w sin ψ);
            // content moves by +displacement, so each pixel samples at base − displacement.
            addWeighted(cos, -Math.sin(omega), sin, Math.cos(omega), 0, moving);
            add(moving, horizontal ? baseX : baseY, moving);
            Mat mapX = horizontal ? moving : baseX;
            Mat mapY = horizontal ? baseY : moving;
            remap(canvas, dst, mapX, mapY, INTER_LINEAR, BORDER_REFLECT_101, new Scalar());
        }

        @Override
        public void close() {
            cos.close();
            sin.close();
            baseX.close();
            baseY.close();
            moving.close();
        }
    }
}
