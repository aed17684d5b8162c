package io.imageloop.engine.encode;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;


/**
 * MP4 (H.264 High, yuv420p, moov first) and WebM (VP9) through FFmpeg's encoders.
 *
 * <p>Frames are converted to I420 here ({@link Bt709}: the BT.709 matrix in limited range, as HD
 * video is meant to be, and tagged so) and handed to the encoder as they are, so FFmpeg's
 * single-threaded swscale never runs.
 *
 * <p>Keyframes go where {@link Keyframes} says, never at scene cuts x264 guesses at: a loop's
 * file has one keyframe, so the decoded loop has no pulse and its wrap is an ordinary step.
 *
 * <p>With {@link EncodeSettings#audio()} set, the file also gets an audio stream (AAC-LC in MP4,
 * Opus in WebM) fed through {@link #writeAudio}; without it the file is silent and the video
 * stream is exactly the same as with it.
 */
public final class VideoEncoder implements FrameSink {

    private final FFmpegFrameRecorder recorder;
    private final Mat yuv = new Mat();
    private final int width;
    private final int height;
    private final EncodeSettings.Audio audio;
    private boolean finished;

    private VideoEncoder(FFmpegFrameRecorder recorder, int width, int height, EncodeSettings.Audio audio) {
        this.recorder = recorder;
        this.width = width;
        this.height = height;
        this.audio = audio;
    }

    public static VideoEncoder open(Path file, EncodeSettings settings) {
        FfmpegLog.configure();
        int w = settings.size().width();
        int h = settings.size().height();
        EncodeSettings.Audio audio = settings.audio();
        if (audio != null && settings.format() == OutputFormat.WEBM && audio.sampleRate() == 44_100) {
            throw new IllegalArgumentException("Opus cannot encode 44.1 kHz; use 48 kHz for WebM");
        }
        FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), w, h, audio == null ? 0 : audio.channels());
        r.setFrameRate(settings.fps());
        r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        Keyframes keys = settings.keyframes();
        r.setGopSize(keys.interval());
        switch (settings.format()) {
            case MP4 -> {
                r.setFormat("mp4");
                r.setVideoCodecName("libx264");
                r.setVideoOption("preset", "veryfast");
                r.setVideoOption("profile", "high");
                r.setVideoOption("crf", Integer.toString(settings.quality().x264Crf()));
                r.setVideoOption("x264-params", x264Params(keys, settings.quality().x264Crf(), settings.fps()));
                r.setOption("movflags", "+faststart");
            }
            case WEBM -> {
                r.setFormat("webm");
                r.setVideoCodecName("libvpx-vp9");
                r.setVideoBitrate(0);
                r.setVideoOption("crf", Integer.toString(settings.quality().vp9Crf()));
                // Realtime mode refreshes its golden frame and drifts in still areas: the decoded loop
                // pulses (seam 3-4x, still pixels 0.1-0.25 grey). "good" at its fastest setting does not.
                r.setVideoOption("deadline", "good");
                r.setVideoOption("cpu-used", "5");
                r.setVideoOption("row-mt", "1");
                r.setVideoOption("colorspace", "bt709");
                r.setVideoOption("color_primaries", "bt709");
                r.setVideoOption("color_trc", "bt709");
                // One keyframe per loop: no automatic ones, no periodic golden-frame refresh.
                r.setVideoOption("auto-alt-ref", "0");
            }
            default -> throw new IllegalArgumentException("not a video format: " + settings.format());
        }
        if (audio != null) configureAudio(r, settings.format(), audio);
        try {
            r.start();
        } catch (FFmpegFrameRecorder.Exception e) {
            closeQuietly(r);
            throw new LoopException(Kind.ENCODE_FAILED, "cannot start the " + settings.format() + " encoder: " + e.getMessage(), e);
        }
        return new VideoEncoder(r, w, h, audio);
    }

    /**
     * Keyframes exactly every interval (no scene-cut keyframes), colours tagged BT.709, and
     * steady rate control when several keyframes must draw still content alike.
     */
    static String x264Params(Keyframes keys, int crf, double fps) {
        String params = "keyint=" + keys.interval() + ":min-keyint=" + keys.interval() + ":scenecut=0"
                + ":colorprim=bt709:transfer=bt709:colormatrix=bt709:range=tv";
        if (keys.steady()) params += ":qcomp=1.0:ipratio=1.0:pbratio=1.0:aq-mode=0:mbtree=0";
        return keys.guarded() ? params + ":zones=" + zones(keys, crf, fps) : params;
    }

    /**
     * Quality where the picture meets a keyframe: the keyframe itself at a quantiser 16 below the
     * CRF, and the second and a half before it rising in six steps to eight times the bits, so
     * that the last inter frames and the keyframe approximate the picture equally closely (one
     * jump in quality would itself show as a step: 3.7x the median on a dim night loop). Measured on the
     * lake sample at 1080p (flow, 6 s, CRF 20), decoded seam ratio: 2.8 with one plain keyframe
     * (0.75 MB), 1.17 with a q-12 keyframe and 2x/4x over one second (1.9 MB), 1.05 with these
     * zones (3.1 MB, 4.2 Mb/s, what 1080p uploads to social sites are encoded at anyway).
     */
    static String zones(Keyframes keys, int crf, double fps) {
        int q = Math.max(1, crf - 16);
        double seconds = 1.5;
        double top = 8;
        int steps = 6;
        int ramp = (int) Math.max(steps, Math.min(Math.round(fps * seconds), keys.total() / 2));
        java.util.List<String> zones = new java.util.ArrayList<>();
        zones.add("0,0,q=" + q);
        java.util.List<Integer> ends = new java.util.ArrayList<>(keys.later());
        ends.add(keys.total());
        int previous = 0;
        for (int end : ends) {
            int start = Math.max(previous + 1, end - ramp);
            // A geometric ramp in a few steps: one jump in quality would itself show as a step.
            for (int i = 0; i < steps; i++) {
                int a = start + (end - start) * i / steps;
                int b = start + (end - start) * (i + 1) / steps - 1;
                if (b < a) continue;
                double factor = Math.pow(top, (i + 1.0) / steps);
                zones.add(a + "," + b + ",b=" + String.format(java.util.Locale.ROOT, "%.2f", factor));
            }
            if (end < keys.total()) zones.add(end + "," + end + ",q=" + q);
            previous = end;
        }
        return String.join("/", zones);
    }

    /**
     * AAC at 192 kb/s is transparent for music in stereo; Opus reaches the same at 128 kb/s. Both
     * encoders take float samples, so nothing is quantised before the codec does it.
     */
    private static void configureAudio(FFmpegFrameRecorder r, OutputFormat format, EncodeSettings.Audio audio) {
        r.setSampleRate(audio.sampleRate());
        r.setAudioChannels(audio.channels());
        if (format == OutputFormat.MP4) {
            r.setAudioCodecName("aac");
            r.setAudioBitrate(192_000);
            r.setSampleFormat(avutil.AV_SAMPLE_FMT_FLTP);
        } else {
            r.setAudioCodecName("libopus");
            r.setAudioBitrate(128_000);
            r.setSampleFormat(avutil.AV_SAMPLE_FMT_FLT);
        }
    }

    /** Whether this file has an audio stream that {@link #writeAudio} feeds. */
    public boolean hasAudio() {
        return audio != null;
    }

    /**
     * Appends {@code frames} sample frames of interleaved float audio (-1..1) in the layout of
     * {@link EncodeSettings#audio()}. Audio and video are interleaved by their timestamps, so the
     * caller may write audio in any chunk size, e.g. one video frame's worth after each frame.
     */
    public void writeAudio(float[] interleaved, int frames) {
        if (audio == null) throw new IllegalStateException("this encoder was opened without an audio stream");
        if (frames <= 0) return;
        try {
            recorder.recordSamples(audio.sampleRate(), audio.channels(), FloatBuffer.wrap(interleaved, 0, frames * audio.channels()));
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new LoopException(Kind.ENCODE_FAILED, "encoding the audio failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void write(Mat bgr) {
        if (bgr.cols() != width || bgr.rows() != height) {
            throw new IllegalArgumentException("frame " + bgr.cols() + "x" + bgr.rows() + ", encoder " + width + "x" + height);
        }
        Bt709.toI420(bgr, yuv);
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
