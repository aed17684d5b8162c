package io.imageloop.server.preview;

import io.imageloop.timeline.MediaResolver;

import java.nio.file.Path;

/**
 * Draws previews: a still poster frame (quick, shown first) and the looping video. Both write
 * to the given file only when complete; an interrupted thread ends a render early.
 */
public interface PreviewRenderer {

    void poster(PreviewTarget target, MediaResolver media, Path jpg);

    void loop(PreviewTarget target, MediaResolver media, Path mp4);
}
