package io.imageloop.server.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a multipart/form-data body part by part straight from the socket. Each part's content
 * is an {@link InputStream} that ends at the next boundary, so a 200 MB upload flows to disk in
 * 64 KB steps and a caller can stop (too large, wrong type) before the rest arrives.
 */
public final class MultipartReader {

    /** One part's headers; read its bytes from {@link #content()} before asking for the next part. */
    public record Part(String name, String filename, String contentType, InputStream content) {
    }

    /** The body does not follow multipart syntax. */
    public static final class MalformedException extends IOException {
        MalformedException(String message) {
            super(message);
        }
    }

    private static final int BUFFER = 64 * 1024;
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final Pattern PARAM = Pattern.compile("(?i);\\s*([a-z*]+)\\s*=\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[^;\\s]*)");

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    private boolean finished;
    private PartStream current;

    public MultipartReader(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buf = new byte[BUFFER + delimiter.length];
        // The first boundary has no CRLF before it; pretend it had, so every boundary looks alike.
        buf[0] = '\r';
        buf[1] = '\n';
        limit = 2;
    }

    /** The boundary parameter of a multipart Content-Type, or null. */
    public static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) return null;
        String b = params(contentType).get("boundary");
        return b == null || b.isEmpty() || b.length() > 200 ? null : b;
    }

    /** The next part, or null after the closing boundary. Unread content of the previous part is skipped. */
    public Part next() throws IOException {
        if (finished) return null;
        if (current == null) {
            new PartStream().skipAll(); // preamble before the first boundary
        } else {
            current.skipAll();
        }
        // After a delimiter: "--" ends the body, otherwise optional whitespace and CRLF start a part.
        if (!ensure(2)) throw new MalformedException("the multipart body ends without a closing boundary");
        if (buf[pos] == '-' && buf[pos + 1] == '-') {
            finished = true;
            return null;
        }
        String line = readLine();
        if (!line.isBlank()) throw new MalformedException("unexpected text after a multipart boundary");
        Map<String, String> headers = readHeaders();
        Map<String, String> disposition = params(";" + headers.getOrDefault("content-disposition", ""));
        current = new PartStream();
        return new Part(disposition.get("name"), filename(disposition), headers.get("content-type"), current);
    }

    private static String filename(Map<String, String> disposition) {
        String star = disposition.get("filename*");
        if (star != null) {
            int quote = star.indexOf("''");
            String encoded = quote >= 0 ? star.substring(quote + 2) : star;
            try {
                return java.net.URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return encoded;
            }
        }
        return disposition.get("filename");
    }

    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        int total = 0;
        while (true) {
            String line = readLine();
            total += line.length() + 2;
            if (total > MAX_HEADER_BYTES) throw new MalformedException("multipart part headers are too long");
            if (line.isEmpty()) return headers;
            int colon = line.indexOf(':');
            if (colon > 0) headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
    }

    /** A CRLF-terminated line of header text (UTF-8: browsers send raw UTF-8 file names). */
    private String readLine() throws IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        while (true) {
            if (!ensure(1)) throw new MalformedException("the multipart body ends inside part headers");
            byte b = buf[pos++];
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.UTF_8);
            }
            line.write(b);
            if (line.size() > MAX_HEADER_BYTES) throw new MalformedException("a multipart header line is too long");
        }
    }

    /** Makes at least {@code n} unread bytes available; false at end of input. */
    private boolean ensure(int n) throws IOException {
        while (limit - pos < n) {
            if (eof) return false;
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                pos = 0;
            }
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) eof = true;
            else limit += r;
        }
        return true;
    }

    private int indexOfDelimiter() {
        outer:
        for (int i = pos; i <= limit - delimiter.length; i++) {
            for (int j = 0; j < delimiter.length; j++) {
                if (buf[i + j] != delimiter[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    /** A part's bytes, up to (not including) the next delimiter, which it consumes at the end. */
    private final class PartStream extends InputStream {
        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) return -1;
            if (len == 0) return 0;
            ensure(delimiter.length);
            int at = indexOfDelimiter();
            int available;
            if (at == pos) {
                pos += delimiter.length;
                done = true;
                return -1;
            } else if (at > pos) {
                available = at - pos;
            } else {
                // No delimiter yet: everything except a possible delimiter prefix at the end is content.
                available = limit - pos - (delimiter.length - 1);
                if (available <= 0) {
                    if (eof) throw new MalformedException("the multipart body ends without a closing boundary");
                    available = 0;
                }
            }
            if (available == 0) {
                // Need more input before anything can be handed out.
                int before = limit - pos;
                ensure(before + 1);
                return read(b, off, len);
            }
            int n = Math.min(len, available);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }

        void skipAll() throws IOException {
            byte[] scratch = new byte[8192];
            while (read(scratch, 0, scratch.length) >= 0) {
                // discard
            }
        }
    }

    private static Map<String, String> params(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(header);
        while (m.find()) {
            String value = m.group(3) != null ? m.group(3).replaceAll("\\\\(.)", "$1") : m.group(2);
            out.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), value);
        }
        return out;
    }
}
