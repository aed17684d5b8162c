package io.imageloop.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageloop.engine.frame.Fitting;

import java.util.Map;

/**
 * A video file played as it is ({@code kind: clip}), from its start, repeated when the segment
 * is longer than the clip. Its own sound is not used: sound comes from audio tracks.
 */
public record VideoClip(String media, String name, Fitting fitting, Map<String, JsonNode> extra) implements VideoContent {

    public static final String KIND = "clip";

    public VideoClip {
        if (fitting == null) fitting = Fitting.COVER;
        extra = Extras.copy(extra);
    }

    public static VideoClip of(String media) {
        return new VideoClip(media, null, Fitting.COVER, Map.of());
    }

    @Override
    public String kind() {
        return KIND;
    }
}
