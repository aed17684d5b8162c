package io.imageloop.timeline.render;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.mean;

/** Decodes a rendered file the way a player would, for assertions on what is really in it. */
final class Probe {

    final String videoCodec;
    final String audioCodec;
    final boolean hasAudio;
    final int width;
    final int height;
    final double frameRate;
    final List<Mat> frames = new ArrayList<>();
    /** Interleaved stereo at 48 kHz. */
    final float[] audio;

    private Probe(Path file) throws Exception {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            g.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
            g.setSampleRate(48_000);
            g.setAudioChannels(2);
            g.setSampleFormat(avutil.AV_SAMPLE_FMT_FLT);
            g.start();
            videoCodec = g.getVideoCodecName();
            hasAudio = g.hasAudio();
            audioCodec = hasAudio ? g.getAudioCodecName() : null;
            width = g.getImageWidth();
            height = g.getImageHeight();
            frameRate = g.getFrameRate();
            FloatList samples = new FloatList();
            Frame f;
            while ((f = g.grab()) != null) {
                if (f.image != null) frames.add(converter.convert(f).clone());
                if (f.samples != null) samples.add((FloatBuffer) f.samples[0]);
            }
            audio = samples.toArray();
            g.stop();
        }
    }

    static Probe of(Path file) throws Exception {
        return new Probe(file);
    }

    double videoSeconds() {
        return frames.size() / frameRate;
    }

    double audioSeconds() {
        return audio.length / 2 / 48_000.0;
    }

    /** RMS of the audio between two times, in seconds. */
    double rms(double from, double to) {
        int a = (int) (from * 48_000) * 2;
        int b = Math.min(audio.length, (int) (to * 48_000) * 2);
        double sum = 0;
        for (int i = a; i < b; i++) sum += audio[i] * audio[i];
        return Math.sqrt(sum / Math.max(1, b - a));
    }

    /** Mean absolute difference of two frames (0..255) over all channels, in a box or the whole frame. */
    static double difference(Mat a, Mat b, Rect box) {
        try (Mat x = box == null ? new Mat(a) : a.apply(box); Mat y = box == null ? new Mat(b) : b.apply(box); Mat d = new Mat()) {
            absdiff(x, y, d);
            var m = mean(d);
            return (m.get(0) + m.get(1) + m.get(2)) / 3;
        }
    }

    void close() {
        frames.forEach(Mat::close);
    }

    private static final class FloatList {
        private float[] data = new float[1 << 16];
        private int size;

        void add(FloatBuffer b) {
            int n = b.remaining();
            if (size + n > data.length) data = java.util.Arrays.copyOf(data, Math.max(data.length * 2, size + n));
            b.get(data, size, n);
            size += n;
        }

        float[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }
}
