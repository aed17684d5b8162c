package io.imageloop.timeline;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * Sound from a file (mp3, wav, m4a, aac, ogg, or the sound of a video file) on an audio track.
 * Playback starts {@code offsetMs} into the file and repeats from there when the file ends before
 * the segment does.
 *
 * @param name   display name, or null
 * @param volume linear gain, 0..2 (1 leaves the file as it is)
 */
public record AudioClip(String media, String name, double volume, long fadeInMs, long fadeOutMs, long offsetMs,
                        Map<String, JsonNode> extra) implements SegmentContent {

    public AudioClip {
        extra = Extras.copy(extra);
    }

    public static AudioClip of(String media, double volume) {
        return new AudioClip(media, null, volume, 0, 0, 0, Map.of());
    }

    public AudioClip withVolume(double v) {
        return new AudioClip(media, name, v, fadeInMs, fadeOutMs, offsetMs, extra);
    }

    public AudioClip withFades(long in, long out) {
        return new AudioClip(media, name, volume, in, out, offsetMs, extra);
    }

    public AudioClip withName(String v) {
        return new AudioClip(media, v, volume, fadeInMs, fadeOutMs, offsetMs, extra);
    }

    public AudioClip withOffsetMs(long v) {
        return new AudioClip(media, name, volume, fadeInMs, fadeOutMs, v, extra);
    }

    @Override
    public TrackType trackType() {
        return TrackType.AUDIO;
    }
}
