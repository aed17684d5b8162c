package io.imageloop.engine.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Files a run is still writing (hidden temporaries, side files of a loop in progress). A
 * command-line process asks for them to be deleted when it is stopped (Ctrl-C, SIGTERM), so
 * an interrupted run leaves nothing behind. Servers do not: their running renders get a grace
 * period to finish on stop, and stale temporaries are swept at the next start instead.
 */
public final class Leftovers {

    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private Leftovers() {
    }

    /** From now on, whatever is still pending when the JVM shuts down is deleted. */
    public static void deleteOnShutdown() {
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(Leftovers::deleteAll, "imageloop-leftovers"));
        }
    }

    /** Marks a file as in progress. */
    public static void track(Path file) {
        PENDING.add(file.toAbsolutePath());
    }

    /** The file is finished (or gone): leave it alone from now on. */
    public static void release(Path file) {
        PENDING.remove(file.toAbsolutePath());
    }

    /** Deletes a file in progress now, e.g. after a failed run. */
    public static void discard(Path file) {
        release(file);
        delete(file);
    }

    static void deleteAll() {
        for (Path p : PENDING) delete(p);
        PENDING.clear();
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort on the way out
        }
    }
}
