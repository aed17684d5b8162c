package io.imageloop.engine.composite.particles;

import io.imageloop.engine.frame.FrameSize;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.SplittableRandom;

/**
 * Sparkles: still points of light that twinkle, each with a whole number of sin² pulses per
 * loop at its own rate and phase. A pulse draws a small glowing core and a four-pointed star
 * whose rays taper (long dim strokes under shorter bright ones) and grow with the pulse.
 */
final class SparkleField implements ParticleField {

    private static final double DENSITY = 28;
    /** Ray length and brightness, drawn outer (long, dim) to inner (short, bright). */
    private static final double[][] TAPER = {{1.0, 0.35}, {0.6, 0.65}, {0.3, 1.0}};

    private final Sparkle[] sparkles;
    /** Ray width: the finest line at 540p and below (thinner would only dim the star), twice that at 1080p. */
    private final double rayWidth;

    private record Sparkle(double x, double y, double size, int pulses, double offset, double b, double g, double r) {
    }

    SparkleField(FrameSize size, double seconds, SplittableRandom random) {
        double unit = Math.min(size.width(), size.height());
        int count = (int) Math.round(DENSITY * size.width() * (double) size.height() / (unit * unit));
        rayWidth = Math.max(1.4, unit / 400);
        sparkles = new Sparkle[count];
        for (int i = 0; i < count; i++) {
            double warmth = random.nextDouble(); // from white to pale gold
            sparkles[i] = new Sparkle(random.nextDouble() * size.width(), random.nextDouble() * size.height(),
                    unit * (0.012 + 0.03 * Math.pow(random.nextDouble(), 2)),
                    Draw.cycles(0.3 + 0.6 * random.nextDouble(), seconds), random.nextDouble(),
                    255 - 90 * warmth, 255 - 25 * warmth, 255);
        }
    }

    @Override
    public void draw(double phase, Mat light) {
        for (Sparkle s : sparkles) {
            double pulse = Draw.twinkle(phase, s.pulses, s.offset);
            pulse *= pulse; // brief flashes, mostly dark
            if (pulse < 0.02) continue;
            double ray = s.size * pulse;
            for (double[] layer : TAPER) {
                double len = ray * layer[0];
                double k = pulse * layer[1];
                Draw.segment(light, s.x - len, s.y, s.x + len, s.y, rayWidth, s.b * k, s.g * k, s.r * k);
                Draw.segment(light, s.x, s.y - len, s.x, s.y + len, rayWidth, s.b * k, s.g * k, s.r * k);
                double diagonal = len * 0.35;
                double d = k * 0.6;
                Draw.segment(light, s.x - diagonal, s.y - diagonal, s.x + diagonal, s.y + diagonal, rayWidth, s.b * d, s.g * d, s.r * d);
                Draw.segment(light, s.x - diagonal, s.y + diagonal, s.x + diagonal, s.y - diagonal, rayWidth, s.b * d, s.g * d, s.r * d);
            }
            Draw.disc(light, s.x, s.y, Math.max(0.6, s.size * 0.08 * pulse), s.b * pulse, s.g * pulse, s.r * pulse);
        }
    }
}
