package io.imageloop.engine.motion;

import io.imageloop.engine.frame.FrameSize;

/**
 * A static (Eulerian) motion field: velocity in canvas pixels per frame, stored on a coarse grid.
 * Grid node (i, j) sits at canvas position ((i + 0.5) * cellW - 0.5, (j + 0.5) * cellH - 0.5),
 * the same convention OpenCV's resize uses, so upsampled fields line up with the canvas.
 */
public final class VectorField {

    private final FrameSize canvas;
    private final int cols;
    private final int rows;
    private final float[] vx;
    private final float[] vy;

    public VectorField(FrameSize canvas, int cols, int rows) {
        this.canvas = canvas;
        this.cols = cols;
        this.rows = rows;
        this.vx = new float[cols * rows];
        this.vy = new float[cols * rows];
    }

    /** A grid of about {@code nodes} nodes with square cells. */
    public static VectorField forCanvas(FrameSize canvas, int nodes) {
        double cell = Math.sqrt((double) canvas.width() * canvas.height() / Math.max(64, nodes));
        int cols = Math.max(8, (int) Math.ceil(canvas.width() / cell));
        int rows = Math.max(8, (int) Math.ceil(canvas.height() / cell));
        return new VectorField(canvas, cols, rows);
    }

    public FrameSize canvas() {
        return canvas;
    }

    public int cols() {
        return cols;
    }

    public int rows() {
        return rows;
    }

    public double cellWidth() {
        return (double) canvas.width() / cols;
    }

    public double cellHeight() {
        return (double) canvas.height() / rows;
    }

    /** Canvas x of grid column i. */
    public double nodeX(int i) {
        return (i + 0.5) * cellWidth() - 0.5;
    }

    /** Canvas y of grid row j. */
    public double nodeY(int j) {
        return (j + 0.5) * cellHeight() - 0.5;
    }

    public void set(int i, int j, double x, double y) {
        vx[j * cols + i] = (float) x;
        vy[j * cols + i] = (float) y;
    }

    public float vx(int i, int j) {
        return vx[j * cols + i];
    }

    public float vy(int i, int j) {
        return vy[j * cols + i];
    }

    /**
     * Multiplies every node's velocity by a weight map sampled at the node (CV_32FC1 at canvas
     * size); with {@code inverted}, by 1 − weight (a freeze mask stops motion where it is 1).
     */
    public void scaleBy(org.bytedeco.opencv.opencv_core.Mat weights, boolean inverted) {
        float[] w = atNodes(weights);
        for (int k = 0; k < w.length; k++) {
            double f = inverted ? 1 - w[k] : w[k];
            vx[k] *= (float) f;
            vy[k] *= (float) f;
        }
    }

    /** A weight map (CV_32FC1, canvas size) sampled at every node, nearest pixel. */
    private float[] atNodes(org.bytedeco.opencv.opencv_core.Mat weights) {
        java.nio.FloatBuffer w = weights.createBuffer();
        int stride = (int) (weights.step() / 4);
        float[] out = new float[cols * rows];
        for (int j = 0; j < rows; j++) {
            int y = (int) Math.max(0, Math.min(canvas.height() - 1, Math.round(nodeY(j))));
            for (int i = 0; i < cols; i++) {
                int x = (int) Math.max(0, Math.min(canvas.width() - 1, Math.round(nodeX(i))));
                out[j * cols + i] = w.get(y * stride + x);
            }
        }
        return out;
    }

    /** Adds a uniform velocity (dx, dy) weighted per node by a weight map (CV_32FC1, canvas size). */
    public void addScaled(org.bytedeco.opencv.opencv_core.Mat weights, double dx, double dy) {
        float[] w = atNodes(weights);
        for (int k = 0; k < w.length; k++) {
            vx[k] += (float) (dx * w[k]);
            vy[k] += (float) (dy * w[k]);
        }
    }

    /** Adds another field on the same grid. */
    public void add(VectorField other) {
        if (other.cols != cols || other.rows != rows) throw new IllegalArgumentException("fields on different grids");
        for (int k = 0; k < vx.length; k++) {
            vx[k] += other.vx[k];
            vy[k] += other.vy[k];
        }
    }

    /**
     * Where this field moves content: per canvas pixel, the speed relative to a fraction of the
     * largest speed, as a soft weight 0..1 (CV_32FC1, canvas size).
     */
    public org.bytedeco.opencv.opencv_core.Mat support(double fraction) {
        double limit = Math.max(1e-9, maxSpeed() * fraction);
        float[] s = new float[cols * rows];
        for (int k = 0; k < s.length; k++) s[k] = (float) Math.min(1, Math.hypot(vx[k], vy[k]) / limit);
        try (org.bytedeco.opencv.opencv_core.Mat coarse = new org.bytedeco.opencv.opencv_core.Mat(rows, cols,
                org.bytedeco.opencv.global.opencv_core.CV_32FC1);
             org.bytedeco.opencv.opencv_core.Size size = new org.bytedeco.opencv.opencv_core.Size(canvas.width(), canvas.height())) {
            ((java.nio.FloatBuffer) coarse.createBuffer()).put(s);
            org.bytedeco.opencv.opencv_core.Mat out = new org.bytedeco.opencv.opencv_core.Mat();
            org.bytedeco.opencv.global.opencv_imgproc.resize(coarse, out, size, 0, 0, org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR);
            return out;
        }
    }

    /** Largest speed anywhere, in pixels per frame. */
    public double maxSpeed() {
        double max = 0;
        for (int k = 0; k < vx.length; k++) max = Math.max(max, Math.hypot(vx[k], vy[k]));
        return max;
    }

    /**
     * Bilinear sample at a canvas position, clamped to the grid (velocity continues past the
     * edge). Writes (vx, vy) into out[0], out[1].
     */
    public void sample(double x, double y, double[] out) {
        double u = clamp((x + 0.5) / cellWidth() - 0.5, cols - 1);
        double v = clamp((y + 0.5) / cellHeight() - 0.5, rows - 1);
        int i0 = (int) u;
        int j0 = (int) v;
        int i1 = Math.min(i0 + 1, cols - 1);
        int j1 = Math.min(j0 + 1, rows - 1);
        double fu = u - i0;
        double fv = v - j0;
        int a = j0 * cols + i0, b = j0 * cols + i1, c = j1 * cols + i0, d = j1 * cols + i1;
        double top = vx[a] + (vx[b] - vx[a]) * fu;
        double bottom = vx[c] + (vx[d] - vx[c]) * fu;
        out[0] = top + (bottom - top) * fv;
        top = vy[a] + (vy[b] - vy[a]) * fu;
        bottom = vy[c] + (vy[d] - vy[c]) * fu;
        out[1] = top + (bottom - top) * fv;
    }

    private static double clamp(double v, int max) {
        return v < 0 ? 0 : Math.min(v, max);
    }
}
