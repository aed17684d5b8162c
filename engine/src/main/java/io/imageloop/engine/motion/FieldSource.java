package io.imageloop.engine.motion;

import org.bytedeco.opencv.opencv_core.Mat;

/** Produces the static motion field of a flow loop for a given canvas. */
public interface FieldSource {

    /**
     * @param canvas the photo the field moves (sources that follow the photo's structure read it)
     * @param nodes  roughly how many grid nodes the field may use
     * @param timing the loop's timing, to turn per-second speeds into per-frame ones
     */
    VectorField build(Mat canvas, int nodes, LoopTiming timing);

    String describe();
}
