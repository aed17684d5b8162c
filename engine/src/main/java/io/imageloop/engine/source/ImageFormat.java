package io.imageloop.engine.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Still-image container formats, recognised by their first bytes (never by the file name):
 * a photo called {@code .png} that is really a JPEG is a JPEG.
 */
public enum ImageFormat {
    JPEG, PNG, WEBP, BMP, GIF, HEIC, TIFF;

    /** Sniffs the format from the magic bytes, or returns null when no still format matches. */
    public static ImageFormat sniff(byte[] head) {
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) return JPEG;
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return PNG;
        if (startsWith(head, 0, 'R', 'I', 'F', 'F') && startsWith(head, 8, 'W', 'E', 'B', 'P')) return WEBP;
        if (startsWith(head, 0, 'B', 'M')) return BMP;
        if (startsWith(head, 0, 'G', 'I', 'F', '8')) return GIF;
        if (startsWith(head, 0, 'I', 'I', 42, 0) || startsWith(head, 0, 'M', 'M', 0, 42)) return TIFF;
        if (startsWith(head, 4, 'f', 't', 'y', 'p')) {
            String brand = new String(head, 8, Math.min(4, Math.max(0, head.length - 8)), java.nio.charset.StandardCharsets.US_ASCII);
            if (brand.startsWith("hei") || brand.startsWith("mif1") || brand.startsWith("msf1") || brand.startsWith("hev")) {
                return HEIC;
            }
        }
        return null;
    }

    public static byte[] head(Path file, int n) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        }
    }

    private static boolean startsWith(byte[] data, int offset, int... expected) {
        if (data.length < offset + expected.length) return false;
        for (int i = 0; i < expected.length; i++) {
            if ((data[offset + i] & 0xFF) != expected[i]) return false;
        }
        return true;
    }
}
