package io.imageloop.server.storage;

import io.imageloop.server.ServerConfig;
import io.imageloop.server.StorageConfig;
import io.imageloop.server.store.Ids;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * S3-compatible object storage (AWS S3, MinIO, Ceph, S3Proxy...). Objects are written whole with
 * one PUT, so a reader never sees part of one. Workers keep a local cache of the media they
 * render (objects are never changed once written, so a cached copy never goes stale). A location
 * is {@code s3://bucket/key}; locations that are plain paths (rows from before) still read as files.
 */
public final class S3Store implements BlobStore {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final Path root;

    private S3Store(S3Client s3, String bucket, String prefix, Path root) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.root = root.toAbsolutePath();
    }

    static S3Store open(ServerConfig config) {
        StorageConfig c = config.storage();
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(10)).socketTimeout(Duration.ofSeconds(60)).build())
                .region(Region.of(c.region() == null ? "us-east-1" : c.region()))
                // Plain checksums only: S3-compatible stores differ in their support of the newer trailing ones.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(c.accessKey() != null
                        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(c.accessKey(), c.secretKey() == null ? "" : c.secretKey()))
                        : DefaultCredentialsProvider.builder().build());
        if (c.endpoint() != null) builder.endpointOverride(URI.create(c.endpoint())).forcePathStyle(true);
        return new S3Store(builder.build(), c.bucket(), c.prefix(), config.dataDir());
    }

    @Override
    public String put(String key, Path file, String contentType) throws IOException {
        String objectKey = prefix + key;
        try {
            s3.putObject(b -> b.bucket(bucket).key(objectKey).contentType(contentType), RequestBody.fromFile(file));
        } catch (S3Exception e) {
            throw new IOException("the object store refused " + objectKey + ": " + e.awsErrorDetails().errorMessage(), e);
        } catch (RuntimeException e) {
            throw new IOException("the object store could not be reached: " + e.getMessage(), e);
        }
        String location = "s3://" + bucket + "/" + objectKey;
        // The file is now in the store; keep it as this process's cached copy rather than download it again.
        Path cached = cachePath(location);
        Files.createDirectories(cached.getParent());
        try {
            Files.move(file, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.copy(file, cached, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(file);
        }
        return location;
    }

    @Override
    public Path local(String location) throws IOException {
        if (!location.startsWith("s3://")) return new FolderStore(root).local(location);
        Path cached = cachePath(location);
        if (Files.isRegularFile(cached)) return cached;
        Files.createDirectories(cached.getParent());
        Path tmp = Files.createTempFile(cached.getParent(), ".download-", ".partial");
        try {
            try (InputStream in = s3.getObject(b -> b.bucket(bucketOf(location)).key(keyOf(location)))) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return cached;
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(location);
        } catch (S3Exception e) {
            throw new IOException("cannot read " + location + ": " + e.awsErrorDetails().errorMessage(), e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public Blob open(String location) throws IOException {
        if (!location.startsWith("s3://")) return new FolderStore(root).open(location);
        String b = bucketOf(location);
        String k = keyOf(location);
        HeadObjectResponse head;
        try {
            head = s3.headObject(r -> r.bucket(b).key(k));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(location);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) throw new NoSuchFileException(location);
            throw new IOException("cannot read " + location + ": " + e.getMessage(), e);
        }
        long size = head.contentLength();
        return new Blob() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream range(long from, long to) throws IOException {
                try {
                    return s3.getObject(r -> r.bucket(b).key(k).range("bytes=" + from + "-" + to));
                } catch (S3Exception e) {
                    throw new IOException("cannot read " + location + ": " + e.getMessage(), e);
                }
            }
        };
    }

    @Override
    public void delete(String location) {
        try {
            if (location.startsWith("s3://")) {
                s3.deleteObject(r -> r.bucket(bucketOf(location)).key(keyOf(location)));
                Files.deleteIfExists(cachePath(location));
            } else {
                Files.deleteIfExists(Path.of(location));
            }
        } catch (IOException | RuntimeException ignored) {
            // best effort
        }
    }

    @Override
    public Path scratch(String name) throws IOException {
        return Files.createDirectories(root.resolve(name));
    }

    private Path cachePath(String location) {
        String key = keyOf(location);
        int dot = key.lastIndexOf('.');
        String ext = dot >= 0 && key.length() - dot <= 6 ? key.substring(dot) : "";
        return root.resolve("cache").resolve(Ids.sha256(location) + ext);
    }

    private static String bucketOf(String location) {
        String rest = location.substring("s3://".length());
        return rest.substring(0, rest.indexOf('/'));
    }

    private static String keyOf(String location) {
        String rest = location.substring("s3://".length());
        return rest.substring(rest.indexOf('/') + 1);
    }

    @Override
    public void close() {
        s3.close();
    }
}
