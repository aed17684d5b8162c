package io.imageloop.engine.measure;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import io.imageloop.engine.encode.FfmpegLog;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Measures a loop file the way a viewer gets it: decodes it (MP4, WebM or GIF) and looks at the
 * frames, not at what was rendered. Seam, pulse, how much moves, whether still pixels stay still,
 * and for camera moves the jitter of the picture's motion (see {@link CameraTrack}).
 */
public final class DecodedMeter {

    static final int WIDTH = 480;
    /** Frames are kept small for the statistics; longer files are measured at half that width. */
    private static final long BUDGET_BYTES = 64L << 20;

    private DecodedMeter() {
    }

    public static DecodedReport measure(Path file, boolean camera) {
        FfmpegLog.configure();
        List<byte[]> frames = new ArrayList<>();
        int w = 0;
        int h = 0;
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
             Mat small = new Mat(); CameraTrack track = camera ? new CameraTrack() : null) {
            g.setPixelFormat(avutil.AV_PIX_FMT_GRAY8);
            g.start();
            int total = Math.max(1, g.getLengthInVideoFrames());
            int width = (long) WIDTH * WIDTH * 9 / 16 * total > BUDGET_BYTES ? WIDTH / 2 : WIDTH;
            Frame f;
            while ((f = g.grabImage()) != null) {
                Mat grey = converter.convert(f);
                if (track != null) track.add(grey);
                w = Math.min(width, grey.cols());
                h = Math.max(1, (int) Math.round((double) grey.rows() * w / grey.cols()));
                try (Size s = new Size(w, h)) {
                    resize(grey, small, s, 0, 0, INTER_AREA);
                }
                byte[] px = new byte[w * h];
                ByteBuffer b = small.createBuffer();
                for (int y = 0; y < h; y++) {
                    b.position((int) (y * small.step()));
                    b.get(px, y * w, w);
                }
                frames.add(px);
            }
            g.stop();
            if (frames.size() < 2) throw new LoopException(Kind.CORRUPT_INPUT, file.getFileName() + " has fewer than two frames");
            return statistics(frames, w * h, track == null ? OptionalDouble.empty() : OptionalDouble.of(track.jitter()));
        } catch (FrameGrabber.Exception e) {
            throw new LoopException(Kind.CORRUPT_INPUT, "cannot decode " + file.getFileName() + " to measure it: " + e.getMessage(), e);
        }
    }

    static DecodedReport statistics(List<byte[]> frames, int pixels, OptionalDouble jitter) {
        int n = frames.size();
        double[] sum = new double[pixels];
        double[] sq = new double[pixels];
        for (byte[] f : frames) {
            for (int i = 0; i < pixels; i++) {
                int v = f[i] & 0xFF;
                sum[i] += v;
                sq[i] += v * v;
            }
        }
        boolean[] still = new boolean[pixels];
        int moving = 0;
        int stillCount = 0;
        for (int i = 0; i < pixels; i++) {
            double mean = sum[i] / n;
            double sd = Math.sqrt(Math.max(0, sq[i] / n - mean * mean));
            if (sd > 2) moving++;
            if (sd < 0.5) {
                still[i] = true;
                stillCount++;
            }
        }
        double[] steps = new double[n - 1];
        double stillMax = 0;
        for (int t = 0; t < n; t++) {
            byte[] a = frames.get(t);
            byte[] b = frames.get((t + 1) % n);
            long all = 0;
            long quiet = 0;
            for (int i = 0; i < pixels; i++) {
                int d = Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
                all += d;
                if (still[i]) quiet += d;
            }
            if (t < n - 1) steps[t] = (double) all / pixels;
            if (stillCount > 0) stillMax = Math.max(stillMax, (double) quiet / stillCount);
        }
        double wrap = meanAbs(frames.get(n - 1), frames.get(0));
        double[] sorted = steps.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        return new DecodedReport(n, median, wrap, sorted[sorted.length - 1], (double) moving / pixels, (double) stillCount / pixels,
                stillMax, jitter);
    }

    private static double meanAbs(byte[] a, byte[] b) {
        long s = 0;
        for (int i = 0; i < a.length; i++) s += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        return (double) s / a.length;
    }
}
