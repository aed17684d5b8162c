package io.imageloop.engine.encode;

import java.nio.file.Path;

/** Opens the sink for a format. */
public final class Encoders {

    private Encoders() {
    }

    public static FrameSink open(Path file, EncodeSettings settings) {
        return switch (settings.format()) {
            case MP4, WEBM -> VideoEncoder.open(file, settings);
            case GIF -> GifEncoder.open(file, settings);
        };
    }
}
