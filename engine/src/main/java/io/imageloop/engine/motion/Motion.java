package io.imageloop.engine.motion;

import io.imageloop.engine.frame.FrameSize;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A motion style: turns a still canvas into a loop of frames. Implementations must be seamless
 * by construction: the frame after the last one is frame 0 again.
 */
public interface Motion {

    /** How much larger than the output region the canvas should be (camera moves need room). */
    default double canvasScale() {
        return 1.0;
    }

    /** Prepares a loop of {@code timing.frames()} frames of size {@code frame} from {@code canvas}. */
    Animation animate(Mat canvas, FrameSize frame, LoopTiming timing);

    /** Short human description, printed in reports (e.g. "flow right, upper region"). */
    String describe();
}
