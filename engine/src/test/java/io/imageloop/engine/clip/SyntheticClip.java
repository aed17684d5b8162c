package io.imageloop.engine.clip;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

import java.nio.file.Path;
import java.util.function.IntFunction;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;

/** Clips made for tests, where what the loop search should find is known. */
final class SyntheticClip {

    static final int WIDTH = 320;
    static final int HEIGHT = 180;

    private SyntheticClip() {
    }

    /**
     * Frame k of a scene that repeats exactly every {@code period} frames: diagonal colour bands
     * drifting one wavelength per period and a disc going once round a circle.
     */
    static Mat periodic(int k, int period) {
        Mat m = new Mat(HEIGHT, WIDTH, CV_8UC3);
        double phase = 2 * Math.PI * (k % period) / period;
        try (UByteIndexer px = m.createIndexer()) {
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    double band = Math.sin(2 * Math.PI * (x + 0.5 * y) / 90.0 - phase);
                    double wave = Math.sin(2 * Math.PI * y / 70.0 + 2 * phase);
                    px.put(y, x, 0, (int) (120 + 70 * band));
                    px.put(y, x, 1, (int) (110 + 50 * wave));
                    px.put(y, x, 2, (int) (130 + 40 * band * wave));
                }
            }
        }
        try (Point centre = new Point((int) Math.round(160 + 70 * Math.cos(phase)), (int) Math.round(90 + 55 * Math.sin(phase)));
             Scalar white = new Scalar(250, 250, 250, 0)) {
            circle(m, centre, 18, white, FILLED, LINE_AA, 0);
        }
        return m;
    }

    /** A still frame: dark, with a bright square in its top-left corner. */
    static Mat marked(int k) {
        Mat m = new Mat(HEIGHT, WIDTH, CV_8UC3, new Scalar(30, 30, 30, 0));
        try (Rect square = new Rect(0, 0, 60, 60); Mat corner = m.apply(square); Scalar white = new Scalar(255, 255, 255, 0)) {
            corner.put(white);
        }
        return m;
    }

    /** Lossless FFV1 in Matroska: decoded frames equal the frames written. */
    static Path mkv(Path file, double fps, int frames, IntFunction<Mat> frame) throws Exception {
        return write(file, "matroska", avcodec.AV_CODEC_ID_FFV1, avutil.AV_PIX_FMT_YUV444P, fps, frames, frame, 0);
    }

    static Path mp4(Path file, double fps, int frames, IntFunction<Mat> frame, double displayRotation) throws Exception {
        return write(file, "mp4", avcodec.AV_CODEC_ID_H264, avutil.AV_PIX_FMT_YUV420P, fps, frames, frame, displayRotation);
    }

    static Path gif(Path file, double fps, int frames, IntFunction<Mat> frame) throws Exception {
        return write(file, "gif", avcodec.AV_CODEC_ID_GIF, avutil.AV_PIX_FMT_RGB8, fps, frames, frame, 0);
    }

    /** Half a second of AAC sound in an MP4 container, with no video stream. */
    static Path soundOnly(Path file) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 1)) {
            recorder.setFormat("mp4");
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            recorder.setSampleRate(48_000);
            recorder.start();
            float[] samples = new float[24_000];
            for (int i = 0; i < samples.length; i++) samples[i] = (float) (0.2 * Math.sin(2 * Math.PI * 440 * i / 48_000.0));
            recorder.recordSamples(48_000, 1, java.nio.FloatBuffer.wrap(samples));
            recorder.stop();
        }
        return file;
    }

    private static Path write(Path file, String format, int codec, int pixelFormat, double fps, int frames,
                              IntFunction<Mat> frame, double rotation) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), WIDTH, HEIGHT);
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            recorder.setFormat(format);
            recorder.setVideoCodec(codec);
            recorder.setPixelFormat(pixelFormat);
            recorder.setFrameRate(fps);
            if (codec == avcodec.AV_CODEC_ID_H264) recorder.setVideoOption("crf", "12");
            if (rotation != 0) recorder.setDisplayRotation(rotation);
            recorder.start();
            for (int k = 0; k < frames; k++) {
                try (Mat m = frame.apply(k)) {
                    recorder.record(converter.convert(m), avutil.AV_PIX_FMT_BGR24);
                }
            }
            recorder.stop();
        }
        return file;
    }
}
