package io.imageloop.server;

import io.imageloop.engine.media.HostileMedia;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads go through the engine's media door: the same type judgement, the same pixel limit as
 * a render (from the header, before decoding), and one small decode that proves the file can be
 * rendered. What is refused leaves nothing behind.
 */
class UploadDoorTest extends SharedServer {

    @Test
    void picturesDeclaringTooManyPixelsAre4007BeforeAnyDecode() throws Exception {
        String token = api.newToken();
        String sid = api.newSession(token);
        for (var c : List.of(new Object[] {"wide.png", HostileMedia.pngDeclaring(60000, 60000)},
                new Object[] {"square.jpg", HostileMedia.jpegDeclaring(11000, 11000)},
                new Object[] {"screen.gif", HostileMedia.gifScreen(65535, 65535)},
                new Object[] {"big.bmp", HostileMedia.bmpDeclaring(60000, 60000)})) {
            Api.Response r = api.upload(token, sid, (String) c[0], (byte[]) c[1]);
            assertThat(r.status()).as((String) c[0]).isEqualTo(413);
            assertThat(r.code()).as((String) c[0]).isEqualTo(4007);
            assertThat(r.data().path("limit").asText()).isEqualTo("photo_pixels");
            assertThat(r.data().path("allowed").asLong()).isEqualTo(120_000_000L);
            assertThat(r.body().path("message").asText()).contains("too large").doesNotContain("\n");
        }
        assertNothingStored(sid);
    }

    @Test
    void damagedPicturesAre4003AtUploadNotAtExport() throws Exception {
        String token = api.newToken();
        String sid = api.newSession(token);
        for (var c : List.of(new Object[] {"corrupt.png", HostileMedia.pngCorruptData(64, 64)},
                new Object[] {"cut.gif", HostileMedia.truncated(HostileMedia.gif(64, 64), 0.6)},
                new Object[] {"cut.png", HostileMedia.truncated(HostileMedia.png(64, 64), 0.7)},
                new Object[] {"old.mov", HostileMedia.quickTimeFreeAtom()},
                new Object[] {"clip.mp4", HostileMedia.isoJunk("isom")})) {
            Api.Response r = api.upload(token, sid, (String) c[0], (byte[]) c[1]);
            assertThat(r.code()).as((String) c[0] + ": " + r.body()).isEqualTo(4003);
            assertThat(r.status()).isEqualTo(422);
        }
        assertNothingStored(sid);
    }

    @Test
    void bmpIsAcceptedLikeTheEngineAcceptsIt() throws Exception {
        String token = api.newToken();
        String sid = api.newSession(token);
        Api.Response r = api.upload(token, sid, "photo.bmp", HostileMedia.bmp(64, 48));
        assertThat(r.code()).as(r.body().toString()).isZero();
        assertThat(r.data().path("format").asText()).isEqualTo("bmp");
        assertThat(r.data().path("mime").asText()).isEqualTo("image/bmp");
        assertThat(r.data().path("width").asInt()).isEqualTo(64);
        assertThat(r.data().path("thumbnail_url").asText()).endsWith("/thumbnail");
    }

    /**
     * A valid PNG of 100 MP black pixels is about 300 KB; decoding it whole costs 300 MB. Four at
     * once must not: thumbnails come from a subsampled decode.
     */
    @Test
    void thumbnailsOfHugePngsDoNotDecodeThemWhole() throws Exception {
        byte[] bomb = HostileMedia.pngZeros(10000, 10000);
        assertThat(bomb.length).isLessThan(1_000_000);
        String token = api.newToken();
        String sid = api.newSession(token);
        Path status = Path.of("/proc/self/status");
        boolean measurable = Files.isWritable(Path.of("/proc/self/clear_refs"));
        if (measurable) Files.writeString(Path.of("/proc/self/clear_refs"), "5"); // resets the peak RSS
        long before = measurable ? kb(status, "VmHWM:") : 0;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Api.Response>> uploads = new ArrayList<>();
            for (int i = 0; i < 4; i++) uploads.add(pool.submit(() -> api.upload(token, sid, "bomb.png", bomb)));
            for (Future<Api.Response> f : uploads) {
                Api.Response r = f.get();
                assertThat(r.code()).as(r.body().toString()).isZero();
                assertThat(r.data().path("width").asInt()).isEqualTo(10000);
            }
        } finally {
            pool.shutdown();
        }
        if (measurable) {
            long grown = kb(status, "VmHWM:") - before;
            assertThat(grown).as("peak RSS growth in KB").isLessThan(250_000);
        }
    }

    private static long kb(Path status, String key) throws Exception {
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith(key)) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        return 0;
    }

    private static void assertNothingStored(String sid) throws Exception {
        Path dir = dataDir.resolve("media").resolve(sid);
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).isEmpty();
        }
    }
}
