package io.imageloop.engine.render;

import io.imageloop.engine.LoopSettings;
import io.imageloop.engine.source.PhotoLoader;

import java.nio.file.Path;

/** Opens the right frame source for an input file, judged by its content. */
public final class Sources {

    private Sources() {
    }

    public static FrameSource open(Path input, LoopSettings settings, PhotoLoader loader) {
        return PreparedLoop.of(input, settings, loader);
    }
}
