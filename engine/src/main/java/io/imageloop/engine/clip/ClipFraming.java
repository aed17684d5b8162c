package io.imageloop.engine.clip;

import io.imageloop.engine.frame.FrameSize;
import io.imageloop.engine.frame.Fitting;
import io.imageloop.engine.frame.Framer;
import io.imageloop.engine.frame.Layout;
import org.bytedeco.opencv.opencv_core.Mat;

/** Places a decoded clip frame in the output frame the way photos are placed: cover or fit. */
final class ClipFraming {

    private ClipFraming() {
    }

    /** A new Mat of exactly {@code size}, 8-bit BGR. */
    static Mat frame(Mat picture, FrameSize size, Fitting fitting) {
        if (fitting == Fitting.COVER) return Framer.cover(picture, size);
        try (Layout layout = Framer.frame(picture, size, Fitting.FIT, 1.0)) {
            Mat out = layout.background().clone();
            try (Mat region = out.apply(layout.region())) {
                layout.canvas().copyTo(region);
            }
            return out;
        }
    }
}
