package io.imageloop.engine;

/** Told after each frame is encoded. Called from the rendering thread: keep it cheap. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total) -> { };

    void onFrame(int done, int total);
}
