package io.imageloop.engine.encode;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2YUV_I420;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

/**
 * MP4 (H.264 High, yuv420p, moov first) and WebM (VP9) through FFmpeg's encoders.
 *
 * <p>Frames are converted to I420 by OpenCV (SIMD, multi-threaded) and handed to the encoder as
 * they are, so FFmpeg's single-threaded swscale never runs. OpenCV's conversion uses the BT.601
 * matrix in limited range; the stream is tagged that way so players decode the colours we meant.
 */
public final class VideoEncoder implements FrameSink {

    private final FFmpegFrameRecorder recorder;
    private final Mat yuv = new Mat();
    private final int width;
    private final int height;
    private boolean finished;

    private VideoEncoder(FFmpegFrameRecorder recorder, int width, int height) {
        this.recorder = recorder;
        this.width = width;
        this.height = height;
    }

    public static VideoEncoder open(Path file, EncodeSettings settings) {
        FfmpegLog.configure();
        int w = settings.size().width();
        int h = settings.size().height();
        FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), w, h, 0);
        r.setFrameRate(settings.fps());
        r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        r.setGopSize((int) Math.max(1, Math.round(settings.fps() * 2)));
        switch (settings.format()) {
            case MP4 -> {
                r.setFormat("mp4");
                r.setVideoCodecName("libx264");
                r.setVideoOption("preset", "veryfast");
                r.setVideoOption("profile", "high");
                r.setVideoOption("crf", Integer.toString(settings.quality().x264Crf()));
                r.setVideoOption("x264-params", "colorprim=bt709:transfer=bt709:colormatrix=smpte170m:range=tv");
                r.setOption("movflags", "+faststart");
            }
            case WEBM -> {
                r.setFormat("webm");
                r.setVideoCodecName("libvpx-vp9");
                r.setVideoBitrate(0);
                r.setVideoOption("crf", Integer.toString(settings.quality().vp9Crf()));
                r.setVideoOption("deadline", "realtime");
                r.setVideoOption("cpu-used", "8");
                r.setVideoOption("row-mt", "1");
                r.setVideoOption("colorspace", "smpte170m");
            }
            default -> throw new IllegalArgumentException("not a video format: " + settings.format());
        }
        try {
            r.start();
        } catch (FFmpegFrameRecorder.Exception e) {
            closeQuietly(r);
            throw new LoopException(Kind.ENCODE_FAILED, "cannot start the " + settings.format() + " encoder: " + e.getMessage(), e);
        }
        return new VideoEncoder(r, w, h);
    }

    @Override
    public void write(Mat bgr) {
        if (bgr.cols() != width || bgr.rows() != height) {
            throw new IllegalArgumentException("frame " + bgr.cols() + "x" + bgr.rows() + ", encoder " + width + "x" + height);
        }
        cvtColor(bgr, yuv, COLOR_BGR2YUV_I420);
        ByteBuffer planes = yuv.createBuffer();
        try {
            recorder.recordImage(width, height, Frame.DEPTH_UBYTE, 1, width, avutil.AV_PIX_FMT_YUV420P, planes);
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new LoopException(Kind.ENCODE_FAILED, "encoding failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void finish() {
        try {
            recorder.stop();
            finished = true;
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new LoopException(Kind.ENCODE_FAILED, "finishing the file failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (!finished) closeQuietly(recorder);
        try {
            recorder.release();
        } catch (org.bytedeco.javacv.FrameRecorder.Exception ignored) {
            // nothing left to save
        }
        yuv.close();
    }

    private static void closeQuietly(FFmpegFrameRecorder r) {
        try {
            r.close();
        } catch (org.bytedeco.javacv.FrameRecorder.Exception ignored) {
            // the caller reports the first failure
        }
    }
}
