package io.imageloop.engine.motion.depth;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import io.imageloop.engine.frame.FrameSize;
import io.imageloop.engine.frame.Framer;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Path;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_ANYDEPTH;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/** A depth map the user supplies (8- or 16-bit grey, bright = near), framed like the photo. */
public record ImageDepth(Path file) implements DepthSource {

    @Override
    public Mat nearness(Mat canvas) {
        try (Mat raw = imread(file.toString(), IMREAD_GRAYSCALE | IMREAD_ANYDEPTH)) {
            if (raw.empty()) throw new LoopException(Kind.CORRUPT_INPUT, "the depth map " + file.getFileName() + " cannot be decoded");
            try (Mat f = new Mat()) {
                raw.convertTo(f, CV_32FC1);
                return Depths.normalise(Framer.cover(f, new FrameSize(canvas.cols(), canvas.rows())));
            }
        }
    }

    @Override
    public String describe() {
        return "depth map " + file.getFileName();
    }
}
