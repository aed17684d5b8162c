package io.imageloop.timeline.audio;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import io.imageloop.engine.encode.FfmpegLog;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Streams a sound file (mp3, wav, m4a, aac, ogg, or a video's sound) as interleaved float
 * samples at the mix rate, starting {@code offset} samples in and starting over from there when
 * the file ends, so a short jingle fills a long segment. FFmpeg decodes and resamples; only one
 * decoded packet is held at a time, so memory does not grow with the file or the draft.
 */
final class AudioDecoder implements AutoCloseable {

    private final Path file;
    private final long offset;
    private final FFmpegFrameGrabber grabber;
    /** 1 for mono files (spread to both channels here), else 2 (FFmpeg downmixes surround). */
    private final int sourceChannels;
    private float[] decoded = new float[0];
    private float[] pending = new float[0];
    private int pendingPos;
    private int pendingLen;
    /** Samples of the current pass decoded so far, counted from the file's start. */
    private long passPosition;
    /** Whether the current pass has produced any sample at or after the offset. */
    private boolean passProduced;

    AudioDecoder(Path file, long offsetSamples) {
        FfmpegLog.configure();
        this.file = file;
        this.offset = offsetSamples;
        this.grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setSampleRate(AudioMixer.SAMPLE_RATE);
        grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_FLT);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            release();
            throw new LoopException(Kind.UNSUPPORTED_FORMAT, file.getFileName() + " cannot be read as sound: " + e.getMessage(), e);
        }
        if (!grabber.hasAudio()) {
            release();
            throw new LoopException(Kind.UNSUPPORTED_FORMAT, file.getFileName() + " has no audio stream");
        }
        // FFmpeg's mono-to-stereo matrix lowers the level by 3 dB; a mono recording should play as
        // loud as it is, so mono is decoded as mono and copied to both channels.
        this.sourceChannels = grabber.getAudioChannels() == 1 ? 1 : AudioMixer.CHANNELS;
        grabber.setAudioChannels(sourceChannels);
    }

    /** Fills {@code frames} stereo sample frames of {@code dst} from {@code at} (in frames). */
    void read(float[] dst, int at, int frames) {
        int channels = AudioMixer.CHANNELS;
        int filled = 0;
        while (filled < frames) {
            if (pendingPos >= pendingLen) {
                decodeNext();
                continue;
            }
            int n = Math.min(frames - filled, (pendingLen - pendingPos) / channels);
            System.arraycopy(pending, pendingPos, dst, (at + filled) * channels, n * channels);
            pendingPos += n * channels;
            filled += n;
        }
    }

    /** Decodes the next packet into {@code pending}, skipping what lies before the offset; wraps at the end. */
    private void decodeNext() {
        Frame frame;
        try {
            frame = grabber.grabSamples();
        } catch (FrameGrabber.Exception e) {
            throw new LoopException(Kind.CORRUPT_INPUT, file.getFileName() + " could not be decoded: " + e.getMessage(), e);
        }
        if (frame == null || frame.samples == null) {
            if (frame == null) startOver();
            return;
        }
        FloatBuffer samples = (FloatBuffer) frame.samples[0];
        int channels = AudioMixer.CHANNELS;
        int framesIn = samples.remaining() / sourceChannels;
        int count = framesIn * channels;
        if (pending.length < count) pending = new float[count];
        if (sourceChannels == channels) {
            samples.get(pending, 0, count);
        } else {
            if (decoded.length < framesIn) decoded = new float[framesIn];
            samples.get(decoded, 0, framesIn);
            for (int i = 0; i < framesIn; i++) pending[2 * i] = pending[2 * i + 1] = decoded[i];
        }
        long skip = Math.max(0, Math.min(framesIn, offset - passPosition));
        passPosition += framesIn;
        pendingPos = (int) skip * channels;
        pendingLen = count;
        if (pendingPos < pendingLen) passProduced = true;
    }

    /** Back to the offset for the next pass; a pass that produced nothing means the offset is past the end. */
    private void startOver() {
        if (!passProduced) {
            throw new LoopException(Kind.INVALID_PARAMETER, String.format(Locale.ROOT, "offset %d ms is past the end of %s (%.1f s long)",
                    offset * 1000 / AudioMixer.SAMPLE_RATE, file.getFileName(), passPosition / (double) AudioMixer.SAMPLE_RATE));
        }
        try {
            // A fresh start is exact for every format; seeking in VBR mp3 or ogg lands only near the target.
            grabber.restart();
        } catch (FrameGrabber.Exception e) {
            throw new LoopException(Kind.CORRUPT_INPUT, file.getFileName() + " could not be read again to loop it: " + e.getMessage(), e);
        }
        passPosition = 0;
        passProduced = false;
    }

    private void release() {
        try {
            grabber.release();
        } catch (FrameGrabber.Exception ignored) {
            // nothing was produced from it
        }
    }

    @Override
    public void close() {
        try {
            grabber.stop();
        } catch (FrameGrabber.Exception ignored) {
            // releasing below frees what stop() could not
        }
        release();
    }
}
