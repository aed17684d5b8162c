package io.imageloop.engine.motion;

import io.imageloop.engine.frame.FrameSize;

/** Produces the static motion field of a flow loop for a given canvas. */
public interface FieldSource {

    /**
     * @param canvas        the canvas the field moves
     * @param nodes         roughly how many grid nodes the field may use
     * @param loopSeconds   the loop's length, for sources whose speeds are given per second
     * @param fps           frames per second, to turn per-second speeds into per-frame ones
     */
    VectorField build(FrameSize canvas, int nodes, double loopSeconds, double fps);

    String describe();
}
