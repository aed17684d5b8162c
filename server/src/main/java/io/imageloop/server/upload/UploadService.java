package io.imageloop.server.upload;

import io.imageloop.server.ServerConfig;
import io.imageloop.engine.media.LimitExceeded;
import io.imageloop.server.http.ApiErrors;
import io.imageloop.server.http.ApiException;
import io.imageloop.server.http.ErrorCode;
import io.imageloop.server.storage.BlobStore;
import io.imageloop.server.store.Database;
import io.imageloop.server.store.Ids;
import io.imageloop.server.store.MediaStore;
import io.imageloop.server.store.MediaStore.MediaRecord;
import io.imageloop.server.store.SessionStore.SessionRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Adds files to a session. All files of one request are staged and checked first, then
 * recorded together: a request either adds every file or none, and a refused or broken upload
 * leaves nothing behind on disk.
 */
public final class UploadService {

    private static final Logger LOG = LoggerFactory.getLogger(UploadService.class);
    private static final int MAX_FILES = 20;
    private static final int MAX_FIELD_BYTES = 8 * 1024;

    private final Database db;
    private final MediaStore media;
    private final ServerConfig config;
    private final MediaProber prober;
    private final UrlFetcher fetcher;

    private final BlobStore blobs;

    public UploadService(Database db, MediaStore media, ServerConfig config, MediaProber prober, BlobStore blobs) {
        this.blobs = blobs;
        this.db = db;
        this.media = media;
        this.config = config;
        this.prober = prober;
        this.fetcher = new UrlFetcher(config.allowPrivateUrls(), config.uploadLimitBytes(), config.urlFetchTimeout());
    }

    private record Pending(Staging.StagedFile file, String name, String sourceUrl) {
    }

    /** Reads a multipart body: {@code file} parts (any part with a file name) and {@code url} fields. */
    public List<MediaRecord> uploadMultipart(SessionRecord session, InputStream body, String boundary) {
        List<Pending> pending = new ArrayList<>();
        try {
            MultipartReader reader = new MultipartReader(body, boundary);
            List<String> urls = new ArrayList<>();
            MultipartReader.Part part;
            while ((part = reader.next()) != null) {
                if (part.filename() != null || "file".equals(part.name()) || "files".equals(part.name())) {
                    if (pending.size() >= MAX_FILES) {
                        throw new ApiException(ErrorCode.BAD_REQUEST, "at most " + MAX_FILES + " files per upload");
                    }
                    Staging.StagedFile staged = Staging.stage(part.content(), sessionDir(session.id()), config.uploadLimitBytes());
                    pending.add(new Pending(staged, cleanName(part.filename()), null));
                    LOG.info("session {}: received {} ({} bytes, {})", session.id(), part.filename(), staged.bytes(), staged.format());
                } else if ("url".equals(part.name()) || "urls".equals(part.name())) {
                    byte[] value = part.content().readNBytes(MAX_FIELD_BYTES + 1);
                    if (value.length > MAX_FIELD_BYTES) throw new ApiException(ErrorCode.BAD_REQUEST, "the url field is too long");
                    String url = new String(value, StandardCharsets.UTF_8).trim();
                    if (!url.isEmpty()) urls.add(url);
                }
            }
            for (String url : urls) pending.add(fetch(session, url));
            if (pending.isEmpty()) throw new ApiException(ErrorCode.NO_FILE, "send the file in a multipart part named 'file', or a 'url'");
            return commit(session, pending);
        } catch (MultipartReader.MalformedException e) {
            discard(pending);
            throw new ApiException(ErrorCode.BAD_REQUEST, "the multipart body is malformed: " + e.getMessage());
        } catch (IOException e) {
            discard(pending);
            throw new ApiException(ErrorCode.BAD_REQUEST, "the upload broke off before it was complete");
        } catch (RuntimeException e) {
            discard(pending);
            throw e;
        }
    }

    /** Fetches each URL, then records them all. */
    public List<MediaRecord> uploadUrls(SessionRecord session, List<String> urls) {
        if (urls.isEmpty()) throw new ApiException(ErrorCode.NO_FILE, "send a 'url' to fetch, or a multipart 'file'");
        if (urls.size() > MAX_FILES) throw new ApiException(ErrorCode.BAD_REQUEST, "at most " + MAX_FILES + " URLs per upload");
        List<Pending> pending = new ArrayList<>();
        try {
            for (String url : urls) pending.add(fetch(session, url));
            return commit(session, pending);
        } catch (RuntimeException e) {
            discard(pending);
            throw e;
        }
    }

    private Pending fetch(SessionRecord session, String url) {
        try {
            UrlFetcher.Fetched f = fetcher.fetch(url, sessionDir(session.id()));
            LOG.info("session {}: fetched {} ({} bytes, {})", session.id(), f.finalUrl(), f.file().bytes(), f.file().format());
            return new Pending(f.file(), cleanName(f.name()), url.length() > 2048 ? url.substring(0, 2048) : url);
        } catch (IOException e) {
            throw new ApiException(ErrorCode.URL_FETCH_FAILED, "the URL could not be downloaded");
        }
    }

    /** Moves staged files into place, probes them, then records all of them in one transaction. */
    private List<MediaRecord> commit(SessionRecord session, List<Pending> pending) {
        List<MediaRecord> records = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        List<String> stored = new ArrayList<>();
        try {
            long now = System.currentTimeMillis();
            for (Pending p : pending) {
                String id = Ids.random("med", 10);
                Path target = sessionDir(session.id()).resolve(id + "." + p.file().format().extension());
                Files.move(p.file().path(), target, StandardCopyOption.ATOMIC_MOVE);
                written.add(target);
                MediaProber.Probe probe = prober.probe(target, p.file().format());
                Path thumb = target.resolveSibling(id + ".thumb.jpg");
                String thumbPath = null;
                written.add(thumb);
                if (prober.thumbnail(target, probe.kind(), p.file().format(), thumb)) {
                    thumbPath = blobs.put("media/" + session.id() + "/" + thumb.getFileName(), thumb, "image/jpeg");
                    stored.add(thumbPath);
                }
                // Checked and decoded: now it goes where every process can read it. One millisecond
                // apart, so files sent together list in the order they were sent.
                String location = blobs.put("media/" + session.id() + "/" + target.getFileName(), target, p.file().format().mime());
                stored.add(location);
                records.add(new MediaRecord(id, session.id(), probe.kind(), p.file().format().extension(), p.name(),
                        p.sourceUrl(), location, p.file().bytes(), probe.width(), probe.height(),
                        probe.durationMs(), probe.codec(), thumbPath, now + records.size()));
            }
            db.tx(c -> {
                for (MediaRecord r : records) media.insert(c, r);
                return null;
            });
            for (MediaRecord r : records) {
                LOG.info("session {}: media {} added ({} {}{}{}, {})", session.id(), r.id(), r.kind(), r.format(),
                        r.width() == null ? "" : ", " + r.width() + "x" + r.height(),
                        r.durationMs() == null ? "" : ", " + r.durationMs() + " ms", r.codec());
            }
            return records;
        } catch (IOException e) {
            deleteAll(written);
            stored.forEach(blobs::delete);
            LOG.warn("session {}: the upload could not be stored: {}", session.id(), e.getMessage());
            throw new ApiException(ErrorCode.INTERNAL, "the upload could not be stored");
        } catch (LimitExceeded e) {
            deleteAll(written);
            stored.forEach(blobs::delete);
            throw ApiErrors.of(e);
        } catch (RuntimeException e) {
            deleteAll(written);
            stored.forEach(blobs::delete);
            throw e;
        } finally {
            discard(pending);
        }
    }

    /** Removes temporary files left by an earlier run that stopped mid-upload. */
    public void removeStaleStaging() {
        Path root = config.dataDir().resolve("media");
        if (!Files.isDirectory(root)) return;
        try (Stream<Path> files = Files.walk(root, 2)) {
            files.filter(f -> f.getFileName().toString().startsWith(".incoming-")).forEach(f -> deleteAll(List.of(f)));
        } catch (IOException e) {
            LOG.warn("could not clean stale uploads under {}: {}", root, e.getMessage());
        }
    }

    public Path sessionDir(String sessionId) {
        return config.dataDir().resolve("media").resolve(sessionId);
    }

    private static void discard(List<Pending> pending) {
        for (Pending p : pending) deleteAll(List.of(p.file().path()));
    }

    private static void deleteAll(List<Path> paths) {
        for (Path p : paths) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                LOG.warn("could not delete {}: {}", p, e.getMessage());
            }
        }
    }

    /** Keeps the client's file name for display only (never as a path): no folders, no control characters. */
    static String cleanName(String name) {
        if (name == null) return null;
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").trim();
        if (base.isEmpty()) return null;
        return base.length() > 255 ? base.substring(0, 255) : base;
    }
}
