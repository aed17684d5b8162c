package io.imageloop.engine.motion;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.nio.FloatBuffer;
import java.util.concurrent.CompletableFuture;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT_101;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.blendLinear;
import static org.bytedeco.opencv.global.opencv_imgproc.remap;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Fluid motion from a static flow field, looped by symmetric blending (Holynski et al. 2021).
 *
 * <p>Displacements are integrated, not multiplied: each pixel is traced back along the field one
 * step per frame. Frame t blends the picture carried forward t steps with the picture carried
 * backward N - t steps, weighted (1 - t/N) and t/N. At t = 0 and t = N both terms are the picture
 * itself, so the loop closes exactly, and each direction covers the holes the other leaves.
 *
 * <p>A plain linear mix of two unaligned copies of a texture has less contrast than either, most
 * at 50/50, so the middle of the loop would look washed out. The mix is variance-preserving
 * (Heitz and Neyret 2018): its detail is rescaled so every frame keeps the picture's contrast.
 *
 * <p>What moves is warped from a clean plate (the still things painted over, see {@link Mattes})
 * and laid over the picture through a matte, so nothing still is ever dragged along. Tracing runs
 * on a coarse grid (the field is smooth); each frame upsamples two displacement maps and samples
 * the plate with them, in the rows that move only. Memory is bounded whatever the loop length.
 */
final class FlowStage implements AutoCloseable {

    /** Native memory the stored displacement maps may take, whatever the loop length. */
    static final long MAP_BUDGET_BYTES = 96L << 20;

    private final Mat plate;
    private final int n;
    private final Mat[] forward;
    private final Mat[] backward;
    private final Mat identity;
    private final Rect band;
    private final Mat matte;
    private final Mat rest;
    private final Mat map = new Mat();
    private final Mat ahead = new Mat();
    private final Mat behind = new Mat();
    private final Mat none = new Mat();
    private final Mat small = new Mat();
    private final Mat base = new Mat();
    private final Mat mix = new Mat();

    /**
     * @param plate the picture to warp (still things painted over); owned from here on
     * @param field the motion, in picture pixels per frame
     * @param matte how much of the warped plate shows, 0..1 (CV_32FC1, picture size); owned
     */
    FlowStage(Mat plate, VectorField field, Mat matte, int frames) {
        this.plate = plate;
        this.n = frames;
        CompletableFuture<Mat[]> ahead = CompletableFuture.supplyAsync(() -> trace(field, n, -1));
        this.backward = trace(field, n, +1);
        this.forward = ahead.join();
        int[] rows = Areas.rows(matte);
        this.band = new Rect(0, rows[0], plate.cols(), Math.max(0, rows[1] - rows[0]));
        this.matte = band.height() == 0 ? null : matte.apply(band).clone();
        this.rest = this.matte == null ? null : new Mat();
        if (this.matte != null) this.matte.convertTo(rest, -1, -1.0, 1.0);
        matte.close();
        this.identity = Grids.identity(plate.cols(), plate.rows());
    }

    /** Grid nodes for a loop of this length within the memory budget. */
    static int nodes(int frames) {
        return (int) Math.min(40_000, Math.max(2_000, MAP_BUDGET_BYTES / (2L * frames * 8)));
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
            Mat m = new Mat(rows, cols, CV_32FC2);
            ((FloatBuffer) m.createBuffer()).put(displacement);
            maps[k] = m;
        }
        return maps;
    }

    /** Lays frame t of the flow over {@code dst} (the picture, 8-bit BGR, picture size). */
    void render(int t, Mat dst) {
        if (matte == null) return;
        if (t == 0) {
            // Both copies are the plate itself; laid through the same matte as every other frame,
            // so the wrap is an ordinary step.
            try (Mat p = plate.apply(band)) {
                p.copyTo(mix);
            }
        } else {
            warp(forward[t], ahead);
            warp(backward[n - t], behind);
            double w = (double) t / n;
            addWeighted(ahead, 1 - w, behind, w, 0, mix);
            preserveContrast(mix, w);
        }
        try (Mat target = dst.apply(band)) {
            blendLinear(mix, target, matte, rest, target);
        }
    }

    /**
     * Scales the mix's detail (the mix minus its blurred self) by 1/sqrt(w² + (1−w)²), the
     * contrast a mix of two independent textures loses.
     */
    private void preserveContrast(Mat m, double w) {
        double gain = 1 / Math.sqrt(w * w + (1 - w) * (1 - w));
        if (gain < 1.001) return;
        // The low-pass: an area average at 1/8 size, scaled back up (about an 8 px blur).
        try (Size eighth = new Size(Math.max(1, m.cols() / 8), Math.max(1, m.rows() / 8)); Size full = new Size(m.cols(), m.rows())) {
            resize(m, small, eighth, 0, 0, INTER_AREA);
            resize(small, base, full, 0, 0, INTER_LINEAR);
        }
        addWeighted(m, gain, base, 1 - gain, 0, m);
    }

    /** Samples the plate along one displacement map, for the moving band only. */
    private void warp(Mat displacement, Mat out) {
        resize(displacement, map, identity.size(), 0, 0, INTER_LINEAR);
        try (Mat mapBand = map.apply(band); Mat identityBand = identity.apply(band); Scalar border = new Scalar()) {
            add(mapBand, identityBand, mapBand);
            remap(plate, out, mapBand, none, org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC, BORDER_REFLECT_101, border);
        }
    }

    @Override
    public void close() {
        for (Mat m : forward) if (m != null) m.close();
        for (Mat m : backward) if (m != null) m.close();
        for (Mat m : new Mat[] {plate, identity, map, ahead, behind, none, small, base, mix}) m.close();
        band.close();
        if (matte != null) {
            matte.close();
            rest.close();
        }
    }
}
