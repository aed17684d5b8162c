package io.imageloop.engine.media;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One door for every media file: the same answer for the CLI, the renderer and uploads. */
class MediaDoorTest {

    @TempDir
    Path dir;

    @Test
    void containersAreRecognisedByTheirFirstBytes() {
        assertThat(sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0))).isEqualTo(MediaType.JPEG);
        assertThat(sniff(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A))).isEqualTo(MediaType.PNG);
        assertThat(sniff(ascii("GIF89a"))).isEqualTo(MediaType.GIF);
        assertThat(sniff(ascii("GIF87a"))).isEqualTo(MediaType.GIF);
        assertThat(sniff(ascii("RIFF\0\0\0\0WEBPVP8 "))).isEqualTo(MediaType.WEBP);
        assertThat(sniff(ascii("RIFF\0\0\0\0AVI LIST"))).isEqualTo(MediaType.AVI);
        assertThat(sniff(ascii("RIFF\0\0\0\0WAVEfmt "))).isEqualTo(MediaType.WAV);
        assertThat(sniff(HostileMedia.bmp(4, 4))).isEqualTo(MediaType.BMP);
        assertThat(sniff(HostileMedia.tiff())).isEqualTo(MediaType.TIFF);
        assertThat(sniff(ftyp("heic"))).isEqualTo(MediaType.HEIC);
        assertThat(sniff(ftyp("mif1"))).isEqualTo(MediaType.HEIC);
        assertThat(sniff(ftyp("isom"))).isEqualTo(MediaType.MP4);
        assertThat(sniff(ftyp("mp42"))).isEqualTo(MediaType.MP4);
        assertThat(sniff(ftyp("3gp4"))).isEqualTo(MediaType.MP4);
        assertThat(sniff(ftyp("qt  "))).isEqualTo(MediaType.MOV);
        assertThat(sniff(ftyp("M4A "))).isEqualTo(MediaType.M4A);
        assertThat(sniff(ascii("\0\0\0\u0008wide\0\0\0\0mdat"))).isEqualTo(MediaType.MOV);
        assertThat(sniff(ascii("\0\0\0\u0010moov"))).isEqualTo(MediaType.MOV);
        assertThat(sniff(HostileMedia.quickTimeFreeAtom())).isEqualTo(MediaType.MOV);
        assertThat(sniff(ebml("webm"))).isEqualTo(MediaType.WEBM);
        assertThat(sniff(ebml("matroska"))).isEqualTo(MediaType.MKV);
        assertThat(sniff(ascii("ID3\u0004\0"))).isEqualTo(MediaType.MP3);
        assertThat(sniff(bytes(0xFF, 0xFB, 0x90, 0x64))).isEqualTo(MediaType.MP3);
        assertThat(sniff(bytes(0xFF, 0xF1, 0x50, 0x80))).isEqualTo(MediaType.AAC);
        assertThat(sniff(ascii("OggS\0\u0002"))).isEqualTo(MediaType.OGG);
    }

    @Test
    void othersAreNotMedia() {
        assertThat(MediaDoor.sniff(ascii("%PDF-1.7"))).isEmpty();
        assertThat(MediaDoor.sniff(ascii("BM is how this text starts"))).isEmpty();
        assertThat(MediaDoor.sniff(ascii("PK\u0003\u0004"))).isEmpty();
        assertThat(MediaDoor.sniff(ftyp("avif"))).isEmpty();
        assertThat(MediaDoor.sniff(ebml("nothing"))).isEmpty();
        assertThat(MediaDoor.sniff(ascii("<html>"))).isEmpty();
        assertThat(MediaDoor.sniff(ascii("GIF8"))).isEmpty();
        assertThat(MediaDoor.sniff(new byte[0])).isEmpty();
    }

    @Test
    void photosAreProbedFromTheirHeaders() throws Exception {
        assertThat(probe("a.png", HostileMedia.png(40, 30))).satisfies(i -> size(i, MediaType.PNG, 40, 30));
        assertThat(probe("a.jpg", HostileMedia.jpeg(40, 30))).satisfies(i -> size(i, MediaType.JPEG, 40, 30));
        assertThat(probe("a.gif", HostileMedia.gif(40, 30))).satisfies(i -> size(i, MediaType.GIF, 40, 30));
        assertThat(probe("a.bmp", HostileMedia.bmp(40, 30))).satisfies(i -> size(i, MediaType.BMP, 40, 30));
        assertThat(probe("a.png", HostileMedia.png(40, 30)).kind()).isEqualTo(MediaKind.PHOTO);
    }

    @Test
    void declaredHugePicturesAreRefusedFromTheHeaderAlone() throws Exception {
        long start = System.nanoTime();
        tooLarge("wide.png", HostileMedia.pngDeclaring(60000, 60000), "wide.png is too large: it is 60000x60000 (3600 MP); the limit is 120 MP");
        tooLarge("big.png", HostileMedia.pngDeclaring(11000, 11000), "121 MP");
        tooLarge("huge.png", HostileMedia.pngDeclaring(0xFFFFFFFFL, 2), "too large");
        tooLarge("screen.gif", HostileMedia.gifScreen(65535, 65535), "65535x65535");
        tooLarge("big.jpg", HostileMedia.jpegDeclaring(60000, 60000), "60000x60000");
        tooLarge("big.bmp", HostileMedia.bmpDeclaring(60000, 60000), "60000x60000");
        tooLarge("big.webp", HostileMedia.webpDeclaring(16000, 16000), "16000x16000");
        assertThat(System.nanoTime() - start).as("no pixel decoded").isLessThan(3_000_000_000L);
    }

    @Test
    void theLimitIsConfigurable() throws Exception {
        Path file = Files.write(dir.resolve("p.png"), HostileMedia.png(100, 100));
        assertThatThrownBy(() -> MediaDoor.probe(file, MediaLimits.DEFAULT.withMaxPhotoPixels(9_999)))
                .isInstanceOfSatisfying(LimitExceeded.class, e -> {
                    assertThat(e.limit()).isEqualTo(Limit.PHOTO_PIXELS);
                    assertThat(e.actual()).isEqualTo(10_000);
                    assertThat(e.allowed()).isEqualTo(9_999);
                });
        assertThat(MediaDoor.probe(file, MediaLimits.DEFAULT.withMaxPhotoPixels(10_000)).pixels()).isEqualTo(10_000);
    }

    @Test
    void damagedPicturesAreRefusedBeforeAnyDecoder() throws Exception {
        damaged("corrupt.png", HostileMedia.pngCorruptData(64, 64), "corrupt.png is truncated or damaged");
        damaged("filter.png", HostileMedia.pngBadFilter(16, 16), "invalid filter type");
        damaged("crc.png", HostileMedia.pngBadCrc(16, 16), "the IHDR chunk fails its checksum");
        damaged("cut.png", HostileMedia.truncated(HostileMedia.png(64, 64), 0.6), "cut.png is truncated");
        damaged("cut.gif", HostileMedia.truncated(HostileMedia.gif(64, 64), 0.6), "the GIF data ends before its trailer");
        damaged("cut.jpg", HostileMedia.truncated(HostileMedia.jpeg(64, 64), 0.6), "the JPEG data ends");
        damaged("cut.bmp", HostileMedia.truncated(HostileMedia.bmp(64, 64), 0.6), "the BMP data ends");
        damaged("short.png", HostileMedia.truncated(HostileMedia.png(8, 8), 0.2), "short.png");
    }

    @Test
    void refusalsSayWhatTheFileIs() throws Exception {
        Path tiff = Files.write(dir.resolve("scan.tif"), HostileMedia.tiff());
        assertThatThrownBy(() -> MediaDoor.probe(tiff)).hasMessage("scan.tif is a TIFF image; convert it to JPEG or PNG first");
        Path pdf = Files.write(dir.resolve("photo.jpg"), ascii("%PDF-1.7 not a photo"));
        assertThatThrownBy(() -> MediaDoor.probe(pdf)).isInstanceOfSatisfying(LoopException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED_FORMAT)).hasMessageStartingWith("photo.jpg is neither a photo");
        Path mov = Files.write(dir.resolve("old.mov"), HostileMedia.quickTimeFreeAtom());
        assertThatThrownBy(() -> MediaDoor.probePhoto(mov, MediaLimits.DEFAULT)).hasMessage("old.mov is a video clip (MOV), not a photo");
        assertThat(MediaDoor.isClip(mov)).isTrue();
        assertThatThrownBy(() -> MediaDoor.probe(dir)).hasMessageContaining("is a folder");
        assertThatThrownBy(() -> MediaDoor.probe(dir.resolve("missing.jpg"))).hasMessageStartingWith("no such file");
    }

    @Test
    void everyHostileFileIsRefusedWithOneLineAndNothingElse() throws Exception {
        for (var e : HostileMedia.refused().entrySet()) {
            Path file = Files.write(dir.resolve(e.getKey()), e.getValue());
            assertThatThrownBy(() -> MediaDoor.probe(file)).as(e.getKey()).isInstanceOfSatisfying(LoopException.class, x -> {
                assertThat(x.kind()).isIn(Kind.UNSUPPORTED_FORMAT, Kind.CORRUPT_INPUT, Kind.INPUT_TOO_LARGE);
                assertThat(x.getMessage()).startsWith(e.getKey()).doesNotContain("\n");
            });
        }
        for (var e : HostileMedia.odd().entrySet()) {
            Path file = Files.write(dir.resolve(e.getKey()), e.getValue());
            try {
                MediaDoor.probe(file);
            } catch (LoopException x) {
                assertThat(x.getMessage()).as(e.getKey()).startsWith(e.getKey()).doesNotContain("\n");
            }
        }
    }

    private MediaInfo probe(String name, byte[] content) throws Exception {
        return MediaDoor.probe(Files.write(dir.resolve(name), content));
    }

    private void tooLarge(String name, byte[] content, String message) throws Exception {
        Path file = Files.write(dir.resolve(name), content);
        assertThatThrownBy(() -> MediaDoor.probe(file)).isInstanceOfSatisfying(LimitExceeded.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.INPUT_TOO_LARGE);
            assertThat(e.limit()).isEqualTo(Limit.PHOTO_PIXELS);
        }).hasMessageContaining(message);
    }

    private void damaged(String name, byte[] content, String message) throws Exception {
        Path file = Files.write(dir.resolve(name), content);
        assertThatThrownBy(() -> MediaDoor.probe(file)).isInstanceOfSatisfying(LoopException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.CORRUPT_INPUT)).hasMessageContaining(message);
    }

    private static void size(MediaInfo i, MediaType type, int w, int h) {
        assertThat(i.type()).isEqualTo(type);
        assertThat(i.width()).isEqualTo(w);
        assertThat(i.height()).isEqualTo(h);
    }

    private static MediaType sniff(byte[] head) {
        return MediaDoor.sniff(head).orElse(null);
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
        return b;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] ftyp(String brand) {
        return ascii("\0\0\0\u0018ftyp" + brand + "\0\0\0\0" + brand + "isom");
    }

    static byte[] ebml(String docType) {
        byte[] b = new byte[40];
        b[0] = 0x1A;
        b[1] = 0x45;
        b[2] = (byte) 0xDF;
        b[3] = (byte) 0xA3;
        byte[] text = docType.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(text, 0, b, 20, text.length);
        return b;
    }
}
