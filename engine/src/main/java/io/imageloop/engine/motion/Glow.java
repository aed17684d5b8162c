package io.imageloop.engine.motion;

import io.imageloop.engine.frame.FrameSize;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_core.scaleAdd;

/**
 * Lights that breathe: brightness in an area rises and falls by a few percent, each spot in its
 * own phase (smooth noise), with whole cycles per loop. Nothing moves, so it suits what has no
 * texture to move (a clear sky, a lamp, the lights of a city at night).
 */
final class Glow implements AutoCloseable {

    /** Brightness swing at strength 1: ±6%. */
    static final double SWING = 0.06;

    private final FrameSize size;
    private final LoopTiming timing;
    private final Random random;
    private final List<Mat[]> terms = new ArrayList<>(); // {cos, sin} per cycle count index
    private final List<Integer> cycles = new ArrayList<>();
    private final Mat gain = new Mat();
    private final Mat gain3 = new Mat();
    private final Mat work = new Mat();
    private int top = Integer.MAX_VALUE;
    private int bottom = 0;

    Glow(FrameSize size, LoopTiming timing, Random random) {
        this.size = size;
        this.timing = timing;
        this.random = random;
    }

    /** Adds a glowing area: weights (CV_32FC1, frame size) times the swing for this strength. */
    void add(Mat weights, double strength) {
        int[] rows = Areas.rows(weights);
        top = Math.min(top, rows[0]);
        bottom = Math.max(bottom, rows[1]);
        int base = (int) Math.max(1, Math.round(timing.seconds() / 3.0));
        for (int k = 0; k < 2; k++) {
            Mat phase = Waves.noise(size, 6 + 4 * k, random);
            Mat c = new Mat();
            Mat s = new Mat();
            // amplitude · cos(φ(x)), amplitude · sin(φ(x)) with φ = π·noise: spots out of step.
            try (Mat angle = new Mat(); Mat cosM = new Mat(); Mat sinM = new Mat()) {
                phase.convertTo(angle, CV_32FC1, Math.PI, 0);
                org.bytedeco.opencv.global.opencv_core.polarToCart(new Mat(), angle, cosM, sinM);
                double amp = SWING * Math.min(3, strength) * (k == 0 ? 1.0 : 0.5);
                multiply(cosM, weights, c, amp, -1);
                multiply(sinM, weights, s, amp, -1);
            }
            phase.close();
            terms.add(new Mat[] {c, s});
            cycles.add(k == 0 ? base : 2 * base + 1);
        }
    }

    /** Multiplies frame t's brightness in place (8-bit BGR, frame size). */
    void apply(int t, Mat dst) {
        if (bottom <= top) return;
        try (Rect band = new Rect(0, top, size.width(), bottom - top); Mat view = dst.apply(band)) {
            gain.create(bottom - top, size.width(), CV_32FC1);
            gain.put(Scalar.all(1));
            for (int k = 0; k < terms.size(); k++) {
                double omega = 2 * Math.PI * cycles.get(k) * t / timing.frames();
                try (Mat c = terms.get(k)[0].apply(band); Mat s = terms.get(k)[1].apply(band)) {
                    scaleAdd(c, Math.cos(omega), gain, gain);
                    scaleAdd(s, Math.sin(omega), gain, gain);
                }
            }
            try (MatVector three = new MatVector(gain, gain, gain)) {
                merge(three, gain3);
            }
            view.convertTo(work, CV_32FC3);
            multiply(work, gain3, work);
            work.convertTo(view, CV_8UC3);
        }
    }

    @Override
    public void close() {
        for (Mat[] t : terms) {
            t[0].close();
            t[1].close();
        }
        gain.close();
        gain3.close();
        work.close();
    }
}
