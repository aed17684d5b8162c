package io.imageloop.engine.motion.depth;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import io.imageloop.engine.frame.FrameSize;
import io.imageloop.engine.frame.Framer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_dnn.Net;

import java.nio.file.Path;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;
import static org.bytedeco.opencv.global.opencv_dnn.readNetFromONNX;

/**
 * A monocular depth network the user points to (MiDaS-style: one image in, relative inverse
 * depth out, larger = nearer), run with OpenCV's DNN module on the CPU. The input is the canvas
 * at {@value #INPUT} px square, RGB scaled to 0..1 with ImageNet normalisation; the output map
 * is resized back to the canvas. Nothing is downloaded: the model is a local file.
 */
public record OnnxDepth(Path model) implements DepthSource {

    static final int INPUT = 256;

    @Override
    public Mat nearness(Mat canvas) {
        Net net;
        try {
            net = readNetFromONNX(model.toString());
        } catch (RuntimeException e) {
            throw new LoopException(Kind.UNSUPPORTED_FORMAT, model.getFileName() + " is not an ONNX model OpenCV can run: " + e.getMessage(), e);
        }
        try (net; Size size = new Size(INPUT, INPUT);
             Mat blob = blobFromImage(canvas, 1 / 255.0, size, new Scalar(0, 0, 0, 0), true, false, org.bytedeco.opencv.global.opencv_core.CV_32F)) {
            net.setInput(blob);
            try (Mat out = net.forward()) {
                // N x 1 x H x W or N x H x W: take the last two dimensions as the map.
                int dims = out.dims();
                int h = out.size(dims - 2);
                int w = out.size(dims - 1);
                try (Mat map = new Mat(h, w, CV_32FC1, out.data())) {
                    return Depths.normalise(Framer.cover(map.clone(), new FrameSize(canvas.cols(), canvas.rows())));
                }
            }
        } catch (LoopException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new LoopException(Kind.UNSUPPORTED_FORMAT, "the depth model " + model.getFileName() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "depth from " + model.getFileName();
    }
}
