package io.imageloop.engine.clip;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Containers recognised by their first bytes. */
class ClipFormatTest {

    @Test
    void sniffsVideoContainers() {
        assertThat(ClipFormat.sniff(box("ftypisom"))).isEqualTo(ClipFormat.MP4);
        assertThat(ClipFormat.sniff(box("ftypmp42"))).isEqualTo(ClipFormat.MP4);
        assertThat(ClipFormat.sniff(box("ftypqt  "))).isEqualTo(ClipFormat.MOV);
        assertThat(ClipFormat.sniff(box("moov"))).isEqualTo(ClipFormat.MOV);
        assertThat(ClipFormat.sniff(ebml("webm"))).isEqualTo(ClipFormat.WEBM);
        assertThat(ClipFormat.sniff(ebml("matroska"))).isEqualTo(ClipFormat.MKV);
        assertThat(ClipFormat.sniff("RIFF\0\0\0\0AVI LIST".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(ClipFormat.AVI);
        assertThat(ClipFormat.sniff("GIF89a".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(ClipFormat.GIF);
    }

    @Test
    void stillImagesAreNotClips() {
        assertThat(ClipFormat.sniff(box("ftypheic"))).isNull();
        assertThat(ClipFormat.sniff(box("ftypmif1"))).isNull();
        assertThat(ClipFormat.sniff(box("ftypavif"))).isNull();
        assertThat(ClipFormat.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1))).isNull();
        assertThat(ClipFormat.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).isNull();
        assertThat(ClipFormat.sniff(new byte[0])).isNull();
    }

    private static byte[] box(String typeAndBrand) {
        byte[] b = new byte[16];
        b[3] = 16;
        byte[] text = typeAndBrand.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(text, 0, b, 4, text.length);
        return b;
    }

    private static byte[] ebml(String docType) {
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
