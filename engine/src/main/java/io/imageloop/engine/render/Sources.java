package io.imageloop.engine.render;

import io.imageloop.engine.LoopSettings;
import io.imageloop.engine.clip.ClipLoop;
import io.imageloop.engine.media.MediaDoor;
import io.imageloop.engine.source.PhotoLoader;

import java.nio.file.Path;

/**
 * Opens the right frame source for an input file, judged by its content: video clips (MP4,
 * QuickTime, WebM, Matroska, AVI and animated GIFs) are looped as clips, everything else is
 * treated as a photo (which refuses what it cannot read).
 */
public final class Sources {

    private Sources() {
    }

    public static FrameSource open(Path input, LoopSettings settings, PhotoLoader loader) {
        if (MediaDoor.isClip(input)) return ClipLoop.of(input, settings);
        return PreparedLoop.of(input, settings, loader);
    }
}
