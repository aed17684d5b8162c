package io.imageloop.engine.composite.particles;

import io.imageloop.engine.recipe.Particles;
import io.imageloop.engine.frame.FrameSize;
import io.imageloop.engine.measure.SeamMeter;
import io.imageloop.engine.measure.SeamReport;
import io.imageloop.engine.motion.LoopTiming;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_core.minMaxLoc;

/** Every kind of particles, drawn over a plain frame. */
class ParticleOverlayTest {

    static final FrameSize SIZE = new FrameSize(428, 240);
    static final LoopTiming TIMING = LoopTiming.of(2, 30);
    static final int GRAY = 90;

    @ParameterizedTest
    @EnumSource(value = Particles.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void frameNEqualsFrameZeroAndTheMotionItselfCloses(Particles kind) {
        try (ParticleOverlay overlay = ParticleOverlay.of(kind, SIZE, TIMING, 7);
             Mat first = drawn(overlay, 0); Mat wrapped = drawn(overlay, TIMING.frames());
             Mat start = plain(); Mat end = plain()) {
            assertThat(maxDiff(first, wrapped)).as("frame N is frame 0").isZero();
            // without the modulo: the particles at phase 1 are where they were at phase 0
            overlay.drawAt(0.0, start);
            overlay.drawAt(1.0, end);
            assertThat(maxDiff(start, end)).as("phase 1 against phase 0").isLessThanOrEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Particles.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void particlesMoveAndTheWrapStepIsAnOrdinaryStep(Particles kind) {
        try (ParticleOverlay overlay = ParticleOverlay.of(kind, SIZE, TIMING, 7); SeamMeter meter = new SeamMeter()) {
            for (int t = 0; t < TIMING.frames(); t++) {
                try (Mat frame = drawn(overlay, t)) {
                    meter.add(frame);
                }
            }
            SeamReport seam = meter.report();
            assertThat(seam.moves()).as("frames change").isTrue();
            assertThat(seam.wrapStep()).as("wrap step within the ordinary steps").isLessThanOrEqualTo(seam.maxStep() * 1.01);
            assertThat(seam.seamRatio()).isBetween(0.5, 1.5);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Particles.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void overlayOnlyBrightensPixelsWhereParticlesAre(Particles kind) {
        try (ParticleOverlay overlay = ParticleOverlay.of(kind, SIZE, TIMING, 7); Mat frame = drawn(overlay, 11)) {
            int changed = 0;
            int darker = 0;
            try (UByteIndexer px = frame.createIndexer(); UByteIndexer light = overlay.light().createIndexer()) {
                for (int y = 0; y < SIZE.height(); y++) {
                    for (int x = 0; x < SIZE.width(); x++) {
                        boolean lit = light.get(y, x, 0) + light.get(y, x, 1) + light.get(y, x, 2) > 0;
                        for (int c = 0; c < 3; c++) {
                            int v = px.get(y, x, c);
                            if (!lit) assertThat(v).as("untouched where there is no particle").isEqualTo(GRAY);
                            if (v < GRAY) darker++;
                        }
                        if (lit) changed++;
                    }
                }
            }
            double share = (double) changed / (SIZE.width() * SIZE.height());
            assertThat(darker).as("light never darkens").isZero();
            assertThat(share).as("share of the frame with particles").isBetween(0.001, kind == Particles.BOKEH ? 0.6 : 0.15);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Particles.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void sameSeedSameParticlesOtherSeedOtherParticles(Particles kind) {
        try (ParticleOverlay a = ParticleOverlay.of(kind, SIZE, TIMING, 7);
             ParticleOverlay b = ParticleOverlay.of(kind, SIZE, TIMING, 7);
             ParticleOverlay c = ParticleOverlay.of(kind, SIZE, TIMING, 8);
             Mat fa = drawn(a, 5); Mat fb = drawn(b, 5); Mat fc = drawn(c, 5)) {
            assertThat(maxDiff(fa, fb)).isZero();
            assertThat(maxDiff(fa, fc)).isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Particles.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void particlesKeepTheirLookAtTwiceTheSize(Particles kind) {
        FrameSize half = new FrameSize(960, 540);
        FrameSize full = new FrameSize(1920, 1080);
        assertThat(meanLight(kind, full)).as("light per pixel at 1080p against 540p")
                .isCloseTo(meanLight(kind, half), withPercentage(25));
    }

    /** The overlay's average light per pixel, over a few frames. */
    private static double meanLight(Particles kind, FrameSize size) {
        double sum = 0;
        try (ParticleOverlay overlay = ParticleOverlay.of(kind, size, TIMING, 7);
             Mat frame = new Mat(size.height(), size.width(), CV_8UC3, new Scalar(0, 0, 0, 0))) {
            for (int t = 0; t < TIMING.frames(); t += 12) {
                overlay.apply(t, frame);
                try (Scalar m = mean(overlay.light())) {
                    sum += m.get(0) + m.get(1) + m.get(2);
                }
            }
        }
        return sum;
    }

    private static Mat plain() {
        return new Mat(SIZE.height(), SIZE.width(), CV_8UC3, new Scalar(GRAY, GRAY, GRAY, 0));
    }

    private static Mat drawn(ParticleOverlay overlay, int t) {
        Mat m = plain();
        overlay.apply(t, m);
        return m;
    }

    private static double maxDiff(Mat a, Mat b) {
        try (Mat diff = new Mat(); Mat flat = new Mat()) {
            absdiff(a, b, diff);
            diff.reshape(1, 0).copyTo(flat);
            double[] max = new double[1];
            minMaxLoc(flat, null, max, null, null, null);
            return max[0];
        }
    }
}
