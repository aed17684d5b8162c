package io.imageloop.timeline.render;

import io.imageloop.engine.encode.OutputFormat;
import io.imageloop.engine.encode.Quality;

/**
 * How to export a draft: container, encoder quality, and the short side in pixels (1080 for the
 * product's exports; smaller for previews and tests). The shape comes from the draft's aspect.
 */
public record RenderOptions(OutputFormat format, Quality quality, int resolution) {

    public static final int DEFAULT_RESOLUTION = 1080;

    public static RenderOptions of(OutputFormat format) {
        return new RenderOptions(format, Quality.STANDARD, DEFAULT_RESOLUTION);
    }

    public RenderOptions withQuality(Quality v) {
        return new RenderOptions(format, v, resolution);
    }

    public RenderOptions withResolution(int v) {
        return new RenderOptions(format, quality, v);
    }
}
