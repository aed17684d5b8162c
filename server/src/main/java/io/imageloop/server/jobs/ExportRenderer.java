package io.imageloop.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;

/**
 * Turns a draft into a video file. The export job only knows this interface, so a full
 * timeline compositor can replace the single-loop renderer without touching jobs or HTTP.
 */
public interface ExportRenderer {

    /**
     * Renders {@code draft} to {@code output} (mp4, webm or gif), reporting progress 0..1.
     * Throws {@link DraftException} when the draft cannot be rendered; an interrupted thread
     * ends the render early with {@link io.imageloop.engine.LoopException.Kind#CANCELLED}.
     *
     * @return the written file
     */
    Path render(JsonNode draft, MediaLookup media, Path output, String format, java.util.function.DoubleConsumer progress);

    /** Checks before queueing that {@link #render} would accept the draft; throws {@link DraftException} if not. */
    default void validate(JsonNode draft, MediaLookup media) {
    }

    /** What rendering the draft costs, for its time limit; null for no limit. */
    default RenderBudget budget(JsonNode draft) {
        return null;
    }

    /** How long the exported video will be, for pricing. */
    long outputMillis(JsonNode draft);

    /** The output quality preset (draft, standard, high); renderers may ignore it. */
    default ExportRenderer withQuality(String quality) {
        return this;
    }
}
