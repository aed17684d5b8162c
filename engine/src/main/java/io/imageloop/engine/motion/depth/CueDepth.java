package io.imageloop.engine.motion.depth;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import java.nio.FloatBuffer;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.Laplacian;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Depth from monocular cues, for photos without a depth map: the ground plane (lower in the
 * frame is nearer) and focus (sharp detail is nearer than the soft background in photos shot
 * with shallow depth of field). Crude, but smooth and never inverted badly, which is what a
 * gentle parallax needs: a wrong but smooth depth bends the picture a little; a noisy one tears it.
 */
public final class CueDepth implements DepthSource {

    static final int WIDTH = 160;

    @Override
    public Mat nearness(Mat canvas) {
        int w = WIDTH;
        int h = Math.max(8, (int) Math.round((double) WIDTH * canvas.rows() / canvas.cols()));
        try (Mat small = new Mat(); Mat gray = new Mat(); Mat lap = new Mat(); Size size = new Size(w, h); Size k = new Size(0, 0)) {
            resize(canvas, small, size, 0, 0, INTER_AREA);
            cvtColor(small, gray, COLOR_BGR2GRAY);
            Laplacian(gray, lap, CV_32FC1);
            org.bytedeco.opencv.global.opencv_core.multiply(lap, lap, lap); // detail energy: sign does not matter
            GaussianBlur(lap, lap, k, w / 16.0);
            org.bytedeco.opencv.global.opencv_core.sqrt(lap, lap);
            float[] sharp = new float[w * h];
            ((FloatBuffer) lap.createBuffer()).get(sharp);
            float max = 1e-6f;
            for (float v : sharp) max = Math.max(max, v);
            float[] near = new float[w * h];
            for (int y = 0; y < h; y++) {
                double ground = Math.pow((double) y / (h - 1), 1.3);
                for (int x = 0; x < w; x++) near[y * w + x] = (float) (0.65 * ground + 0.35 * sharp[y * w + x] / max);
            }
            Mat depth = new Mat(h, w, CV_32FC1);
            ((FloatBuffer) depth.createBuffer()).put(near);
            GaussianBlur(depth, depth, k, w / 40.0);
            Mat out = new Mat();
            try (Size full = new Size(canvas.cols(), canvas.rows())) {
                resize(depth, out, full, 0, 0, INTER_LINEAR);
            }
            depth.close();
            return Depths.normalise(out);
        }
    }

    @Override
    public String describe() {
        return "depth from cues";
    }
}
