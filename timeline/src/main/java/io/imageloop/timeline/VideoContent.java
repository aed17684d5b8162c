package io.imageloop.timeline;

import io.imageloop.engine.frame.Fitting;

/** A video track segment: a photo made into a loop, or a video clip. Both fill the whole frame. */
public sealed interface VideoContent extends SegmentContent permits VideoLoop, VideoClip {

    /** Media id or file path, as given; a {@link MediaResolver} turns it into a file. */
    String media();

    /** Display name ({@code m.name}), or null. */
    String name();

    Fitting fitting();

    /** The JSON {@code kind}. */
    String kind();

    @Override
    default TrackType trackType() {
        return TrackType.VIDEO;
    }
}
