package io.imageloop.timeline.audio;

import io.imageloop.engine.LoopException;
import io.imageloop.timeline.AudioClip;
import io.imageloop.timeline.Fade;

import java.nio.file.Path;

/**
 * One audio segment in the mix: its file from the offset, trimmed or repeated to the segment's
 * length, at its volume with its fades. The file is opened when the segment starts playing and
 * closed when it ends, so only the sounds being heard hold a decoder.
 */
final class AudioVoice implements AutoCloseable {

    private final AudioClip clip;
    private final Path file;
    private final String path;
    private final long start;
    private final long length;
    private final double fadeIn;
    private final double fadeOut;
    private AudioDecoder decoder;
    private float[] scratch = new float[0];
    private boolean done;

    /**
     * @param start  first sample on the draft's clock
     * @param length samples the segment lasts
     * @param path   the segment's draft path, for messages
     */
    AudioVoice(AudioClip clip, Path file, long start, long length, String path) {
        this.clip = clip;
        this.file = file;
        this.path = path;
        this.start = start;
        this.length = length;
        this.fadeIn = samples(clip.fadeInMs());
        this.fadeOut = samples(clip.fadeOutMs());
    }

    long start() {
        return start;
    }

    long end() {
        return start + length;
    }

    /** Adds this voice to the interleaved stereo {@code mix} holding draft samples [from, from + frames). */
    void mixInto(float[] mix, long from, int frames) {
        long a = Math.max(from, start);
        long b = Math.min(from + frames, end());
        if (a >= b || done) return;
        int n = (int) (b - a);
        int channels = AudioMixer.CHANNELS;
        if (scratch.length < n * channels) scratch = new float[n * channels];
        if (decoder == null) decoder = open();
        decoder.read(scratch, 0, n);
        int out = (int) (a - from) * channels;
        for (int i = 0; i < n; i++) {
            float gain = (float) (clip.volume() * Fade.gain(a + i - start + 0.5, length, fadeIn, fadeOut));
            for (int c = 0; c < channels; c++) mix[out + i * channels + c] += scratch[i * channels + c] * gain;
        }
        if (b >= end()) close();
    }

    private AudioDecoder open() {
        try {
            return new AudioDecoder(file, samples(clip.offsetMs()));
        } catch (LoopException e) {
            throw new LoopException(e.kind(), path + ": " + e.getMessage(), e);
        }
    }

    static long samples(long ms) {
        return Math.round(ms * (AudioMixer.SAMPLE_RATE / 1000.0));
    }

    @Override
    public void close() {
        done = true;
        if (decoder != null) {
            decoder.close();
            decoder = null;
        }
    }
}
