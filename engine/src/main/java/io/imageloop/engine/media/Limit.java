package io.imageloop.engine.media;

/**
 * Everything that comes in has a bound, checked before work starts. Each limit has a name so
 * that the service can answer with a code of its own and the CLI with one plain line.
 */
public enum Limit {
    /** Pixels of a still picture (a photo, a mask, a GIF's screen), read from its header. */
    PHOTO_PIXELS,
    /** Pixels of one frame of a video clip, read from its stream header. */
    VIDEO_PIXELS,
    /** Bytes of a draft's JSON. */
    DRAFT_BYTES,
    /** Segments of a draft, all tracks together. */
    SEGMENTS,
    /** Tracks of a draft. */
    TRACKS,
    /** Characters of one text overlay. */
    TEXT_LENGTH,
    /** Lines of one text overlay. */
    TEXT_LINES,
    /** Characters of one chat message. */
    MESSAGE_LENGTH
}
