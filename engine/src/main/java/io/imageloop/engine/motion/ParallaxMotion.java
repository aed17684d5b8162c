package io.imageloop.engine.motion;

import io.imageloop.engine.frame.FrameSize;
import io.imageloop.engine.motion.depth.DepthSource;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.util.Optional;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT_101;
import static org.bytedeco.opencv.global.opencv_core.scaleAdd;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.remap;

/**
 * A 2.5D camera loop: the camera circles on a small ellipse in front of a depth-layered photo,
 * so near things shift against far ones. Pixels nearer than the focal plane (the median depth)
 * move with the camera's offset, farther ones against it, in proportion to their distance from
 * that plane. The ellipse is closed and traversed at constant speed, so the loop is seamless by
 * construction and every step is alike. Depth is blurred before use: a smooth depth bends the
 * picture gently, where a sharp one would tear it at object edges.
 */
public final class ParallaxMotion implements Motion {

    private final DepthSource depth;
    private final double strength;

    public ParallaxMotion(DepthSource depth, double strength) {
        this.depth = depth;
        this.strength = Math.max(0.1, Math.min(3.0, strength));
    }

    /** The camera offset's semi-major axis, as a fraction of the frame width. */
    private double amplitude() {
        return 0.012 * strength;
    }

    @Override
    public double canvasScale() {
        return 1 + 2.2 * amplitude();
    }

    @Override
    public Animation animate(Mat canvas, FrameSize frame, LoopTiming timing) {
        int w = frame.width();
        int h = frame.height();
        int offX = (canvas.cols() - w) / 2;
        int offY = (canvas.rows() - h) / 2;
        Mat k;
        try (Mat near = depth.nearness(canvas); Size blur = new Size(0, 0)) {
            GaussianBlur(near, near, blur, Math.max(1.0, 0.01 * canvas.cols()));
            double focal = median(near);
            try (Rect crop = new Rect(offX, offY, w, h); Mat view = near.apply(crop)) {
                k = new Mat();
                view.convertTo(k, -1, 2.0, -2.0 * focal); // k = 2 (d − focal): −1..1 around the focal plane
            }
        }
        double ampX = amplitude() * canvas.cols();
        Mat baseX = Grids.field(w, h, (x, y) -> x + offX);
        Mat baseY = Grids.field(w, h, (x, y) -> y + offY);
        return new ParallaxAnimation(canvas, timing, k, baseX, baseY, ampX, ampX * 0.5);
    }

    private static double median(Mat map) {
        FloatIndexer idx = map.createIndexer();
        int n = (int) Math.min(20_000, map.total());
        float[] sample = new float[n];
        long step = Math.max(1, map.total() / n);
        for (int i = 0; i < n; i++) {
            long p = i * step;
            sample[i] = idx.get(p / map.cols(), p % map.cols());
        }
        idx.close();
        java.util.Arrays.sort(sample);
        return sample[n / 2];
    }

    @Override
    public String describe() {
        return "parallax (" + depth.describe() + String.format(", strength %.2f)", strength);
    }

    private static final class ParallaxAnimation implements Animation {
        private final Mat canvas;
        private final LoopTiming timing;
        private final Mat k;
        private final Mat baseX;
        private final Mat baseY;
        private final double ampX;
        private final double ampY;
        private final Mat mapX = new Mat();
        private final Mat mapY = new Mat();

        ParallaxAnimation(Mat canvas, LoopTiming timing, Mat k, Mat baseX, Mat baseY, double ampX, double ampY) {
            this.canvas = canvas;
            this.timing = timing;
            this.k = k;
            this.baseX = baseX;
            this.baseY = baseY;
            this.ampX = ampX;
            this.ampY = ampY;
        }

        @Override
        public int frames() {
            return timing.frames();
        }

        @Override
        public void render(int t, Mat dst) {
            double theta = 2 * Math.PI * timing.phase(t);
            // A pixel at nearness offset k shows the canvas shifted by −k·c: near content follows the camera.
            scaleAdd(k, -ampX * Math.cos(theta), baseX, mapX);
            scaleAdd(k, -ampY * Math.sin(theta), baseY, mapY);
            remap(canvas, dst, mapX, mapY, INTER_LINEAR, BORDER_REFLECT_101, new Scalar());
        }

        @Override
        public Optional<CameraPath> cameraPath() {
            int n = timing.frames();
            double[] x = new double[n];
            double[] y = new double[n];
            double[] z = new double[n];
            for (int t = 0; t < n; t++) {
                double theta = 2 * Math.PI * timing.phase(t);
                x[t] = ampX * Math.cos(theta);
                y[t] = ampY * Math.sin(theta);
                z[t] = 1;
            }
            return Optional.of(new CameraPath(x, y, z));
        }

        @Override
        public void close() {
            k.close();
            baseX.close();
            baseY.close();
            mapX.close();
            mapY.close();
        }
    }
}
