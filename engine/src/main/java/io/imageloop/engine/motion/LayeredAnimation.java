package io.imageloop.engine.motion;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT_101;
import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.blendLinear;
import static org.bytedeco.opencv.global.opencv_imgproc.remap;

/**
 * Frame t of a {@link LayeredMotion}: the picture, the flow laid over it, the periodic
 * displacement applied to that, the glow, and the frozen areas laid back on top. Each stage
 * touches only the rows it moves, and where none moves a pixel it is the picture's own.
 */
final class LayeredAnimation implements Animation {

    private final Mat canvas;
    private final Mat picture;
    private final Rect inCanvas;
    private final int n;
    private final FlowStage flow;
    private final Waves waves;
    private final Glow glow;
    private final Mat frozen;
    private final Mat free;
    private final int[] frozenRows;
    private final int[] waveRows;
    private final Mat baseX;
    private final Mat baseY;
    private final Mat dx = new Mat();
    private final Mat dy = new Mat();
    private final Mat mapX = new Mat();
    private final Mat mapY = new Mat();
    private final Mat moved = new Mat();
    private final Mat source = new Mat();

    LayeredAnimation(Mat canvas, Mat picture, Rect inCanvas, int frames, FlowStage flow, Waves waves, Glow glow, Mat frozen) {
        this.canvas = canvas;
        this.picture = picture;
        this.inCanvas = inCanvas;
        this.n = frames;
        this.flow = flow;
        this.waves = waves;
        this.glow = glow;
        this.frozen = frozen;
        this.free = frozen == null ? null : new Mat();
        if (frozen != null) frozen.convertTo(free, -1, -1.0, 1.0);
        this.frozenRows = frozen == null ? new int[] {0, 0} : Areas.rows(frozen);
        this.waveRows = waves == null ? new int[] {0, 0} : waveRows(waves);
        int w = picture.cols();
        int h = picture.rows();
        // Waves sample the canvas (it has a margin) unless a flow moved the picture first.
        int ox = flow == null ? inCanvas.x() : 0;
        int oy = flow == null ? inCanvas.y() : 0;
        this.baseX = waves == null ? null : Grids.field(w, h, (x, y) -> x + ox);
        this.baseY = waves == null ? null : Grids.field(w, h, (x, y) -> y + oy);
    }

    /** The rows any wave term displaces (its maps are zero elsewhere). */
    private static int[] waveRows(Waves waves) {
        int top = Integer.MAX_VALUE;
        int bottom = 0;
        for (Waves.Term t : waves.terms()) {
            for (Mat m : new Mat[] {t.cosX(), t.cosY(), t.sinX(), t.sinY()}) {
                if (m == null) continue;
                try (Mat square = new Mat()) {
                    org.bytedeco.opencv.global.opencv_core.multiply(m, m, square);
                    int[] r = Areas.rows(square);
                    if (r[1] > r[0]) {
                        top = Math.min(top, r[0]);
                        bottom = Math.max(bottom, r[1]);
                    }
                }
            }
        }
        return top >= bottom ? new int[] {0, 0} : new int[] {top, bottom};
    }

    @Override
    public int frames() {
        return n;
    }

    @Override
    public void render(int t, Mat dst) {
        picture.copyTo(dst);
        if (flow != null) flow.render(t, dst);
        if (waves != null && waveRows[1] > waveRows[0]) applyWaves(t, dst);
        if (glow != null) glow.apply(t, dst);
        if (frozen != null && frozenRows[1] > frozenRows[0] && t != 0) {
            try (Rect band = new Rect(0, frozenRows[0], dst.cols(), frozenRows[1] - frozenRows[0]);
                 Mat out = dst.apply(band); Mat still = picture.apply(band); Mat f = frozen.apply(band); Mat m = free.apply(band)) {
                blendLinear(still, out, f, m, out);
            }
        }
    }

    private void applyWaves(int t, Mat dst) {
        waves.displacement(t, n, dx, dy);
        int top = waveRows[0];
        int rows = waveRows[1] - top;
        try (Rect band = new Rect(0, top, dst.cols(), rows);
             Mat bx = baseX.apply(band); Mat by = baseY.apply(band); Mat ddx = dx.apply(band); Mat ddy = dy.apply(band);
             Scalar border = new Scalar()) {
            // Content moves by +displacement: each pixel reads from where it came from.
            subtract(bx, ddx, mapX);
            subtract(by, ddy, mapY);
            Mat from;
            if (flow == null) {
                from = canvas;
            } else {
                dst.copyTo(source);
                from = source;
            }
            remap(from, moved, mapX, mapY, INTER_LINEAR, BORDER_REFLECT_101, border);
            try (Mat out = dst.apply(band)) {
                moved.copyTo(out);
            }
        }
    }

    @Override
    public void close() {
        if (flow != null) flow.close();
        if (waves != null) waves.close();
        if (glow != null) glow.close();
        if (frozen != null) {
            frozen.close();
            free.close();
        }
        for (Mat m : new Mat[] {picture, dx, dy, mapX, mapY, moved, source}) m.close();
        if (baseX != null) {
            baseX.close();
            baseY.close();
        }
        inCanvas.close();
    }
}
