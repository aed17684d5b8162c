package io.imageloop.timeline.render;

import io.imageloop.engine.LoopSettings;
import io.imageloop.engine.motion.Direction;
import io.imageloop.engine.render.PreparedLoop;
import io.imageloop.engine.source.PhotoLoader;
import io.imageloop.timeline.VideoLoop;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Path;

/**
 * A photo loop: the engine prepares one cycle, and the segment plays it over and over, so a 6 s
 * cycle fills a 30 s segment as five seamless repeats.
 */
final class LoopSource implements SegmentSource {

    private final PreparedLoop loop;

    private LoopSource(PreparedLoop loop) {
        this.loop = loop;
    }

    /** @param base the output's aspect, resolution, frame rate and format */
    static LoopSource open(VideoLoop v, Path photo, LoopSettings base, PhotoLoader loader) {
        return new LoopSource(PreparedLoop.of(photo, settings(v, base), loader));
    }

    static LoopSettings settings(VideoLoop v, LoopSettings base) {
        return base.withStyle(v.style())
                .withDirection(v.direction() == null ? null : Direction.parse(v.direction()))
                .withRegion(v.region())
                .withStrength(v.strength())
                .withSeconds(v.loopMs() / 1000.0)
                .withFitting(v.fitting());
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
