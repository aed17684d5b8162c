package io.imageloop.timeline.render;

import io.imageloop.engine.LoopSettings;
import io.imageloop.engine.Engine;
import io.imageloop.engine.plan.PlanHints;
import io.imageloop.engine.recipe.MotionRecipe;
import io.imageloop.engine.render.FrameSource;
import io.imageloop.timeline.VideoLoop;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Path;

/**
 * A photo loop: the engine prepares one cycle, and the segment plays it over and over, so a 6 s
 * cycle fills a 30 s segment as five seamless repeats.
 */
final class LoopSource implements SegmentSource {

    private final FrameSource loop;

    private LoopSource(FrameSource loop) {
        this.loop = loop;
    }

    /** @param base the output's aspect, resolution, frame rate and format */
    static LoopSource open(VideoLoop v, Path photo, LoopSettings base, Engine engine) {
        return new LoopSource(engine.open(photo, settings(v, photo, base, engine)));
    }

    /**
     * The loop's settings: its own recipe, or, for a loop that names none, the one the planner
     * makes for this photo at the draft's aspect, the same the CLI's {@code make} would use.
     */
    static LoopSettings settings(VideoLoop v, Path photo, LoopSettings base, Engine engine) {
        double seconds = v.loopMs() / 1000.0;
        MotionRecipe recipe = v.recipe() != null ? v.recipe() : engine.plan(photo, PlanHints.NONE, base.aspect(), seconds);
        return base.withRecipe(recipe).withSeconds(seconds).withFitting(v.fitting());
    }

    @Override
    public void render(int local, Mat dst) {
        loop.render(local, dst); // wraps around the cycle
    }

    @Override
    public void close() {
        loop.close();
    }
}
