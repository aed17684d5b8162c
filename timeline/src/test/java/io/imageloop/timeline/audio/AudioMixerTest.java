package io.imageloop.timeline.audio;

import io.imageloop.engine.LoopException;
import io.imageloop.timeline.AudioClip;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.DraftMeta;
import io.imageloop.timeline.MediaResolver;
import io.imageloop.timeline.Segment;
import io.imageloop.timeline.TestMedia;
import io.imageloop.timeline.Track;
import io.imageloop.timeline.TrackType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

/** The mix itself, before any encoder: exact levels, fades, looping and offsets. */
class AudioMixerTest {

    private static final int RATE = AudioMixer.SAMPLE_RATE;

    @TempDir
    static Path dir;
    private static MediaResolver media;

    @BeforeAll
    static void makeSounds() throws Exception {
        media = MediaResolver.ofIds(Map.of(
                "tone", TestMedia.sineWav(dir.resolve("tone.wav"), 1.0, 440, 0.5),
                // Half a second of silence, then half a second of tone.
                "late", TestMedia.sineWav(dir.resolve("late.wav"), 0.5, 0.5, 440, 0.5),
                "ogg", Path.of("..", "samples", "frozen-bubble-intro-music.ogg").toAbsolutePath().normalize()));
    }

    private static float[] mix(long ms, AudioClip... clips) {
        Track[] tracks = Arrays.stream(clips)
                .map(c -> new Track(TrackType.AUDIO, null, List.of(new Segment(0, ms, c))))
                .toArray(Track[]::new);
        Draft draft = new Draft(ms, DraftMeta.defaults(), List.of(tracks));
        int frames = (int) (ms * RATE / 1000);
        float[] out = new float[frames * 2];
        try (AudioMixer mixer = AudioMixer.of(draft, media)) {
            // In odd-sized chunks, as a renderer at 29.97 fps would ask.
            float[] chunk = new float[1601 * 2];
            for (int at = 0; at < frames; at += 1601) {
                int n = Math.min(1601, frames - at);
                mixer.read(at, chunk, n);
                System.arraycopy(chunk, 0, out, at * 2, n * 2);
            }
        }
        return out;
    }

    private static double rms(float[] s, double from, double to) {
        int a = (int) (from * RATE) * 2;
        int b = (int) (to * RATE) * 2;
        double sum = 0;
        for (int i = a; i < b; i++) sum += s[i] * s[i];
        return Math.sqrt(sum / (b - a));
    }

    @Test
    void volumeIsALinearGain() {
        double full = rms(mix(1000, AudioClip.of("tone", 1.0)), 0.1, 0.9);
        double quiet = rms(mix(1000, AudioClip.of("tone", 0.35)), 0.1, 0.9);
        assertThat(full).isCloseTo(0.5 / Math.sqrt(2), offset(0.03));
        assertThat(quiet / full).isCloseTo(0.35, offset(0.002));
    }

    @Test
    void aShortFileRepeatsWithoutGaps() {
        float[] s = mix(3000, AudioClip.of("tone", 1.0));
        double whole = rms(s, 0, 3);
        for (double t = 0; t < 2.99; t += 0.01) {
            assertThat(rms(s, t, t + 0.01)).as("10 ms at %.2f s", t).isGreaterThan(whole * 0.8);
        }
    }

    @Test
    void offsetSkipsTheStartAndLoopsFromThere() {
        float[] fromStart = mix(2000, AudioClip.of("late", 1.0));
        float[] fromOffset = mix(2000, AudioClip.of("late", 1.0).withOffsetMs(500));
        assertThat(rms(fromStart, 0.05, 0.45)).isLessThan(0.001);
        assertThat(rms(fromOffset, 0.05, 0.45)).isGreaterThan(0.3);
        // The 0.5 s that remain after the offset repeat: never silent.
        assertThat(rms(fromOffset, 0.55, 0.95)).isGreaterThan(0.3);
        assertThat(rms(fromOffset, 1.55, 1.95)).isGreaterThan(0.3);
    }

    @Test
    void fadesRampTheGain() {
        float[] s = mix(2000, AudioClip.of("tone", 1.0).withFades(500, 1000));
        double steady = rms(s, 0.5, 1.0);
        assertThat(rms(s, 0, 0.02)).isLessThan(steady * 0.05);
        assertThat(rms(s, 0.24, 0.26) / steady).isCloseTo(0.5, offset(0.05));
        assertThat(rms(s, 1.49, 1.51) / steady).isCloseTo(0.5, offset(0.05));
        assertThat(rms(s, 1.98, 2.0)).isLessThan(steady * 0.05);
    }

    @Test
    void segmentsAddUpAndPeaksAreLimited() {
        double one = rms(mix(1000, AudioClip.of("tone", 0.8)), 0.1, 0.9);
        double two = rms(mix(1000, AudioClip.of("tone", 0.4), AudioClip.of("tone", 0.4)), 0.1, 0.9);
        assertThat(two).isCloseTo(one, offset(0.002));
        float[] loud = mix(1000, AudioClip.of("tone", 2), AudioClip.of("tone", 2), AudioClip.of("tone", 2));
        float peak = 0;
        for (float v : loud) peak = Math.max(peak, Math.abs(v));
        assertThat(peak).isLessThanOrEqualTo(1f).isGreaterThan(0.95f);
    }

    @Test
    void decodesOggVorbisAt44kIntoTheMix() {
        float[] s = mix(1500, AudioClip.of("ogg", 1.0).withOffsetMs(5000));
        assertThat(rms(s, 0, 1.5)).isGreaterThan(0.02);
    }

    @ParameterizedTest
    @CsvSource({"tone.mp3, mp3, libmp3lame", "tone.m4a, ipod, aac", "tone.aac, adts, aac"})
    void decodesCompressedMusicFormats(String name, String format, String codec) throws Exception {
        Path file = TestMedia.encodedTone(dir.resolve(name), format, codec, 1.0, 0.5);
        MediaResolver files = MediaResolver.ofIds(Map.of("tone", file));
        Draft draft = new Draft(1000, DraftMeta.defaults(), List.of(
                new Track(TrackType.AUDIO, null, List.of(new Segment(0, 1000, AudioClip.of("tone", 1.0))))));
        float[] s = new float[RATE * 2];
        try (AudioMixer mixer = AudioMixer.of(draft, files)) {
            mixer.read(0, s, RATE);
        }
        assertThat(rms(s, 0.2, 0.8)).isCloseTo(0.5 / Math.sqrt(2), offset(0.02));
    }

    @Test
    void anOffsetPastTheEndIsReported() {
        assertThatThrownBy(() -> mix(500, AudioClip.of("tone", 1.0).withOffsetMs(5000)))
                .isInstanceOf(LoopException.class)
                .hasMessage("offset 5000 ms is past the end of tone.wav (1.0 s long)");
    }
}
