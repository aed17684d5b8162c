package io.imageloop.engine;

import io.imageloop.engine.encode.GifEncoder;
import io.imageloop.engine.encode.OutputFormat;
import io.imageloop.engine.encode.Quality;
import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.frame.FrameSize;
import io.imageloop.engine.frame.Fitting;
import io.imageloop.engine.motion.LoopTiming;
import io.imageloop.engine.recipe.MotionRecipe;
import io.imageloop.engine.recipe.Style;

/**
 * Everything that decides what a loop file looks like: the motion (one {@link MotionRecipe}) and
 * the output around it. Defaults: the sky drifting, 6 s at 30 fps, 16:9 at 1080p, cover crop,
 * MP4 at standard quality.
 *
 * @param resolution the output's short side in pixels; GIFs are capped at {@link GifEncoder#MAX_LONG_SIDE} on the long side
 */
public record LoopSettings(MotionRecipe recipe, double seconds, double fps, Aspect aspect, int resolution, Fitting fitting,
                           OutputFormat format, Quality quality, boolean contactSheet) {

    public static LoopSettings defaults() {
        return new LoopSettings(Style.FLOW.recipe(null, null, 1.0), 6, 30, Aspect.LANDSCAPE, 1080, Fitting.COVER,
                OutputFormat.MP4, Quality.STANDARD, false);
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

    public LoopSettings withRecipe(MotionRecipe v) {
        return new LoopSettings(v, seconds, fps, aspect, resolution, fitting, format, quality, contactSheet);
    }

    public LoopSettings withSeconds(double v) {
        return new LoopSettings(recipe, v, fps, aspect, resolution, fitting, format, quality, contactSheet);
    }

    public LoopSettings withFps(double v) {
        return new LoopSettings(recipe, seconds, v, aspect, resolution, fitting, format, quality, contactSheet);
    }

    public LoopSettings withAspect(Aspect v) {
        return new LoopSettings(recipe, seconds, fps, v, resolution, fitting, format, quality, contactSheet);
    }

    public LoopSettings withResolution(int v) {
        return new LoopSettings(recipe, seconds, fps, aspect, v, fitting, format, quality, contactSheet);
    }

    public LoopSettings withFitting(Fitting v) {
        return new LoopSettings(recipe, seconds, fps, aspect, resolution, v, format, quality, contactSheet);
    }

    public LoopSettings withFormat(OutputFormat v) {
        return new LoopSettings(recipe, seconds, fps, aspect, resolution, fitting, v, quality, contactSheet);
    }

    public LoopSettings withQuality(Quality v) {
        return new LoopSettings(recipe, seconds, fps, aspect, resolution, fitting, format, v, contactSheet);
    }

    public LoopSettings withContactSheet(boolean v) {
        return new LoopSettings(recipe, seconds, fps, aspect, resolution, fitting, format, quality, v);
    }
}
