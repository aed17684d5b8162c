package io.imageloop.timeline;

import io.imageloop.engine.encode.EncodeSettings;
import io.imageloop.engine.encode.OutputFormat;
import io.imageloop.engine.encode.Quality;
import io.imageloop.engine.encode.VideoEncoder;
import io.imageloop.engine.frame.FrameSize;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

/** Small media files made on the spot, so tests know exactly what went in. */
public final class TestMedia {

    private TestMedia() {
    }

    /** A mono 16-bit WAV at 44.1 kHz (so the mixer has to resample and upmix): a sine at the given amplitude. */
    public static Path sineWav(Path file, double seconds, double hz, double amplitude) throws IOException {
        return sineWav(file, 0, seconds, hz, amplitude);
    }

    /** Like {@link #sineWav(Path, double, double, double)} after {@code silence} seconds of silence. */
    public static Path sineWav(Path file, double silence, double seconds, double hz, double amplitude) throws IOException {
        int rate = 44_100;
        int quiet = (int) Math.round(silence * rate);
        int n = quiet + (int) Math.round(seconds * rate);
        byte[] pcm = new byte[n * 2];
        for (int i = quiet; i < n; i++) {
            short v = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * hz * (i - quiet) / rate));
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, n)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    /**
     * A stereo sine encoded by FFmpeg into {@code file}, e.g. format "mp3" with codec "libmp3lame",
     * "ipod" (m4a) or "adts" (raw .aac) with "aac": the compressed formats users upload as music.
     */
    public static Path encodedTone(Path file, String format, String codec, double seconds, double amplitude) throws Exception {
        int rate = 44_100;
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), 2)) {
            r.setFormat(format);
            r.setAudioCodecName(codec);
            r.setSampleRate(rate);
            r.setAudioBitrate(128_000);
            r.start();
            int n = (int) (seconds * rate);
            float[] pcm = new float[n * 2];
            for (int i = 0; i < n; i++) pcm[2 * i] = pcm[2 * i + 1] = (float) (amplitude * Math.sin(2 * Math.PI * 440 * i / rate));
            r.recordSamples(rate, 2, FloatBuffer.wrap(pcm));
            r.stop();
        }
        return file;
    }

    /**
     * A silent MP4 clip whose frame i is a flat grey of level {@code 20 + 40 * i}: which clip frame
     * shows in an output frame can be read back from its brightness.
     */
    public static Path greyRampClip(Path file, int frames, double fps, FrameSize size) {
        try (VideoEncoder encoder = VideoEncoder.open(file, new EncodeSettings(OutputFormat.MP4, size, fps, Quality.HIGH, frames))) {
            for (int i = 0; i < frames; i++) {
                try (Scalar grey = Scalar.all(20 + 40 * i); Mat frame = new Mat(size.height(), size.width(), CV_8UC3, grey)) {
                    encoder.write(frame);
                }
            }
            encoder.finish();
        }
        return file;
    }
}
