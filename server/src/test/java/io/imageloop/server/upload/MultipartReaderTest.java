package io.imageloop.server.upload;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MultipartReaderTest {

    /** Hands out at most a few bytes per read, like a slow socket, so boundaries straddle reads. */
    private static InputStream trickle(byte[] data) {
        return new FilterInputStream(new ByteArrayInputStream(data)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 7));
            }
        };
    }

    @Test
    void splitsPartsExactlyEvenWhenContentLooksLikeABoundary() throws Exception {
        byte[] file = new byte[300_000];
        new Random(7).nextBytes(file);
        // Prefixes of the delimiter (never the whole of it: a client picks a boundary its content does not contain).
        byte[] tricky = "\r\n--boun\r\n--bou\r\n-\r".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(tricky, 0, file, 1000, tricky.length);
        System.arraycopy(tricky, 0, file, file.length - tricky.length, tricky.length);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write("preamble\r\n--bound\r\nContent-Disposition: form-data; name=\"url\"\r\n\r\nhttp://x/y\r\n--bound\r\n".getBytes());
        body.write("Content-Disposition: form-data; name=\"file\"; filename=\"caf\u00e9 \\\"1\\\".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
                .getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write("\r\n--bound--\r\nepilogue".getBytes());

        MultipartReader r = new MultipartReader(trickle(body.toByteArray()), "bound");
        MultipartReader.Part url = r.next();
        assertThat(url.name()).isEqualTo("url");
        assertThat(url.filename()).isNull();
        assertThat(new String(url.content().readAllBytes())).isEqualTo("http://x/y");
        MultipartReader.Part f = r.next();
        assertThat(f.name()).isEqualTo("file");
        assertThat(f.filename()).isEqualTo("caf\u00e9 \"1\".jpg");
        assertThat(f.contentType()).isEqualTo("image/jpeg");
        assertThat(f.content().readAllBytes()).isEqualTo(file);
        assertThat(r.next()).isNull();
    }

    @Test
    void skipsUnreadPartsAndRejectsTruncatedBodies() throws Exception {
        String body = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nAAAA\r\n--b\r\nContent-Disposition: form-data; name=\"c\"\r\n\r\nC\r\n--b--";
        MultipartReader r = new MultipartReader(trickle(body.getBytes()), "b");
        assertThat(r.next().name()).isEqualTo("a");
        MultipartReader.Part c = r.next();
        assertThat(c.name()).isEqualTo("c");
        assertThat(new String(c.content().readAllBytes())).isEqualTo("C");
        assertThat(r.next()).isNull();

        MultipartReader cut = new MultipartReader(trickle("--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nxyz".getBytes()), "b");
        MultipartReader.Part p = cut.next();
        assertThatThrownBy(() -> p.content().readAllBytes()).isInstanceOf(MultipartReader.MalformedException.class);
        assertThat(MultipartReader.boundary("multipart/form-data; boundary=\"abc def\"")).isEqualTo("abc def");
        assertThat(MultipartReader.boundary("application/json")).isNull();
    }
}
