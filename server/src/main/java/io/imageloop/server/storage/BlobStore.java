package io.imageloop.server.storage;

import io.imageloop.server.ServerConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where uploads, thumbnails and renders are kept, so that every process of a deployment (HTTP
 * servers, render workers) reads the same files: the data directory (one machine, or a folder
 * every machine mounts), or S3-compatible object storage. The database keeps each file's
 * location; a file is put only when it is complete, so nothing half-written is ever found there.
 */
public interface BlobStore extends AutoCloseable {

    /** A stored file as downloads read it: its size and byte ranges. */
    interface Blob {
        long size();

        /** Bytes {@code from} to {@code to}, both included. */
        InputStream range(long from, long to) throws IOException;

        /** A local file as a blob (previews live on the serving machine only). */
        static Blob of(java.nio.file.Path file) throws IOException {
            if (!java.nio.file.Files.isRegularFile(file)) throw new java.nio.file.NoSuchFileException(file.toString());
            long size = java.nio.file.Files.size(file);
            return new Blob() {
                @Override
                public long size() {
                    return size;
                }

                @Override
                public InputStream range(long from, long to) throws IOException {
                    return java.nio.channels.Channels.newInputStream(java.nio.file.Files.newByteChannel(file).position(from));
                }
            };
        }
    }

    /**
     * Stores a complete local file under {@code key} (e.g. {@code media/SESSION/ID.jpg}) and
     * returns its location. The local file may be moved or deleted by this.
     */
    String put(String key, Path file, String contentType) throws IOException;

    /** A local file with the stored content: the file itself, or a cached download. */
    Path local(String location) throws IOException;

    /** The stored file for serving; throws {@link java.nio.file.NoSuchFileException} when it is gone. */
    Blob open(String location) throws IOException;

    /** Removes a stored file (best effort). */
    void delete(String location);

    /** A local folder for work files of this process (staging, renders in progress). */
    Path scratch(String name) throws IOException;

    @Override
    void close();

    /** The store the configuration names. */
    static BlobStore open(ServerConfig config) {
        return config.storage().isS3() ? S3Store.open(config) : new FolderStore(config.dataDir());
    }
}
