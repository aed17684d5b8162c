package io.imageloop.engine.plan;

import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.frame.FrameSize;
import io.imageloop.engine.frame.Fitting;
import io.imageloop.engine.frame.Framer;
import io.imageloop.engine.frame.Layout;
import io.imageloop.engine.motion.Animation;
import io.imageloop.engine.motion.LoopTiming;
import io.imageloop.engine.motion.Motion;
import io.imageloop.engine.motion.Motions;
import io.imageloop.engine.recipe.MotionRecipe;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.ByteBuffer;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

/**
 * How much of the picture a recipe will visibly move, predicted by rendering it: a dozen frames
 * spread over the loop, at the width the loop report measures (480 px), and the share of pixels
 * whose brightness varies by more than 2 grey levels across them. A drift over a clear sky
 * renders as nothing moving, and is seen to before anyone waits for an export.
 */
final class Visibility {

    /** Frames sampled across the loop: enough for a steady estimate of each pixel's variation. */
    static final int SAMPLES = 12;
    static final int WIDTH = 480;

    private Visibility() {
    }

    /** The size the prediction renders at for an aspect: 480 px wide, like the decoded meter. */
    static FrameSize size(Aspect aspect) {
        FrameSize unit = aspect.size(1080);
        int h = (int) Math.round((double) WIDTH * unit.height() / unit.width());
        return new FrameSize(WIDTH, h + (h & 1));
    }

    /** The share (0..1) of the framed picture whose pixels visibly change over the loop. */
    static double share(MotionRecipe recipe, Mat photo, Aspect aspect, double seconds) {
        FrameSize size = size(aspect);
        Motion motion = Motions.of(recipe);
        LoopTiming timing = LoopTiming.of(seconds, 30);
        try (Layout layout = Framer.frame(photo, size, Fitting.COVER, motion.canvasScale());
             Animation animation = motion.animate(layout.canvas(), layout.window(), layout.regionSize(), timing);
             Mat frame = new Mat(); Mat grey = new Mat()) {
            int n = size.width() * size.height();
            double[] sum = new double[n];
            double[] sq = new double[n];
            byte[] px = new byte[n];
            for (int k = 0; k < SAMPLES; k++) {
                animation.render((int) ((long) k * timing.frames() / SAMPLES), frame);
                cvtColor(frame, grey, COLOR_BGR2GRAY);
                ((ByteBuffer) grey.createBuffer()).get(px);
                for (int i = 0; i < n; i++) {
                    int v = px[i] & 0xFF;
                    sum[i] += v;
                    sq[i] += v * v;
                }
            }
            int moving = 0;
            for (int i = 0; i < n; i++) {
                double mean = sum[i] / SAMPLES;
                if (sq[i] / SAMPLES - mean * mean > 4.0) moving++;
            }
            return (double) moving / n;
        }
    }
}
