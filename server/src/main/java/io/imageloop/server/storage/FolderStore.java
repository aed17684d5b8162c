package io.imageloop.server.storage;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files under the data directory: {@code media/}, {@code renders/}. A location is the file's
 * absolute path, as rows written before object storage existed already say. Shared by several
 * machines when the data directory is a mounted shared folder (NFS, EFS, SMB): moves into place
 * are atomic within it.
 */
public final class FolderStore implements BlobStore {

    private final Path root;

    public FolderStore(Path root) {
        this.root = root.toAbsolutePath();
    }

    @Override
    public String put(String key, Path file, String contentType) throws IOException {
        Path target = root.resolve(key).normalize();
        if (!target.startsWith(root)) throw new IOException("key " + key + " leaves the data directory");
        if (!file.toAbsolutePath().normalize().equals(target)) {
            Files.createDirectories(target.getParent());
            try {
                Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target.toString();
    }

    @Override
    public Path local(String location) throws IOException {
        Path p = Path.of(location);
        if (!Files.isRegularFile(p)) throw new NoSuchFileException(location);
        return p;
    }

    @Override
    public Blob open(String location) throws IOException {
        return Blob.of(local(location));
    }

    @Override
    public void delete(String location) {
        try {
            Files.deleteIfExists(Path.of(location));
        } catch (IOException | RuntimeException ignored) {
            // best effort
        }
    }

    @Override
    public Path scratch(String name) throws IOException {
        return Files.createDirectories(root.resolve(name));
    }

    @Override
    public void close() {
    }
}
