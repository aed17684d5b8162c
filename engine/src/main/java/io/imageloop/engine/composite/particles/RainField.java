package io.imageloop.engine.composite.particles;

import io.imageloop.engine.frame.FrameSize;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.SplittableRandom;

/**
 * Rain: thin translucent streaks as long as a drop travels while the shutter is open, slanted by
 * the wind. Drops are fast, so each falls through a whole number (at least one) of frame heights
 * per loop. A drop's sideways position follows from its height within the fall, so every fall
 * of a drop takes the same slanted path and the loop closes whatever the wind.
 */
final class RainField implements ParticleField {

    private static final double DENSITY = 70;

    private final double spanX;
    private final double spanY;
    private final double margin;
    private final double slant;
    private final Drop[] drops;

    private record Drop(double x, double y, int falls, double length, double thickness, double brightness) {
    }

    RainField(FrameSize size, double seconds, double fps, SplittableRandom random) {
        int width = size.width();
        int height = size.height();
        double unit = Math.min(width, height);
        this.slant = (0.05 + 0.15 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
        double longest = height * 0.12;
        this.margin = longest + unit * 0.02;
        this.spanX = width + 2 * margin;
        this.spanY = height + 2 * margin;
        int count = (int) Math.round(DENSITY * width * (double) height / (unit * unit));
        drops = new Drop[count];
        for (int i = 0; i < count; i++) {
            double depth = random.nextDouble();
            double speed = height * (1.3 + 1.9 * depth); // px per second
            int falls = Math.max(1, (int) Math.round(speed * seconds / spanY));
            double perFrame = falls * spanY / (seconds * fps);
            drops[i] = new Drop(random.nextDouble() * spanX, random.nextDouble() * spanY, falls,
                    Math.min(longest, Math.max(unit * 0.02, perFrame * 1.2)),
                    unit * 0.0016 * (0.6 + depth), 55 + 85 * depth);
        }
    }

    @Override
    public void draw(double phase, Mat light) {
        for (Drop d : drops) {
            double fallen = Draw.wrap(d.y + d.falls * spanY * phase, spanY);
            double y = fallen - margin;
            double x = Draw.wrap(d.x + slant * fallen, spanX) - margin;
            double v = d.brightness;
            // the head is where the drop is now; the tail trails up along the path
            Draw.segment(light, x - slant * d.length, y - d.length, x, y, d.thickness, v, v * 1.02, v * 0.95);
        }
    }
}
