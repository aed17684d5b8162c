package io.imageloop.timeline;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Turns a segment's {@code media} (a media id the server handed out, or a file path) into a
 * readable file. Implementations throw a {@link LoopException} with a one-line message naming the
 * reference when it is unknown; validation reports that message at the segment's path.
 */
@FunctionalInterface
public interface MediaResolver {

    Path resolve(String mediaRef);

    /**
     * File paths, relative ones taken from {@code baseDir} (the draft file's folder for drafts on
     * disk). Absolute paths are used as they are.
     */
    static MediaResolver relativeTo(Path baseDir) {
        return ref -> {
            Path file;
            try {
                file = baseDir.resolve(ref).normalize();
            } catch (InvalidPathException e) {
                throw new LoopException(Kind.INPUT_NOT_FOUND, "unknown media '" + ref + "': not a file path");
            }
            if (!Files.isRegularFile(file)) {
                throw new LoopException(Kind.INPUT_NOT_FOUND, "unknown media '" + ref + "': no such file " + file);
            }
            if (!Files.isReadable(file)) {
                throw new LoopException(Kind.INPUT_NOT_FOUND, "media '" + ref + "' is not readable: " + file);
            }
            return file;
        };
    }

    /** Media ids mapped to files, e.g. the uploads of a session. */
    static MediaResolver ofIds(Map<String, Path> files) {
        Map<String, Path> copy = Map.copyOf(files);
        return ref -> {
            Path file = copy.get(ref);
            if (file == null) throw new LoopException(Kind.INPUT_NOT_FOUND, "unknown media '" + ref + "'");
            return file;
        };
    }

    /** This resolver, and {@code next} for references this one does not know. */
    default MediaResolver orElse(MediaResolver next) {
        return ref -> {
            try {
                return resolve(ref);
            } catch (LoopException e) {
                if (e.kind() != Kind.INPUT_NOT_FOUND) throw e;
                return next.resolve(ref);
            }
        };
    }
}
