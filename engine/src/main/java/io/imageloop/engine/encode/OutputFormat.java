package io.imageloop.engine.encode;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;

import java.nio.file.Path;
import java.util.Locale;

/** Containers the engine writes. */
public enum OutputFormat {
    MP4("mp4"), WEBM("webm"), GIF("gif");

    private final String extension;

    OutputFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public static OutputFormat parse(String text) {
        for (OutputFormat f : values()) {
            if (f.extension.equalsIgnoreCase(text.trim())) return f;
        }
        throw new LoopException(Kind.INVALID_PARAMETER, "unknown format '" + text + "'; use mp4, webm or gif");
    }

    /** The format a file name asks for, or null when its extension is not one of ours. */
    public static OutputFormat ofFileName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (OutputFormat f : values()) {
            if (name.endsWith("." + f.extension)) return f;
        }
        return null;
    }

    @Override
    public String toString() {
        return extension;
    }
}
