package io.imageloop.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/** The photos bundled in the repository's samples folder. */
public final class Samples {

    private Samples() {
    }

    public static Path path(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("samples"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("no samples folder above " + Path.of("").toAbsolutePath());
        return dir.resolve("samples").resolve(name);
    }
}
