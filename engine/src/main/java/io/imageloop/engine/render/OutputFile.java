package io.imageloop.engine.render;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;

/**
 * Writes go to a hidden temporary file beside the target and are moved into place only when
 * complete, so a failed or interrupted render never leaves a half-written video behind and never
 * destroys an earlier good one.
 */
public final class OutputFile implements AutoCloseable {

    /** The suffix of temporaries; a sweep may delete stale ones by it. */
    public static final String PARTIAL = ".partial";

    private final Path target;
    private final Path temporary;
    private boolean committed;

    private OutputFile(Path target, Path temporary) {
        this.target = target;
        this.temporary = temporary;
    }

    /** Checks that the target can be written, before any expensive work starts. */
    public static void checkWritable(Path target) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new LoopException(Kind.OUTPUT_NOT_WRITABLE, "the output " + target + " is a directory");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new LoopException(Kind.OUTPUT_NOT_WRITABLE, "the output folder " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new LoopException(Kind.OUTPUT_NOT_WRITABLE, "the output folder " + dir + " is not writable");
        }
    }

    /**
     * Refuses an output that is one of the inputs (the same file, however it is named: a
     * relative path, a symbolic or a hard link): writing it would destroy the input.
     */
    public static void checkNotInput(Path target, Collection<Path> inputs) {
        for (Path input : inputs) {
            if (input != null && sameFile(target, input)) {
                throw new LoopException(Kind.OUTPUT_NOT_WRITABLE, "the output " + target + " is the input " + input
                        + "; choose another output name so the input is not overwritten");
            }
        }
    }

    static boolean sameFile(Path a, Path b) {
        if (Files.exists(a) && Files.exists(b)) {
            try {
                return Files.isSameFile(a, b);
            } catch (IOException e) {
                // unreadable: compare the names below
            }
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    public static OutputFile create(Path target) {
        checkWritable(target);
        Path absolute = target.toAbsolutePath();
        try {
            Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), PARTIAL);
            Leftovers.track(temporary);
            readableByAll(temporary);
            return new OutputFile(absolute, temporary);
        } catch (IOException e) {
            throw new LoopException(Kind.OUTPUT_NOT_WRITABLE, "cannot write to " + absolute.getParent() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Temporary files are created private (rw-------); the finished video is an ordinary file
     * that others may read (rw-r--r--), like any file the user's tools write.
     */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
    }

    /** Where the encoder writes. */
    public Path temporary() {
        return temporary;
    }

    public Path target() {
        return target;
    }

    public void commit() {
        try {
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
            Leftovers.release(temporary);
        } catch (IOException e) {
            throw new LoopException(Kind.OUTPUT_NOT_WRITABLE, "cannot move the finished file to " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (!committed) Leftovers.discard(temporary);
    }
}
