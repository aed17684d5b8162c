package io.imageloop.engine.motion;

import io.imageloop.engine.frame.FrameSize;
import io.imageloop.engine.recipe.Direction;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.Optional;


/**
 * A virtual camera on a closed path over a canvas larger than the frame: an eased zoom in and
 * back out, an orbit on an ellipse, or a swing along one axis. Every frame is sampled with a
 * sub-pixel affine transform and a bicubic filter; nothing is rounded to whole pixels, which is
 * what makes ffmpeg's zoompan step and shake.
 *
 * <p>Paths are trigonometric in the loop phase, so frame N equals frame 0. Zoom and swing start
 * at a turning point (zero velocity), so the seam falls where the camera is slowest.
 */
public final class CameraMotion implements Motion {

    /** The kinds of closed path. */
    public enum Path { ZOOM, ORBIT, SWING_HORIZONTAL, SWING_VERTICAL }

    private final Path path;
    private final double strength;
    private final double sign;

    public CameraMotion(io.imageloop.engine.recipe.CameraMove move) {
        this(move.move(), move.strength());
    }

    public CameraMotion(Direction direction, double strength) {
        this.strength = Math.max(0.1, Math.min(3.0, strength));
        this.path = switch (direction.word()) {
            case "orbit" -> Path.ORBIT;
            case "left", "right" -> Path.SWING_HORIZONTAL;
            case "up", "down" -> Path.SWING_VERTICAL;
            default -> Path.ZOOM;
        };
        this.sign = direction.word().equals("left") || direction.word().equals("up") ? -1 : 1;
    }

    /** Canvas oversize: 1.2x at strength 1; also the deepest zoom (sampling never goes above 1:1). */
    @Override
    public double canvasScale() {
        return 1 + 0.2 * strength;
    }

    @Override
    public Animation animate(Mat canvas, io.imageloop.engine.frame.PhotoWindow window, FrameSize frame, LoopTiming timing) {
        return animate(canvas, null, frame, timing, new FrameSize(canvas.cols(), canvas.rows()));
    }

    /**
     * A camera move over another motion: {@code inner} renders canvas-sized frames (the picture
     * already moving) and the camera samples its path over them. Both are periodic in the same
     * loop, so the combination is too.
     */
    Animation animateOver(Animation inner, FrameSize innerFrame, FrameSize frame, LoopTiming timing) {
        return animate(null, inner, frame, timing, innerFrame);
    }

    /** The closed path over a source of {@code source} size: a still canvas, or the frames of {@code inner}. */
    private Animation animate(Mat canvas, Animation inner, FrameSize frame, LoopTiming timing, FrameSize source) {
        int n = timing.frames();
        double k = (double) source.width() / frame.width();
        double[] cx = new double[n];
        double[] cy = new double[n];
        double[] scale = new double[n];
        for (int t = 0; t < n; t++) {
            double theta = 2 * Math.PI * timing.phase(t);
            double ease = (1 - Math.cos(theta)) / 2; // 0 at the seam, 1 half-way
            double s;
            double ox;
            double oy;
            switch (path) {
                case ZOOM -> {
                    s = k - (k - 1) * ease;
                    double room = roomX(source, frame, s);
                    ox = 0.35 * room * Math.sin(theta);
                    oy = 0.35 * roomY(source, frame, s) * Math.sin(theta) * 0.5;
                }
                case ORBIT -> {
                    s = (1 + k) / 2;
                    ox = 0.9 * roomX(source, frame, s) * Math.cos(theta) * sign;
                    oy = 0.9 * roomY(source, frame, s) * Math.sin(theta);
                }
                case SWING_HORIZONTAL -> {
                    s = (1 + k) / 2;
                    ox = 0.9 * roomX(source, frame, s) * Math.cos(theta) * -sign;
                    oy = 0;
                }
                default -> {
                    s = (1 + k) / 2;
                    ox = 0;
                    oy = 0.9 * roomY(source, frame, s) * Math.cos(theta) * -sign;
                }
            }
            scale[t] = s;
            cx[t] = source.width() / 2.0 + ox;
            cy[t] = source.height() / 2.0 + oy;
        }
        return new CameraAnimation(canvas, inner, frame, cx, cy, scale, k);
    }

    private static double roomX(FrameSize source, FrameSize frame, double s) {
        return Math.max(0, (source.width() - frame.width() * s) / 2);
    }

    private static double roomY(FrameSize source, FrameSize frame, double s) {
        return Math.max(0, (source.height() - frame.height() * s) / 2);
    }

    @Override
    public String describe() {
        return "camera " + path.name().toLowerCase().replace('_', ' ') + String.format(" (strength %.2f)", strength);
    }

    private static final class CameraAnimation implements Animation {
        private final Mat canvas;
        private final Animation inner;
        private final Mat moving = new Mat();
        private final FrameSize frame;
        private final double[] cx;
        private final double[] cy;
        private final double[] scale;
        private final double k;
        private final PlanarWarp warp;

        CameraAnimation(Mat canvas, Animation inner, FrameSize frame, double[] cx, double[] cy, double[] scale, double k) {
            this.canvas = canvas;
            this.inner = inner;
            this.warp = new PlanarWarp(frame);
            if (canvas != null) warp.load(canvas);
            this.frame = frame;
            this.cx = cx;
            this.cy = cy;
            this.scale = scale;
            this.k = k;
        }

        @Override
        public int frames() {
            return cx.length;
        }

        @Override
        public void render(int t, Mat dst) {
            double s = scale[t];
            // Output pixel centre (u + 0.5) maps to canvas position cx + (u + 0.5 - W/2) * s, minus the half-pixel.
            double tx = cx[t] - 0.5 + (0.5 - frame.width() / 2.0) * s;
            double ty = cy[t] - 0.5 + (0.5 - frame.height() / 2.0) * s;
            if (inner != null) {
                inner.render(t, moving);
                warp.load(moving);
            }
            warp.warp(s, tx, ty, dst);
        }

        @Override
        public Optional<CameraPath> cameraPath() {
            int n = cx.length;
            double[] x = new double[n];
            double[] y = new double[n];
            double[] z = new double[n];
            for (int t = 0; t < n; t++) {
                // In output pixels at the widest view, so figures compare across strengths.
                x[t] = cx[t] / k;
                y[t] = cy[t] / k;
                z[t] = k / scale[t];
            }
            return Optional.of(new CameraPath(x, y, z));
        }

        @Override
        public void close() {
            warp.close();
            moving.close();
            if (inner != null) inner.close();
        }
    }
}
