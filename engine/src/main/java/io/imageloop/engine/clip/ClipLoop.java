package io.imageloop.engine.clip;

import io.imageloop.engine.LoopSettings;
import io.imageloop.engine.composite.FrameFilter;
import io.imageloop.engine.composite.particles.ParticleOverlay;
import io.imageloop.engine.frame.FrameSize;
import io.imageloop.engine.motion.LoopTiming;
import io.imageloop.engine.render.FrameSource;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Path;

import static org.bytedeco.opencv.global.opencv_core.addWeighted;

/**
 * A video clip made into a seamless loop, after Video Textures (Schödl et al. 2000): the clip is
 * analysed on small thumbnails, the best loop point is searched over all frame pairs, and the
 * jump is hidden with a short crossfade. Frames are decoded again when rendered, so only the
 * crossfaded frames are held at output size.
 */
public final class ClipLoop implements FrameSource {

    private final String name;
    private final ClipPlan plan;
    private final FrameSize size;
    private final LoopTiming timing;
    private final ClipFrames frames;
    /** The crossfaded frames: first the last {@code blendBefore} of the loop, then the first {@code blendAfter}. */
    private final Mat[] blended;
    private final FrameFilter overlay;

    private ClipLoop(String name, ClipPlan plan, FrameSize size, ClipFrames frames, Mat[] blended, FrameFilter overlay) {
        this.name = name;
        this.plan = plan;
        this.size = size;
        this.timing = new LoopTiming(plan.length(), plan.fps());
        this.frames = frames;
        this.blended = blended;
        this.overlay = overlay;
    }

    /** Loops a clip with the settings' size, framing, frame rate (at most) and particles. */
    public static ClipLoop of(Path file, LoopSettings settings) {
        return of(file, settings, ClipOptions.defaults());
    }

    public static ClipLoop of(Path file, LoopSettings settings, ClipOptions options) {
        FrameSize size = settings.frameSize();
        ClipTrack track;
        ClipPlan plan;
        try (ClipScan scan = ClipScan.of(file, size, settings.fitting(), options, settings.fps())) {
            track = scan.track();
            plan = ClipPlanner.plan(file, track, scan.thumbnails(), settings.seconds(), options);
        }
        ClipFrames frames = new ClipFrames(file, track, size, settings.fitting());
        Mat[] blended = new Mat[0];
        try {
            blended = crossfade(frames, plan);
            FrameFilter overlay = ParticleOverlay.forSettings(settings, size, new LoopTiming(plan.length(), plan.fps()));
            return new ClipLoop(file.getFileName().toString(), plan, size, frames, blended, overlay);
        } catch (RuntimeException e) {
            for (Mat m : blended) m.close();
            frames.close();
            throw e;
        }
    }

    /**
     * Renders the crossfaded frames in one forward pass: the frames before the start and the
     * loop's first frames are held until their partners (the loop's last frames and the frames
     * after the end) come by.
     */
    private static Mat[] crossfade(ClipFrames frames, ClipPlan plan) {
        int pre = plan.blendBefore();
        int post = plan.blendAfter();
        int start = plan.start();
        int length = plan.length();
        int end = start + length;
        Crossfade fade = new Crossfade(pre, post);
        Mat[] out = new Mat[pre + post];
        try {
            for (int i = 0; i < pre; i++) out[i] = frames.frame(start - pre + i).clone();
            for (int j = 0; j < post; j++) out[pre + j] = frames.frame(start + j).clone();
            for (int i = 0; i < pre; i++) {
                double own = fade.ownWeight(length - pre + i, length);
                addWeighted(frames.frame(end - pre + i), own, out[i], 1 - own, 0, out[i]);
            }
            for (int j = 0; j < post; j++) {
                double own = fade.ownWeight(j, length);
                addWeighted(out[pre + j], own, frames.frame(end + j), 1 - own, 0, out[pre + j]);
            }
            return out;
        } catch (RuntimeException e) {
            for (Mat m : out) {
                if (m != null) m.close();
            }
            throw e;
        }
    }

    public ClipPlan plan() {
        return plan;
    }

    @Override
    public FrameSize size() {
        return size;
    }

    @Override
    public LoopTiming timing() {
        return timing;
    }

    @Override
    public void render(int t, Mat dst) {
        int length = plan.length();
        int q = Math.floorMod(t, length);
        int pre = plan.blendBefore();
        int post = plan.blendAfter();
        Mat source;
        if (q < post) source = blended[pre + q];
        else if (q >= length - pre) source = blended[q - (length - pre)];
        else source = frames.frame(plan.start() + q);
        source.copyTo(dst);
        if (overlay != null) overlay.apply(q, dst);
    }

    @Override
    public String describe() {
        String text = plan.describe(name);
        return overlay == null ? text : text + ", " + overlay.describe();
    }

    @Override
    public void close() {
        for (Mat m : blended) m.close();
        frames.close();
        if (overlay != null) overlay.close();
    }
}
