package io.imageloop.server.http;

import io.imageloop.server.storage.BlobStore;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves a file with Content-Type, Content-Length and single-range requests (206), so video
 * players can seek and interrupted downloads can resume. Multi-range requests get the whole file.
 */
public final class FileResponder {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private FileResponder() {
    }

    /** Serves a stored file by its location. */
    public static void serve(Context ctx, BlobStore store, String location, String contentType, String fileName, boolean headOnly)
            throws IOException {
        BlobStore.Blob blob;
        try {
            blob = store.open(location);
        } catch (NoSuchFileException e) {
            throw new ApiException(ErrorCode.MEDIA_NOT_FOUND, "the file is no longer available");
        }
        serve(ctx, blob, contentType, fileName, headOnly);
    }

    public static void serve(Context ctx, BlobStore.Blob blob, String contentType, String fileName, boolean headOnly) throws IOException {
        long size = blob.size();
        long start = 0;
        long end = size - 1;
        boolean partial = false;
        String range = ctx.header("Range");
        if (range != null && !range.contains(",")) {
            Matcher m = RANGE.matcher(range.trim());
            if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                if (m.group(1).isEmpty()) {
                    long suffix = parse(m.group(2));
                    start = Math.max(0, size - suffix);
                } else {
                    start = parse(m.group(1));
                    if (!m.group(2).isEmpty()) end = Math.min(parse(m.group(2)), size - 1);
                }
                if (start >= size || start > end) {
                    ctx.header("Content-Range", "bytes */" + size);
                    throw new ApiException(ErrorCode.RANGE_NOT_SATISFIABLE, "the file has " + size + " bytes; range " + range + " is outside it");
                }
                partial = true;
            }
        }
        var res = ctx.res();
        res.setStatus(partial ? 206 : 200);
        res.setContentType(contentType);
        res.setHeader("Accept-Ranges", "bytes");
        res.setHeader("Cache-Control", "private, max-age=3600");
        if (fileName != null) res.setHeader("Content-Disposition", "inline; filename=\"" + fileName.replace("\"", "") + "\"");
        if (partial) res.setHeader("Content-Range", "bytes " + start + "-" + end + "/" + size);
        long length = end - start + 1;
        res.setContentLengthLong(length);
        if (headOnly || length == 0) return;
        try (InputStream in = blob.range(start, end)) {
            OutputStream out = res.getOutputStream();
            byte[] buf = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) break;
                out.write(buf, 0, n);
                left -= n;
            }
            out.flush();
        }
    }

    private static long parse(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
