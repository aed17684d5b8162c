package io.imageloop.server.upload;

import io.imageloop.engine.media.MediaDoor;
import io.imageloop.engine.media.MediaType;
import io.imageloop.server.http.ApiException;
import io.imageloop.server.http.ErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams one incoming file to a hidden temporary file: the type is judged from the first bytes
 * before anything else is written, and the size limit is enforced as bytes arrive. On any
 * failure the partial file is deleted.
 */
public final class Staging {

    /** A complete, type-checked file waiting to be committed. */
    public record StagedFile(Path path, MediaType format, long bytes) {
    }

    private Staging() {
    }

    public static StagedFile stage(InputStream in, Path dir, long limit) throws IOException {
        Files.createDirectories(dir);
        byte[] head = in.readNBytes(MediaDoor.HEAD);
        if (head.length == 0) throw new ApiException(ErrorCode.NO_FILE, "the uploaded file is empty");
        MediaType format = MediaDoor.sniff(head).filter(MediaType::accepted).orElse(null);
        if (format == null) {
            String accepted = MediaType.acceptedList();
            throw new ApiException(ErrorCode.UNSUPPORTED_FILE, "unsupported file type; accepted: " + accepted)
                    .with("accepted", accepted.split(", "));
        }
        Path tmp = Files.createTempFile(dir, ".incoming-", "." + format.extension());
        boolean ok = false;
        try (OutputStream out = Files.newOutputStream(tmp)) {
            long total = head.length;
            if (total > limit) throw tooLarge(limit);
            out.write(head);
            byte[] chunk = new byte[64 * 1024];
            int n;
            while ((n = in.read(chunk)) >= 0) {
                total += n;
                if (total > limit) throw tooLarge(limit);
                out.write(chunk, 0, n);
            }
            ok = true;
            return new StagedFile(tmp, format, total);
        } finally {
            if (!ok) Files.deleteIfExists(tmp);
        }
    }

    public static ApiException tooLarge(long limit) {
        return new ApiException(ErrorCode.FILE_TOO_LARGE, "the file is larger than the " + human(limit)
                + " limit; compress or trim it and try again").with("limit_bytes", limit);
    }

    static String human(long bytes) {
        if (bytes >= 1024L * 1024 && bytes % (1024L * 1024) == 0) return bytes / (1024 * 1024) + " MB";
        if (bytes >= 1024 && bytes % 1024 == 0) return bytes / 1024 + " KB";
        return bytes + " bytes";
    }
}
