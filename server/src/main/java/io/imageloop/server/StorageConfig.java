package io.imageloop.server;

import java.net.URI;
import java.util.Locale;

/**
 * Where uploads and renders are kept, so that every process (HTTP servers, render workers) reads
 * the same files.
 *
 * @param url       null (or "folder") for the data directory, which may be a folder every process
 *                  mounts; {@code s3://bucket/prefix} for S3-compatible object storage
 * @param endpoint  the object store's URL, e.g. http://127.0.0.1:9000 (null for AWS itself)
 * @param region    the store's region (us-east-1 when not set)
 * @param accessKey null to use the usual AWS credential chain
 * @param secretKey the access key's secret
 */
public record StorageConfig(String url, String endpoint, String region, String accessKey, String secretKey) {

    public static final StorageConfig FOLDER = new StorageConfig(null, null, null, null, null);

    public StorageConfig {
        if (url != null && (url.isBlank() || url.equalsIgnoreCase("folder"))) url = null;
        if (url != null) {
            URI u = URI.create(url);
            if (!"s3".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
                throw new IllegalArgumentException("storage must be 'folder' or s3://bucket/prefix, got '" + url + "'");
            }
        }
        if (endpoint != null && endpoint.isBlank()) endpoint = null;
        if (endpoint != null && !endpoint.toLowerCase(Locale.ROOT).matches("https?://.+")) {
            throw new IllegalArgumentException("the S3 endpoint must be an http or https URL, got '" + endpoint + "'");
        }
    }

    public boolean isS3() {
        return url != null;
    }

    public String bucket() {
        return isS3() ? URI.create(url).getHost() : null;
    }

    /** Key prefix inside the bucket, empty or ending in "/". */
    public String prefix() {
        if (!isS3()) return "";
        String p = URI.create(url).getPath();
        p = p == null ? "" : p.replaceAll("^/+", "");
        return p.isEmpty() || p.endsWith("/") ? p : p + "/";
    }

    @Override
    public String toString() {
        return isS3() ? url + (endpoint == null ? "" : " at " + endpoint) : "the data directory";
    }
}
