package io.imageloop.engine.composite.particles;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import io.imageloop.engine.composite.FrameFilter;
import io.imageloop.engine.recipe.Particles;
import io.imageloop.engine.frame.FrameSize;
import io.imageloop.engine.motion.LoopTiming;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

import java.util.SplittableRandom;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.bitwise_not;
import static org.bytedeco.opencv.global.opencv_core.multiply;

/**
 * Procedural snow, rain, sparkles or bokeh over a loop. Particles are drawn as light on a black
 * layer (anti-aliased, at sub-pixel positions, sized relative to the frame) and laid over the
 * frame with a screen blend, 1 − (1 − frame)(1 − light): black light leaves a pixel exactly as
 * it was, and light can brighten a pixel up to white but never clip a bright sky into a flat
 * patch. The particles move as a function of the loop phase with whole numbers of cycles per
 * loop, so the overlay wraps as seamlessly as the motion under it; a seed makes it repeatable.
 */
public final class ParticleOverlay implements FrameFilter {

    private final Particles kind;
    private final FrameSize size;
    private final LoopTiming timing;
    private final ParticleField field;
    private final Mat light;
    private final Mat inverse = new Mat();
    private final Mat scratch = new Mat();

    private ParticleOverlay(Particles kind, FrameSize size, LoopTiming timing, ParticleField field) {
        this.kind = kind;
        this.size = size;
        this.timing = timing;
        this.field = field;
        this.light = new Mat(size.height(), size.width(), CV_8UC3, new Scalar(0, 0, 0, 0));
    }

    /** The settings' particle overlay for a loop of this size and timing, or null when it has none. */
    public static ParticleOverlay forSettings(io.imageloop.engine.LoopSettings settings, FrameSize size, LoopTiming timing) {
        Particles kind = settings.recipe().particles();
        return kind == null || kind == Particles.NONE ? null : of(kind, size, timing, settings.recipe().seed());
    }

    /** The overlay of a kind of particles; NONE has none. */
    public static ParticleOverlay of(Particles kind, FrameSize size, LoopTiming timing, long seed) {
        // each kind draws from its own stream, so "snow, seed 7" does not echo "rain, seed 7"
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + kind.ordinal());
        double seconds = timing.seconds();
        ParticleField field = switch (kind) {
            case SNOW -> new SnowField(size, seconds, random);
            case RAIN -> new RainField(size, seconds, timing.fps(), random);
            case SPARKLES -> new SparkleField(size, seconds, random);
            case BOKEH -> new BokehField(size, seconds, random);
            case NONE -> throw new LoopException(Kind.INVALID_PARAMETER, "no particles to draw");
        };
        return new ParticleOverlay(kind, size, timing, field);
    }

    public Particles kind() {
        return kind;
    }

    /** Draws the particles of loop frame t (taken modulo the loop length) onto the frame. */
    @Override
    public void apply(int t, Mat frame) {
        drawAt(timing.phase(Math.floorMod(t, timing.frames())), frame);
    }

    /** Draws the particles at a loop phase in [0, 1]; phase 1 looks exactly like phase 0. */
    void drawAt(double phase, Mat frame) {
        if (frame.cols() != size.width() || frame.rows() != size.height() || frame.type() != CV_8UC3) {
            throw new IllegalArgumentException("the overlay is " + size + " BGR, the frame " + frame.cols() + "x" + frame.rows());
        }
        try (Scalar black = new Scalar(0, 0, 0, 0)) {
            light.put(black);
        }
        field.draw(phase, light);
        screen(frame);
    }

    /** frame = 255 − (255 − frame)(255 − light)/255, in place. */
    private void screen(Mat frame) {
        bitwise_not(frame, inverse);
        bitwise_not(light, scratch);
        multiply(inverse, scratch, inverse, 1 / 255.0, -1);
        bitwise_not(inverse, frame);
    }

    /** The light layer of the last frame drawn (black where there are no particles). */
    Mat light() {
        return light;
    }

    @Override
    public String describe() {
        return kind.toString();
    }

    @Override
    public void close() {
        field.close();
        light.close();
        inverse.close();
        scratch.close();
    }
}
