package io.imageloop.timeline;

import java.util.Locale;

/** What a track holds; {@link #code()} is the {@code tt} number in the draft JSON. */
public enum TrackType {
    VIDEO(0, "Video"), AUDIO(1, "Audio"), TEXT(7, "Text");

    private final int code;
    private final String defaultName;

    TrackType(int code, String defaultName) {
        this.code = code;
        this.defaultName = defaultName;
    }

    public int code() {
        return code;
    }

    /** The name a track of this type is shown with when its {@code m.name} is missing. */
    public String defaultName() {
        return defaultName;
    }

    /** The type for a {@code tt} code, or null when the code is not one of ours. */
    public static TrackType ofCode(int code) {
        for (TrackType t : values()) {
            if (t.code == code) return t;
        }
        return null;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
