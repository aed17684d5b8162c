package io.imageloop.engine.measure;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Measures how seamless a loop is, frame by frame as it streams past: the mean absolute
 * difference of each step, and of the wrap step from the last frame back to the first.
 * Seam ratio = wrap step / median step; 1.0 means the seam is as gentle as any other step.
 *
 * <p>Frames are compared as luma at a fixed 480 px width, so figures compare across
 * resolutions and the meter costs little next to encoding.
 */
public final class SeamMeter implements AutoCloseable {

    static final int WIDTH = 480;

    private final List<Double> steps = new ArrayList<>();
    private Mat first;
    private Mat previous;
    private final Mat current = new Mat();
    private final Mat small = new Mat();
    private final Mat diff = new Mat();

    public void add(Mat bgr) {
        int w = Math.min(WIDTH, bgr.cols());
        int h = Math.max(1, (int) Math.round((double) bgr.rows() * w / bgr.cols()));
        try (Size size = new Size(w, h)) {
            resize(bgr, small, size, 0, 0, INTER_AREA);
        }
        if (small.channels() == 3) {
            cvtColor(small, current, COLOR_BGR2GRAY);
        } else {
            small.copyTo(current);
        }
        if (first == null) {
            first = current.clone();
            previous = current.clone();
            return;
        }
        steps.add(meanAbsDiff(previous, current));
        current.copyTo(previous);
    }

    private double meanAbsDiff(Mat a, Mat b) {
        absdiff(a, b, diff);
        return mean(diff).get(0);
    }

    public int frames() {
        return first == null ? 0 : steps.size() + 1;
    }

    public SeamReport report() {
        if (steps.isEmpty()) throw new IllegalStateException("a seam needs at least two frames");
        double wrap = meanAbsDiff(previous, first);
        double[] sorted = steps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        double mean = Arrays.stream(sorted).average().orElse(0);
        return new SeamReport(frames(), wrap, median, mean, sorted[sorted.length - 1]);
    }

    @Override
    public void close() {
        if (first != null) first.close();
        if (previous != null) previous.close();
        current.close();
        small.close();
        diff.close();
    }
}
