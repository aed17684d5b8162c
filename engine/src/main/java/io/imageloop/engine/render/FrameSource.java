package io.imageloop.engine.render;

import io.imageloop.engine.frame.FrameSize;
import io.imageloop.engine.motion.CameraPath;
import io.imageloop.engine.motion.LoopTiming;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.Optional;

/**
 * A finished loop, ready to be encoded: frame t of {@link #timing()}, at {@link #size()},
 * 8-bit BGR. A photo with motion and a looped clip are both frame sources; the renderer and the
 * timeline compositor draw from either the same way.
 */
public interface FrameSource extends AutoCloseable {

    FrameSize size();

    LoopTiming timing();

    /** Renders frame t (taken modulo the loop length) into dst. One thread at a time. */
    void render(int t, Mat dst);

    /** What moves, for reports ("flow (drift right in the upper part)"). */
    String describe();

    /** For camera moves, the sampled path, so its smoothness can be reported. */
    default Optional<CameraPath> cameraPath() {
        return Optional.empty();
    }

    @Override
    void close();
}
