package io.imageloop.timeline;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** What a segment plays: the typed form of the segment's {@code m}. */
public sealed interface SegmentContent permits VideoContent, AudioClip, TextClip {

    /** Keys of the segment's {@code m} this build does not interpret, kept for round trips. */
    Map<String, JsonNode> extra();

    /** The track type this content belongs on. */
    TrackType trackType();
}
