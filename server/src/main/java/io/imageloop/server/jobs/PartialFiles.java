package io.imageloop.server.jobs;

import io.imageloop.engine.render.OutputFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Hidden temporaries of renders ({@code .JOBKEY.mp4…partial}) that a killed process left in
 * {@code renders/}. Several processes may share the folder, so a sweep only takes what nobody
 * can still be writing: temporaries of jobs that are finished or unknown, or untouched for long.
 */
final class PartialFiles {

    private static final Logger LOG = LoggerFactory.getLogger(PartialFiles.class);
    /** Encoders write continuously; a temporary this old belongs to no running render. */
    static final Duration STALE = Duration.ofMinutes(10);

    private PartialFiles() {
    }

    /** The job a temporary belongs to, or null when the name is not one of ours. */
    static String jobKeyOf(Path file) {
        String name = file.getFileName().toString();
        if (!name.startsWith(".") || !name.endsWith(OutputFile.PARTIAL)) return null;
        int dot = name.indexOf('.', 1);
        return dot > 1 ? name.substring(1, dot) : null;
    }

    /** Deletes temporaries of one job: a new attempt starts from scratch. */
    static void removeOf(Path dir, String jobKey) {
        sweep(dir, f -> jobKey.equals(jobKeyOf(f)));
    }

    /** Deletes temporaries whose job {@code isActive} says is not running, and all that are stale. */
    static int sweep(Path dir, Predicate<String> isActive, long now) {
        return sweep(dir, f -> {
            String key = jobKeyOf(f);
            if (key == null) return false;
            try {
                boolean old = now - Files.getLastModifiedTime(f).toMillis() > STALE.toMillis();
                return old || !isActive.test(key);
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static int sweep(Path dir, Predicate<Path> delete) {
        if (!Files.isDirectory(dir)) return 0;
        int n = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (jobKeyOf(f) != null && delete.test(f) && Files.deleteIfExists(f)) n++;
            }
        } catch (IOException e) {
            LOG.warn("could not clean {}: {}", dir, e.getMessage());
        }
        return n;
    }
}
