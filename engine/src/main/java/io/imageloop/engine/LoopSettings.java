package io.imageloop.engine;

import io.imageloop.engine.composite.Particles;
import io.imageloop.engine.encode.GifEncoder;
import io.imageloop.engine.encode.OutputFormat;
import io.imageloop.engine.encode.Quality;
import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.frame.FrameSize;
import io.imageloop.engine.frame.Fitting;
import io.imageloop.engine.motion.Direction;
import io.imageloop.engine.motion.LoopTiming;
import io.imageloop.engine.motion.Motion;
import io.imageloop.engine.motion.Region;
import io.imageloop.engine.motion.Style;

/**
 * Everything that decides what a loop looks like. Defaults: flow, 6 s at 30 fps, 16:9 at
 * 1080p, cover crop, MP4 at standard quality.
 *
 * @param direction  null for the style's default
 * @param region     null for the style's default (flow: the upper part)
 * @param resolution   the output's short side in pixels; GIFs are capped at {@link GifEncoder#MAX_LONG_SIDE} on the long side
 * @param particles    an overlay drawn over the motion, or NONE
 * @param seed         for anything random (particles, automatic choices), so renders repeat exactly
 * @param customMotion a motion built elsewhere (motion spec, automatic plan), or null for the style's
 */
public record LoopSettings(Style style, Direction direction, Region region, double strength,
                           double seconds, double fps, Aspect aspect, int resolution, Fitting fitting,
                           OutputFormat format, Quality quality, boolean contactSheet,
                           Particles particles, long seed, Motion customMotion) {

    public static LoopSettings defaults() {
        return new LoopSettings(Style.FLOW, null, null, 1.0, 6, 30, Aspect.LANDSCAPE, 1080, Fitting.COVER,
                OutputFormat.MP4, Quality.STANDARD, false, Particles.NONE, 1L, null);
    }

    /** The motion: a custom one (from a motion spec or an automatic plan) or the style's. */
    public Motion motion() {
        return customMotion != null ? customMotion : style.motion(direction, region, strength);
    }

    public LoopTiming timing() {
        return LoopTiming.of(seconds, fps);
    }

    /** The encoded frame size: the aspect at the resolution, shrunk for GIFs. */
    public FrameSize frameSize() {
        FrameSize size = aspect.size(resolution);
        if (format == OutputFormat.GIF) {
            int longSide = Math.max(size.width(), size.height());
            if (longSide > GifEncoder.MAX_LONG_SIDE) {
                size = aspect.size((int) Math.floor(resolution * (double) GifEncoder.MAX_LONG_SIDE / longSide));
            }
        }
        return size;
    }

    public LoopSettings withStyle(Style v) {
        return new LoopSettings(v, direction, region, strength, seconds, fps, aspect, resolution, fitting, format, quality, contactSheet, particles, seed, customMotion);
    }

    public LoopSettings withDirection(Direction v) {
        return new LoopSettings(style, v, region, strength, seconds, fps, aspect, resolution, fitting, format, quality, contactSheet, particles, seed, customMotion);
    }

    public LoopSettings withRegion(Region v) {
        return new LoopSettings(style, direction, v, strength, seconds, fps, aspect, resolution, fitting, format, quality, contactSheet, particles, seed, customMotion);
    }

    public LoopSettings withStrength(double v) {
        return new LoopSettings(style, direction, region, v, seconds, fps, aspect, resolution, fitting, format, quality, contactSheet, particles, seed, customMotion);
    }

    public LoopSettings withSeconds(double v) {
        return new LoopSettings(style, direction, region, strength, v, fps, aspect, resolution, fitting, format, quality, contactSheet, particles, seed, customMotion);
    }

    public LoopSettings withFps(double v) {
        return new LoopSettings(style, direction, region, strength, seconds, v, aspect, resolution, fitting, format, quality, contactSheet, particles, seed, customMotion);
    }

    public LoopSettings withAspect(Aspect v) {
        return new LoopSettings(style, direction, region, strength, seconds, fps, v, resolution, fitting, format, quality, contactSheet, particles, seed, customMotion);
    }

    public LoopSettings withResolution(int v) {
        return new LoopSettings(style, direction, region, strength, seconds, fps, aspect, v, fitting, format, quality, contactSheet, particles, seed, customMotion);
    }

    public LoopSettings withFitting(Fitting v) {
        return new LoopSettings(style, direction, region, strength, seconds, fps, aspect, resolution, v, format, quality, contactSheet, particles, seed, customMotion);
    }

    public LoopSettings withFormat(OutputFormat v) {
        return new LoopSettings(style, direction, region, strength, seconds, fps, aspect, resolution, fitting, v, quality, contactSheet, particles, seed, customMotion);
    }

    public LoopSettings withQuality(Quality v) {
        return new LoopSettings(style, direction, region, strength, seconds, fps, aspect, resolution, fitting, format, v, contactSheet, particles, seed, customMotion);
    }

    public LoopSettings withParticles(Particles v) {
        return new LoopSettings(style, direction, region, strength, seconds, fps, aspect, resolution, fitting, format, quality, contactSheet, v, seed, customMotion);
    }

    public LoopSettings withSeed(long v) {
        return new LoopSettings(style, direction, region, strength, seconds, fps, aspect, resolution, fitting, format, quality, contactSheet, particles, v, customMotion);
    }

    /** Uses this motion instead of the style's (null to go back to the style). */
    public LoopSettings withCustomMotion(Motion v) {
        return new LoopSettings(style, direction, region, strength, seconds, fps, aspect, resolution, fitting, format, quality, contactSheet, particles, seed, v);
    }

    public LoopSettings withContactSheet(boolean v) {
        return new LoopSettings(style, direction, region, strength, seconds, fps, aspect, resolution, fitting, format, quality, v, particles, seed, customMotion);
    }
}
