package io.imageloop.engine.motion.depth;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.opencv.global.opencv_core.minMaxLoc;

/** Small helpers shared by the depth sources. */
final class Depths {

    private Depths() {
    }

    /** Rescales a map in place to 0..1 (a flat map becomes all 0.5); returns it. */
    static Mat normalise(Mat map) {
        try (DoublePointer min = new DoublePointer(1); DoublePointer max = new DoublePointer(1)) {
            minMaxLoc(map, min, max, null, null, null);
            double lo = min.get();
            double hi = max.get();
            if (hi - lo < 1e-9) {
                map.convertTo(map, -1, 0, 0.5);
            } else {
                map.convertTo(map, -1, 1 / (hi - lo), -lo / (hi - lo));
            }
            return map;
        }
    }
}
