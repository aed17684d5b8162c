package io.imageloop.engine.encode;

import io.imageloop.engine.frame.FrameSize;

/**
 * What the encoder needs to know about the frames it will receive.
 *
 * @param audio the audio stream to add next to the video, or null for a silent file (the default:
 *              loops made from a single photo have no sound). GIF ignores it.
 */
public record EncodeSettings(OutputFormat format, FrameSize size, double fps, Quality quality, Audio audio, Keyframes keyframes) {

    /** A silent video of one loop: a single keyframe, at its start. */
    public EncodeSettings(OutputFormat format, FrameSize size, double fps, Quality quality, int loopFrames) {
        this(format, size, fps, quality, null, Keyframes.oneLoop(loopFrames));
    }

    public EncodeSettings {
        if (keyframes == null) throw new IllegalArgumentException("keyframes");
    }

    public EncodeSettings withAudio(Audio v) {
        return new EncodeSettings(format, size, fps, quality, v, keyframes);
    }

    public EncodeSettings withKeyframes(Keyframes v) {
        return new EncodeSettings(format, size, fps, quality, audio, v);
    }

    public boolean hasAudio() {
        return audio != null;
    }

    /**
     * The audio stream's layout. Samples reach the encoder as interleaved 32-bit floats in this
     * layout; MP4 gets AAC, WebM gets Opus.
     */
    public record Audio(int sampleRate, int channels) {

        /** 48 kHz stereo: what Opus runs at natively and what video players expect. */
        public static final Audio STEREO_48K = new Audio(48_000, 2);

        public Audio {
            if (channels < 1 || channels > 2) throw new IllegalArgumentException("audio channels " + channels);
            if (sampleRate != 48_000 && sampleRate != 44_100 && sampleRate != 24_000 && sampleRate != 16_000) {
                throw new IllegalArgumentException("audio sample rate " + sampleRate);
            }
        }
    }
}
