package io.imageloop.server.upload;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class MediaFormatTest {

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) out[i] = (byte) b[i];
        return out;
    }

    private static byte[] ftyp(String brand) {
        byte[] h = new byte[32];
        h[3] = 24;
        System.arraycopy("ftyp".getBytes(StandardCharsets.ISO_8859_1), 0, h, 4, 4);
        System.arraycopy(brand.getBytes(StandardCharsets.ISO_8859_1), 0, h, 8, 4);
        return h;
    }

    private static byte[] ascii(String s) {
        byte[] h = new byte[64];
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(b, 0, h, 0, Math.min(b.length, 64));
        return h;
    }

    @Test
    void recognisesEveryAcceptedFormatByContent() {
        assertThat(MediaFormat.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0))).isEqualTo(MediaFormat.JPG);
        assertThat(MediaFormat.sniff(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A))).isEqualTo(MediaFormat.PNG);
        assertThat(MediaFormat.sniff(ascii("GIF89a"))).isEqualTo(MediaFormat.GIF);
        assertThat(MediaFormat.sniff(ascii("RIFF\0\0\0\0WEBPVP8 "))).isEqualTo(MediaFormat.WEBP);
        assertThat(MediaFormat.sniff(ascii("RIFF\0\0\0\0AVI LIST"))).isEqualTo(MediaFormat.AVI);
        assertThat(MediaFormat.sniff(ascii("RIFF\0\0\0\0WAVEfmt "))).isEqualTo(MediaFormat.WAV);
        assertThat(MediaFormat.sniff(ftyp("heic"))).isEqualTo(MediaFormat.HEIC);
        assertThat(MediaFormat.sniff(ftyp("isom"))).isEqualTo(MediaFormat.MP4);
        assertThat(MediaFormat.sniff(ftyp("qt  "))).isEqualTo(MediaFormat.MOV);
        assertThat(MediaFormat.sniff(ftyp("M4A "))).isEqualTo(MediaFormat.M4A);
        assertThat(MediaFormat.sniff(ascii("\0\0\0\u0008wide\0\0\0\0mdat"))).isEqualTo(MediaFormat.MOV);
        byte[] webm = ascii("\u001aE\u00df\u00a3\u0093B\u0082\u0084webmB\u0087");
        assertThat(MediaFormat.sniff(webm)).isEqualTo(MediaFormat.WEBM);
        assertThat(MediaFormat.sniff(ascii("\u001aE\u00df\u00a3\u0093B\u0082\u0088matroska"))).isEqualTo(MediaFormat.MKV);
        assertThat(MediaFormat.sniff(ascii("ID3\u0004\0"))).isEqualTo(MediaFormat.MP3);
        assertThat(MediaFormat.sniff(bytes(0xFF, 0xFB, 0x90, 0x64))).isEqualTo(MediaFormat.MP3);
        assertThat(MediaFormat.sniff(bytes(0xFF, 0xF1, 0x50, 0x80))).isEqualTo(MediaFormat.AAC);
        assertThat(MediaFormat.sniff(ascii("OggS\0\u0002"))).isEqualTo(MediaFormat.OGG);
    }

    @Test
    void refusesEverythingElse() {
        assertThat(MediaFormat.sniff(ascii("%PDF-1.7"))).isNull();
        assertThat(MediaFormat.sniff(ascii("BM6\u0001"))).isNull();
        assertThat(MediaFormat.sniff(ascii("II*\0"))).isNull();
        assertThat(MediaFormat.sniff(ascii("PK\u0003\u0004"))).isNull();
        assertThat(MediaFormat.sniff(ftyp("3gp4"))).isNull();
        assertThat(MediaFormat.sniff(ftyp("avif"))).isNull();
        assertThat(MediaFormat.sniff(ascii("<html>"))).isNull();
        assertThat(MediaFormat.sniff(new byte[0])).isNull();
    }

    @Test
    void onlyPublicAddressesArePublic() throws Exception {
        for (String a : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.0.1", "169.254.169.254", "0.0.0.0",
                "100.64.0.1", "224.0.0.1", "255.255.255.255", "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1"}) {
            assertThat(UrlFetcher.isPublic(InetAddress.getByName(a))).as(a).isFalse();
        }
        for (String a : new String[] {"93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"}) {
            assertThat(UrlFetcher.isPublic(InetAddress.getByName(a))).as(a).isTrue();
        }
    }
}
