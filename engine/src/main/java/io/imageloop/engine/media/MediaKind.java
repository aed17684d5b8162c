package io.imageloop.engine.media;

import java.util.Locale;

/** What a file holds, judged by content: a still picture, moving pictures, or sound only. */
public enum MediaKind {
    PHOTO("image"),
    CLIP("video"),
    AUDIO("audio");

    private final String wireName;

    MediaKind(String wireName) {
        this.wireName = wireName;
    }

    /** The name the HTTP API uses: image, video or audio. */
    public String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
