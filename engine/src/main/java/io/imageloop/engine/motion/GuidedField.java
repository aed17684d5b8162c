package io.imageloop.engine.motion;

import io.imageloop.engine.frame.FrameSize;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import java.nio.FloatBuffer;
import java.util.List;


import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2Lab;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * A flow field drawn by the user: arrows set the velocity along their strokes, anchors pin their
 * neighbourhood to zero, and everything in between is filled by edge-aware screened diffusion on
 * a coarse grid. Neighbouring cells share velocity in proportion to how alike their colours are
 * (Lab distance), so motion spreads through water or sky but not across the shoreline into the
 * boats; the screening term lets motion fade out at about a quarter of the frame from the arrows
 * instead of filling the whole photo.
 */
final class GuidedField {

    /** Diffusion grid width; the field is smooth, the mattes handle sharp edges. */
    static final int GRID_WIDTH = 112;
    /** How far motion reaches from the arrows, as a fraction of the grid's larger side. */
    static final double REACH = 0.22;
    /** Lab distance at which neighbours stop sharing motion. */
    static final double COLOUR_SIGMA = 9.0;
    static final int SWEEPS = 700;

    /** An arrow on the picture: its ends in picture fractions, its velocity in picture pixels per frame. */
    record Stroke(double x1, double y1, double x2, double y2, double vx, double vy) {
    }

    private GuidedField() {
    }

    /** The flow the strokes draw, anchors (picture fractions) pinned still, on a grid of about {@code nodes}. */
    static VectorField build(List<Stroke> strokes, List<double[]> anchors, Mat canvas, int nodes) {
        int cols = GRID_WIDTH;
        int rows = Math.max(8, (int) Math.round((double) GRID_WIDTH * canvas.rows() / canvas.cols()));
        float[] lab = labGrid(canvas, cols, rows);
        double[] vx = new double[cols * rows];
        double[] vy = new double[cols * rows];
        boolean[] fixed = new boolean[cols * rows];
        for (Stroke arrow : strokes) {
            double len = Math.hypot((arrow.x2() - arrow.x1()) * cols, (arrow.y2() - arrow.y1()) * rows);
            int steps = Math.max(2, (int) Math.ceil(len * 2));
            for (int s = 0; s <= steps; s++) {
                double f = (double) s / steps;
                int i = clamp((int) ((arrow.x1() + (arrow.x2() - arrow.x1()) * f) * cols), cols);
                int j = clamp((int) ((arrow.y1() + (arrow.y2() - arrow.y1()) * f) * rows), rows);
                fixed[j * cols + i] = true;
                vx[j * cols + i] = arrow.vx();
                vy[j * cols + i] = arrow.vy();
            }
        }
        for (double[] anchor : anchors) {
            int ci = clamp((int) (anchor[0] * cols), cols);
            int cj = clamp((int) (anchor[1] * rows), rows);
            for (int j = Math.max(0, cj - 2); j <= Math.min(rows - 1, cj + 2); j++) {
                for (int i = Math.max(0, ci - 2); i <= Math.min(cols - 1, ci + 2); i++) {
                    if (Math.hypot(i - ci, j - cj) <= 2.0) {
                        fixed[j * cols + i] = true;
                        vx[j * cols + i] = 0;
                        vy[j * cols + i] = 0;
                    }
                }
            }
        }
        diffuse(lab, cols, rows, fixed, vx, vy);
        return resample(new FrameSize(canvas.cols(), canvas.rows()), nodes, cols, rows, vx, vy);
    }

    /** Gauss-Seidel with over-relaxation on the screened, colour-weighted Laplacian. */
    static void diffuse(float[] lab, int cols, int rows, boolean[] fixed, double[] vx, double[] vy) {
        double reach = REACH * Math.max(cols, rows);
        double screen = 1.0 / (reach * reach);
        double[] wRight = new double[cols * rows];
        double[] wDown = new double[cols * rows];
        for (int j = 0; j < rows; j++) {
            for (int i = 0; i < cols; i++) {
                int k = j * cols + i;
                if (i + 1 < cols) wRight[k] = affinity(lab, k, k + 1);
                if (j + 1 < rows) wDown[k] = affinity(lab, k, k + cols);
            }
        }
        double omega = 1.85;
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            for (int j = 0; j < rows; j++) {
                for (int i = 0; i < cols; i++) {
                    int k = j * cols + i;
                    if (fixed[k]) continue;
                    double sw = screen;
                    double sx = 0;
                    double sy = 0;
                    if (i > 0) { double w = wRight[k - 1]; sw += w; sx += w * vx[k - 1]; sy += w * vy[k - 1]; }
                    if (i + 1 < cols) { double w = wRight[k]; sw += w; sx += w * vx[k + 1]; sy += w * vy[k + 1]; }
                    if (j > 0) { double w = wDown[k - cols]; sw += w; sx += w * vx[k - cols]; sy += w * vy[k - cols]; }
                    if (j + 1 < rows) { double w = wDown[k]; sw += w; sx += w * vx[k + cols]; sy += w * vy[k + cols]; }
                    vx[k] += omega * (sx / sw - vx[k]);
                    vy[k] += omega * (sy / sw - vy[k]);
                }
            }
        }
    }

    private static double affinity(float[] lab, int a, int b) {
        double dl = lab[3 * a] - lab[3 * b];
        double da = lab[3 * a + 1] - lab[3 * b + 1];
        double db = lab[3 * a + 2] - lab[3 * b + 2];
        return Math.exp(-(dl * dl + da * da + db * db) / (2 * COLOUR_SIGMA * COLOUR_SIGMA));
    }

    /** The canvas shrunk to the grid, in CIE Lab (L 0..100), interleaved floats. */
    static float[] labGrid(Mat canvas, int cols, int rows) {
        try (Mat small = new Mat(); Mat smallF = new Mat(); Mat lab = new Mat(); Size size = new Size(cols, rows)) {
            resize(canvas, small, size, 0, 0, INTER_AREA);
            small.convertTo(smallF, CV_32FC3, 1 / 255.0, 0);
            cvtColor(smallF, lab, COLOR_BGR2Lab);
            float[] out = new float[cols * rows * 3];
            ((FloatBuffer) lab.createBuffer()).get(out);
            return out;
        }
    }

    /** Bilinear resampling of the diffusion grid onto the flow's own grid. */
    static VectorField resample(FrameSize canvas, int nodes, int cols, int rows, double[] vx, double[] vy) {
        VectorField field = VectorField.forCanvas(canvas, nodes);
        for (int j = 0; j < field.rows(); j++) {
            double v = Math.max(0, Math.min(rows - 1, (field.nodeY(j) + 0.5) / canvas.height() * rows - 0.5));
            int j0 = (int) v;
            int j1 = Math.min(rows - 1, j0 + 1);
            double fv = v - j0;
            for (int i = 0; i < field.cols(); i++) {
                double u = Math.max(0, Math.min(cols - 1, (field.nodeX(i) + 0.5) / canvas.width() * cols - 0.5));
                int i0 = (int) u;
                int i1 = Math.min(cols - 1, i0 + 1);
                double fu = u - i0;
                field.set(i, j, lerp2(vx, cols, i0, i1, j0, j1, fu, fv), lerp2(vy, cols, i0, i1, j0, j1, fu, fv));
            }
        }
        return field;
    }

    private static double lerp2(double[] a, int cols, int i0, int i1, int j0, int j1, double fu, double fv) {
        double top = a[j0 * cols + i0] * (1 - fu) + a[j0 * cols + i1] * fu;
        double bottom = a[j1 * cols + i0] * (1 - fu) + a[j1 * cols + i1] * fu;
        return top * (1 - fv) + bottom * fv;
    }

    private static int clamp(int v, int n) {
        return Math.max(0, Math.min(n - 1, v));
    }

}
