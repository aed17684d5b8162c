package io.imageloop.engine.render;

import io.imageloop.engine.LoopSettings;
import io.imageloop.engine.composite.FrameFilter;
import io.imageloop.engine.composite.particles.ParticleOverlay;
import io.imageloop.engine.frame.FrameSize;
import io.imageloop.engine.frame.Framer;
import io.imageloop.engine.frame.Layout;
import io.imageloop.engine.motion.Animation;
import io.imageloop.engine.motion.LoopTiming;
import io.imageloop.engine.motion.Motion;
import io.imageloop.engine.source.Photo;
import io.imageloop.engine.source.PhotoLoader;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Path;

/**
 * Source, motion and composite stages wired together for one photo: ask it for frame t and get
 * the finished output frame. Renderers and the timeline compositor both draw from it. The
 * settings' particles, if any, are drawn last, over the whole frame (bars included).
 */
public final class PreparedLoop implements FrameSource {

    private final Layout layout;
    private final Animation animation;
    private final Motion motion;
    private final LoopTiming timing;
    private final FrameFilter overlay;
    private final Mat scratch = new Mat();

    private PreparedLoop(Layout layout, Animation animation, Motion motion, LoopTiming timing, FrameFilter overlay) {
        this.layout = layout;
        this.animation = animation;
        this.motion = motion;
        this.timing = timing;
        this.overlay = overlay;
    }

    public static PreparedLoop of(Path photoFile, LoopSettings settings, PhotoLoader loader) {
        Motion motion = io.imageloop.engine.motion.Motions.of(settings.recipe());
        LoopTiming timing = settings.timing();
        FrameSize size = settings.frameSize();
        FrameSize needed = size.scaled(motion.canvasScale());
        try (Photo photo = loader.load(photoFile, needed.width(), needed.height())) {
            Layout layout = Framer.frame(photo.pixels(), size, settings.fitting(), motion.canvasScale());
            Animation animation = null;
            try {
                animation = motion.animate(layout.canvas(), layout.window(), layout.regionSize(), timing);
                return new PreparedLoop(layout, animation, motion, timing, ParticleOverlay.forSettings(settings, size, timing));
            } catch (RuntimeException e) {
                if (animation != null) animation.close();
                layout.close();
                throw e;
            }
        }
    }

    @Override
    public FrameSize size() {
        return layout.output();
    }

    @Override
    public LoopTiming timing() {
        return timing;
    }

    public Motion motion() {
        return motion;
    }

    public Animation animation() {
        return animation;
    }

    @Override
    public String describe() {
        return overlay == null ? motion.describe() : motion.describe() + ", " + overlay.describe();
    }

    @Override
    public java.util.Optional<io.imageloop.engine.motion.CameraPath> cameraPath() {
        return animation.cameraPath();
    }

    /** Renders output frame t (wrapping around the loop) into dst. */
    @Override
    public void render(int t, Mat dst) {
        int frame = Math.floorMod(t, timing.frames());
        if (!layout.hasBackground()) {
            animation.render(frame, dst);
        } else {
            layout.background().copyTo(dst);
            animation.render(frame, scratch);
            try (Mat region = dst.apply(layout.region())) {
                scratch.copyTo(region);
            }
        }
        if (overlay != null) overlay.apply(frame, dst);
    }

    @Override
    public void close() {
        animation.close();
        layout.close();
        scratch.close();
        if (overlay != null) overlay.close();
    }
}
