package io.imageloop.timeline.audio;

import io.imageloop.timeline.AudioClip;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.MediaResolver;
import io.imageloop.timeline.Segment;
import io.imageloop.timeline.Track;
import io.imageloop.timeline.TrackType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The draft's sound: every audio segment decoded at 48 kHz stereo, gained, faded and summed,
 * produced in order in chunks of any size (the renderer asks for one video frame's worth at a
 * time). Sums that exceed full scale go through a soft limiter instead of clipping.
 */
public final class AudioMixer implements AutoCloseable {

    public static final int SAMPLE_RATE = 48_000;
    public static final int CHANNELS = 2;
    /** Below this level the mix passes unchanged; above it, peaks bend smoothly towards 1. */
    private static final float KNEE = 0.9f;

    private final List<AudioVoice> voices;

    private AudioMixer(List<AudioVoice> voices) {
        this.voices = voices;
    }

    /** The mixer for a draft's audio tracks; media are resolved now, files opened as they play. */
    public static AudioMixer of(Draft draft, MediaResolver media) {
        List<AudioVoice> voices = new ArrayList<>();
        for (int i = 0; i < draft.tracks().size(); i++) {
            Track track = draft.tracks().get(i);
            if (track.type() != TrackType.AUDIO) continue;
            for (int j = 0; j < track.segments().size(); j++) {
                Segment s = track.segments().get(j);
                AudioClip clip = (AudioClip) s.content();
                if (clip.volume() <= 0) continue;
                long start = AudioVoice.samples(s.startMs());
                long end = Math.min(AudioVoice.samples(s.endMs()), AudioVoice.samples(draft.durationMs()));
                if (end <= start) continue;
                voices.add(new AudioVoice(clip, media.resolve(clip.media()), start, end - start, "t[" + i + "].sg[" + j + "]"));
            }
        }
        return new AudioMixer(voices);
    }

    /** True when nothing is audible: the file should then have no audio stream at all. */
    public boolean isEmpty() {
        return voices.isEmpty();
    }

    /**
     * Writes the mix of draft samples [from, from + frames) into {@code out} as interleaved stereo.
     * Calls must move forward in time: decoders stream and do not seek back.
     */
    public void read(long from, float[] out, int frames) {
        Arrays.fill(out, 0, frames * CHANNELS, 0f);
        for (AudioVoice v : voices) v.mixInto(out, from, frames);
        for (int i = 0; i < frames * CHANNELS; i++) out[i] = limit(out[i]);
    }

    static float limit(float x) {
        float a = Math.abs(x);
        if (a <= KNEE) return x;
        float bent = KNEE + (1 - KNEE) * (float) Math.tanh((a - KNEE) / (1 - KNEE));
        return Math.copySign(bent, x);
    }

    @Override
    public void close() {
        for (AudioVoice v : voices) v.close();
    }
}
