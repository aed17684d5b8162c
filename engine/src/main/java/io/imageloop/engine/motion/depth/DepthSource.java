package io.imageloop.engine.motion.depth;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a parallax loop's depth comes from. Every source returns nearness at the canvas size:
 * CV_32FC1 in 0..1, 1 nearest to the camera.
 */
public interface DepthSource {

    Mat nearness(Mat canvas);

    String describe();

    /** {@code cues} (default), a PNG/JPEG depth map (bright = near), or an ONNX model ({@code .onnx}). */
    static DepthSource parse(String text) {
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("cues")) return new CueDepth();
        Path file = Path.of(text.trim());
        if (!Files.isRegularFile(file)) {
            throw new LoopException(Kind.INPUT_NOT_FOUND, "no such depth map or model: " + file);
        }
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx")) return new OnnxDepth(file);
        return new ImageDepth(file);
    }
}
