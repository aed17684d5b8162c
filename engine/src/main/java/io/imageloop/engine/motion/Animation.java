package io.imageloop.engine.motion;

import org.bytedeco.opencv.opencv_core.Mat;

import java.util.Optional;

/**
 * A prepared loop. {@link #render} may be called for any t in [0, frames) in any order, from one
 * thread at a time (implementations keep scratch buffers).
 */
public interface Animation extends AutoCloseable {

    int frames();

    /** Renders frame t into dst (allocated by the callee if needed, 8-bit BGR). */
    void render(int t, Mat dst);

    /** For camera moves: the sampled path, so its smoothness can be measured. */
    default Optional<CameraPath> cameraPath() {
        return Optional.empty();
    }

    @Override
    void close();
}
