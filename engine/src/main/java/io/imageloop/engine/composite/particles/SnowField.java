package io.imageloop.engine.composite.particles;

import io.imageloop.engine.frame.FrameSize;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.SplittableRandom;

/**
 * Falling snow in depth: near flakes are larger, brighter, faster and sway wider. A flake falls
 * through a whole number of frame heights per loop (plus an off-screen margin, so it wraps out
 * of sight). A flake too slow to cross the frame even once in a short loop lives for one loop
 * instead, fading in and out, staggered so the snowfall stays even.
 */
final class SnowField implements ParticleField {

    /** Flakes per square of the frame's short side. */
    private static final double DENSITY = 110;
    /** Radius in pixels from which a flake gets a soft halo. */
    private static final double HALO_FROM = 2.5;

    private final int width;
    private final int height;
    private final double margin;
    private final Flake[] flakes;

    private record Flake(double x, double y, double radius, double brightness, int falls, double lifeDrop,
                         double lifeOffset, double sway, int swayCycles, double swayOffset) {
    }

    SnowField(FrameSize size, double seconds, SplittableRandom random) {
        this.width = size.width();
        this.height = size.height();
        double unit = Math.min(width, height);
        this.margin = unit * 0.03;
        double span = height + 2 * margin;
        int count = (int) Math.round(DENSITY * width * (double) height / (unit * unit));
        flakes = new Flake[count];
        for (int i = 0; i < count; i++) {
            double depth = Math.pow(random.nextDouble(), 1.6); // most flakes are far away
            double radius = unit * (0.0018 + 0.0055 * depth);
            double speed = height * (0.07 + 0.22 * depth); // px per second
            int falls = (int) Math.round(speed * seconds / span);
            double lifeDrop = falls == 0 ? speed * seconds : 0;
            flakes[i] = new Flake(random.nextDouble() * width, random.nextDouble() * span, radius,
                    110 + 145 * depth, falls, lifeDrop, random.nextDouble(),
                    unit * (0.004 + 0.014 * depth), Draw.cycles(0.25 + 0.35 * random.nextDouble(), seconds),
                    random.nextDouble());
        }
    }

    @Override
    public void draw(double phase, Mat light) {
        double span = height + 2 * margin;
        for (Flake f : flakes) {
            double y;
            double alpha = 1;
            if (f.falls > 0) {
                y = Draw.wrap(f.y + f.falls * span * phase, span) - margin;
            } else {
                double life = Draw.wrap(phase + f.lifeOffset, 1.0);
                y = Draw.wrap(f.y, span) - margin + f.lifeDrop * (life - 0.5);
                alpha = Math.min(1, Math.min(life, 1 - life) / 0.2); // fades over the first and last fifth
                alpha = alpha * alpha * (3 - 2 * alpha);
            }
            double x = f.x + f.sway * Math.sin(2 * Math.PI * (f.swayCycles * phase + f.swayOffset));
            double v = f.brightness * alpha;
            if (v < 1) continue;
            if (f.radius > HALO_FROM) {
                // near flakes are a little out of focus: a faint halo around the core
                Draw.disc(light, x, y, f.radius * 1.8, v * 0.3, v * 0.3, v * 0.3);
            }
            Draw.disc(light, x, y, f.radius, v, v, v);
        }
    }
}
