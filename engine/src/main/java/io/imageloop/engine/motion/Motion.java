package io.imageloop.engine.motion;

import io.imageloop.engine.frame.FrameSize;
import io.imageloop.engine.frame.PhotoWindow;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A motion stage: turns a still canvas into a loop of frames. Implementations must be seamless
 * by construction: the frame after the last one is frame 0 again.
 */
public interface Motion {

    /** How much larger than the output region the canvas should be (camera moves need room). */
    default double canvasScale() {
        return 1.0;
    }

    /**
     * Prepares a loop of {@code timing.frames()} frames of size {@code frame} from {@code canvas},
     * whose pixels show {@code window} of the photo (where photo-coordinate guidance lands).
     */
    Animation animate(Mat canvas, PhotoWindow window, FrameSize frame, LoopTiming timing);

    /** Short human description, printed in reports (e.g. "drift right in the upper part"). */
    String describe();
}
