package io.imageloop.server.jobs;

import java.nio.file.Path;
import java.util.Optional;

/** The media a draft may use: only the files of the draft's own session. */
@FunctionalInterface
public interface MediaLookup {

    /** A stored media file, readable at {@code path}. {@code kind} is image, video or audio. */
    record MediaFile(String id, String kind, String format, Path path, Long durationMs) {
    }

    Optional<MediaFile> find(String mediaId);
}
