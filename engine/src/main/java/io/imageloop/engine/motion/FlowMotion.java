package io.imageloop.engine.motion;

import io.imageloop.engine.frame.FrameSize;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

import java.nio.FloatBuffer;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT_101;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.blendLinear;
import static org.bytedeco.opencv.global.opencv_imgproc.remap;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Fluid motion from a static flow field, looped by symmetric blending (Holynski et al. 2021).
 *
 * <p>Displacements are integrated, not multiplied: each pixel is traced back along the field one
 * step per frame. Frame t blends the photo carried forward t steps with the photo carried
 * backward N - t steps, weighted (1 - t/N) and t/N. At t = 0 and t = N both terms are the photo
 * itself, so the loop closes exactly, and each direction covers the holes the other leaves.
 *
 * <p>A plain linear mix of two unaligned copies of a texture has less contrast than either, most
 * at 50/50: the middle of the loop looks washed out, and its steps are smaller than those near the
 * seam (the seam then measures about 1.2x the median step on textured photos). The mix is therefore
 * variance-preserving (Heitz and Neyret 2018): its detail is rescaled so every frame keeps the
 * photo's contrast, and the seam measures as a typical step.
 *
 * <p>Tracing runs on a coarse grid (the field is smooth); each frame upsamples two displacement
 * maps and samples the canvas with them. Memory is bounded: the grid shrinks as loops get longer.
 */
public final class FlowMotion implements Motion {

    /** Native memory the stored displacement maps may take, whatever the loop length. */
    static final long MAP_BUDGET_BYTES = 96L << 20;

    private final FieldSource source;
    private final Freeze freeze;

    public FlowMotion(FieldSource source) {
        this(source, Freeze.NONE);
    }

    public FlowMotion(FieldSource source, Freeze freeze) {
        this.source = source;
        this.freeze = freeze;
    }

    public FieldSource source() {
        return source;
    }

    @Override
    public Animation animate(Mat canvas, FrameSize frame, LoopTiming timing) {
        FrameSize size = new FrameSize(canvas.cols(), canvas.rows());
        int n = timing.frames();
        int nodes = (int) Math.min(40_000, Math.max(2_000, MAP_BUDGET_BYTES / (2L * n * 8)));
        VectorField field = source.build(canvas, nodes, timing);
        Mat frozen = freeze.alpha(size);
        if (frozen != null) field.scaleBy(frozen, true);
        // The two directions are independent: trace them on two cores.
        java.util.concurrent.CompletableFuture<Mat[]> ahead = java.util.concurrent.CompletableFuture.supplyAsync(() -> trace(field, n, -1));
        Mat[] backward = trace(field, n, +1);
        Mat[] forward = ahead.join();
        return new FlowAnimation(canvas, n, forward, backward, movingRows(field), frozen);
    }

    /**
     * The canvas rows that can move: a trace that starts where the field is zero never leaves its
     * node, so only rows near nodes with velocity get a displacement. Everything else is copied,
     * which for a sky or water band saves most of the per-frame work.
     */
    static int[] movingRows(VectorField field) {
        int first = -1;
        int last = -1;
        for (int j = 0; j < field.rows(); j++) {
            for (int i = 0; i < field.cols(); i++) {
                if (field.vx(i, j) != 0 || field.vy(i, j) != 0) {
                    if (first < 0) first = j;
                    last = j;
                    break;
                }
            }
        }
        int height = field.canvas().height();
        if (first < 0) return new int[] {0, 0};
        // Linear upsampling spreads a node's displacement up to one cell either side.
        int top = (int) Math.max(0, Math.floor(field.nodeY(first) - field.cellHeight()) - 1);
        int bottom = (int) Math.min(height, Math.ceil(field.nodeY(last) + field.cellHeight()) + 2);
        return new int[] {top, bottom};
    }

    /**
     * Integrates the field from every grid node: P_0 = node, P_{k+1} = P_k + sign * v(P_k).
     * With sign -1 this finds where the content shown at a node after k frames came from.
     * Returns displacement maps D_k = P_k - node for k in [1, n), index 0 unused.
     */
    static Mat[] trace(VectorField field, int n, int sign) {
        int cols = field.cols();
        int rows = field.rows();
        double[] px = new double[cols * rows];
        double[] py = new double[cols * rows];
        for (int j = 0; j < rows; j++) {
            for (int i = 0; i < cols; i++) {
                px[j * cols + i] = field.nodeX(i);
                py[j * cols + i] = field.nodeY(j);
            }
        }
        double[] v = new double[2];
        float[] displacement = new float[cols * rows * 2];
        Mat[] maps = new Mat[n];
        for (int k = 1; k < n; k++) {
            for (int j = 0; j < rows; j++) {
                for (int i = 0; i < cols; i++) {
                    int p = j * cols + i;
                    field.sample(px[p], py[p], v);
                    px[p] += sign * v[0];
                    py[p] += sign * v[1];
                    displacement[2 * p] = (float) (px[p] - field.nodeX(i));
                    displacement[2 * p + 1] = (float) (py[p] - field.nodeY(j));
                }
            }
            Mat map = new Mat(rows, cols, CV_32FC2);
            ((FloatBuffer) map.createBuffer()).put(displacement);
            maps[k] = map;
        }
        return maps;
    }

    @Override
    public String describe() {
        return "flow (" + source.describe() + (freeze.isEmpty() ? "" : ", with frozen areas") + ")";
    }

    /** Per-frame work: two upsampled maps, two remaps, one weighted blend. */
    private static final class FlowAnimation implements Animation {
        private final Mat canvas;
        private final int n;
        private final Mat[] forward;
        private final Mat[] backward;
        private final Mat identity;
        private final Mat map = new Mat();
        private final Mat ahead = new Mat();
        private final Mat behind = new Mat();
        private final Mat none = new Mat();
        private final Rect band;
        private final Mat frozen;
        private final Mat free;

        FlowAnimation(Mat canvas, int n, Mat[] forward, Mat[] backward, int[] rows, Mat frozen) {
            this.band = new Rect(0, rows[0], canvas.cols(), Math.max(0, rows[1] - rows[0]));
            this.frozen = frozen == null ? null : frozen.apply(band).clone();
            this.free = this.frozen == null ? null : new Mat();
            if (this.frozen != null) {
                this.frozen.convertTo(this.free, -1, -1.0, 1.0);
                frozen.close();
            }
            this.canvas = canvas;
            this.n = n;
            this.forward = forward;
            this.backward = backward;
            this.identity = Grids.identity(canvas.cols(), canvas.rows());
        }

        @Override
        public int frames() {
            return n;
        }

        @Override
        public void render(int t, Mat dst) {
            if (t == 0) {
                canvas.copyTo(dst);
                return;
            }
            canvas.copyTo(dst);
            if (band.height() == 0) return;
            warp(forward[t], ahead);
            warp(backward[n - t], behind);
            double w = (double) t / n;
            try (Mat target = dst.apply(band)) {
                addWeighted(ahead, 1 - w, behind, w, 0, target);
                preserveContrast(target, w);
                if (frozen != null) {
                    // Frozen pixels are the canvas itself; the feathered edge mixes the two.
                    try (Mat still = canvas.apply(band)) {
                        blendLinear(still, target, frozen, free, target);
                    }
                }
            }
        }

        private final Mat small = new Mat();
        private final Mat base = new Mat();

        /**
         * Scales the mix's detail (the mix minus its blurred self) by 1/sqrt(w² + (1−w)²), the
         * contrast a mix of two independent textures loses.
         */
        private void preserveContrast(Mat mix, double w) {
            double gain = 1 / Math.sqrt(w * w + (1 - w) * (1 - w));
            if (gain < 1.001) return;
            // The low-pass: an area average at 1/8 size, scaled back up (about an 8 px blur).
            try (org.bytedeco.opencv.opencv_core.Size eighth = new org.bytedeco.opencv.opencv_core.Size(
                    Math.max(1, mix.cols() / 8), Math.max(1, mix.rows() / 8));
                 org.bytedeco.opencv.opencv_core.Size full = new org.bytedeco.opencv.opencv_core.Size(mix.cols(), mix.rows())) {
                resize(mix, small, eighth, 0, 0, org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA);
                resize(small, base, full, 0, 0, INTER_LINEAR);
            }
            addWeighted(mix, gain, base, 1 - gain, 0, mix);
        }

        /** Samples the canvas along one displacement map, for the moving band only. */
        private void warp(Mat displacement, Mat out) {
            resize(displacement, map, identity.size(), 0, 0, INTER_LINEAR);
            try (Mat mapBand = map.apply(band); Mat identityBand = identity.apply(band)) {
                add(mapBand, identityBand, mapBand);
                remap(canvas, out, mapBand, none, INTER_LINEAR, BORDER_REFLECT_101, new org.bytedeco.opencv.opencv_core.Scalar());
            }
        }

        @Override
        public void close() {
            for (Mat m : forward) if (m != null) m.close();
            for (Mat m : backward) if (m != null) m.close();
            identity.close();
            map.close();
            ahead.close();
            behind.close();
            none.close();
            small.close();
            base.close();
            band.close();
            if (frozen != null) {
                frozen.close();
                free.close();
            }
        }
    }
}
