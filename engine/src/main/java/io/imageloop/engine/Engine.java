package io.imageloop.engine;

import io.imageloop.engine.media.MediaDoor;
import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.frame.Fitting;
import io.imageloop.engine.frame.Framer;
import io.imageloop.engine.frame.PhotoWindow;
import io.imageloop.engine.motion.Motions;
import io.imageloop.engine.plan.PlanHints;
import io.imageloop.engine.plan.Planner;
import io.imageloop.engine.recipe.MotionRecipe;
import io.imageloop.engine.recipe.RecipeCodec;
import io.imageloop.engine.render.FrameSource;
import io.imageloop.engine.render.LoopRenderer;
import io.imageloop.engine.render.Sources;
import io.imageloop.engine.source.PhotoLoader;
import io.imageloop.engine.source.PhotoProbe;

import java.nio.file.Path;

/**
 * The engine's front door: plan a photo's motion, open a loop to draw frames from, make a loop
 * file. The CLI, the timeline, the service and the studio all come in here; a loop is always
 * described by one {@link MotionRecipe} (in photo coordinates) and output settings around it.
 */
public final class Engine {

    private final PhotoLoader loader;
    private final LoopRenderer renderer;

    public Engine() {
        this(new PhotoLoader());
    }

    public Engine(PhotoLoader loader) {
        this.loader = loader;
        this.renderer = new LoopRenderer(loader);
    }

    /**
     * The motion recipe for a photo, for the aspect it will be shown at: what moves, what holds
     * still, and why (in the recipe's notes). The same photo, hints and aspect always give the
     * same recipe, whoever asks.
     */
    public MotionRecipe plan(Path photo, PlanHints hints, Aspect aspect, double seconds) {
        return Planner.plan(photo, hints, aspect, seconds);
    }

    /** Whether a file is a video clip (looped as a clip) rather than a photo, judged by content. */
    public boolean isClip(Path input) {
        return MediaDoor.isClip(input);
    }

    /** A loop to draw frames from: a photo with its recipe, or a looped clip. The caller closes it. */
    public FrameSource open(Path input, LoopSettings settings) {
        Motions.of(settings.recipe()); // refuses impossible recipes before any pixel is decoded
        return Sources.open(input, settings, loader);
    }

    /** Makes a loop file: photo (or clip) in, MP4, WebM or GIF out, measured on the way. */
    public LoopResult make(Path input, Path output, LoopSettings settings, ProgressListener progress) {
        return renderer.render(input, output, settings, progress);
    }

    /**
     * Reads a motion spec file. A version 1 file (coordinates of the framed picture) is converted
     * to photo coordinates for the framing it is rendered with: this photo at this aspect and fit.
     */
    public MotionRecipe readRecipe(Path spec, Path photo, Aspect aspect, Fitting fitting) {
        return RecipeCodec.read(spec, () -> {
            PhotoProbe probe = PhotoProbe.of(photo);
            return Framer.canvasWindow(probe.width(), probe.height(), aspect.size(1080), fitting, 1.0);
        });
    }

    /** Writes a recipe as an editable spec file (masks beside it as PNGs). */
    public void writeRecipe(MotionRecipe recipe, Path spec) {
        RecipeCodec.write(recipe, spec);
    }
}
