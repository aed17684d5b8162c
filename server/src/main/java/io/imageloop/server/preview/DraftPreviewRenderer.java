package io.imageloop.server.preview;

import io.imageloop.engine.encode.OutputFormat;
import io.imageloop.engine.encode.Quality;
import io.imageloop.timeline.MediaResolver;
import io.imageloop.timeline.render.DraftRenderer;
import io.imageloop.timeline.render.RenderOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Previews through the timeline's compositor, the one exports use: the same recipe renders the
 * same motion, only smaller (480p) and with the draft quality of the encoder.
 */
public final class DraftPreviewRenderer implements PreviewRenderer {

    private final DraftRenderer renderer = new DraftRenderer();

    @Override
    public void poster(PreviewTarget target, MediaResolver media, Path jpg) {
        // The first frame: a loop starts and ends on the photo itself, so it is what plays first.
        Path part = jpg.resolveSibling("." + jpg.getFileName() + ".part.jpg");
        renderer.snapshot(target.draft(), media, options(target, OutputFormat.MP4), 0, part);
        try {
            Files.move(part, jpg, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the poster " + jpg, e);
        }
    }

    @Override
    public void loop(PreviewTarget target, MediaResolver media, Path mp4) {
        renderer.render(target.draft(), media, mp4, options(target, OutputFormat.MP4), (done, total) -> { });
    }

    private static RenderOptions options(PreviewTarget target, OutputFormat format) {
        return RenderOptions.of(format).withQuality(Quality.DRAFT).withResolution(target.resolution());
    }
}
