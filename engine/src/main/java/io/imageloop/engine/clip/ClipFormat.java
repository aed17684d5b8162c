package io.imageloop.engine.clip;

import io.imageloop.engine.source.ImageFormat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Video containers, recognised by their first bytes like photos are (never by the file name).
 * An animated GIF is a clip; a GIF with a single frame is a photo.
 */
public enum ClipFormat {
    MP4, MOV, WEBM, MKV, AVI, GIF;

    private static final int HEAD = 64;

    /** The clip format of a file, or empty when it is not a clip (a photo, unknown or unreadable). */
    public static Optional<ClipFormat> of(Path file) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        byte[] head;
        try {
            head = ImageFormat.head(file, HEAD);
        } catch (IOException e) {
            return Optional.empty(); // the photo path reports unreadable files
        }
        ClipFormat format = sniff(head);
        if (format == GIF && GifScan.of(file, 2).frames() < 2) return Optional.empty();
        return Optional.ofNullable(format);
    }

    /**
     * The container by magic bytes alone: ISO BMFF {@code ftyp} (MP4, QuickTime), EBML (WebM,
     * Matroska), {@code RIFF....AVI } and {@code GIF8}. ISO BMFF brands of still images (HEIC,
     * AVIF) are not clips. A GIF found here may still have only one frame.
     */
    public static ClipFormat sniff(byte[] head) {
        if (startsWith(head, 0, 'G', 'I', 'F', '8')) return GIF;
        if (startsWith(head, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            // The EBML header names its DocType within the first few dozen bytes.
            return new String(head, StandardCharsets.ISO_8859_1).contains("webm") ? WEBM : MKV;
        }
        if (startsWith(head, 0, 'R', 'I', 'F', 'F') && startsWith(head, 8, 'A', 'V', 'I', ' ')) return AVI;
        if (startsWith(head, 4, 'f', 't', 'y', 'p') && head.length >= 12) {
            String brand = new String(head, 8, 4, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
            if (isStillBrand(brand)) return null;
            return brand.equals("qt  ") ? MOV : MP4;
        }
        // Older QuickTime files start with a movie atom instead of ftyp.
        if (startsWith(head, 4, 'm', 'o', 'o', 'v') || startsWith(head, 4, 'm', 'd', 'a', 't')
                || startsWith(head, 4, 'w', 'i', 'd', 'e')) {
            return MOV;
        }
        return null;
    }

    private static boolean isStillBrand(String brand) {
        return brand.startsWith("hei") || brand.startsWith("hev") || brand.startsWith("mif")
                || brand.startsWith("msf") || brand.startsWith("avif") || brand.startsWith("avis")
                || brand.startsWith("crx");
    }

    private static boolean startsWith(byte[] data, int offset, int... expected) {
        if (data.length < offset + expected.length) return false;
        for (int i = 0; i < expected.length; i++) {
            if ((data[offset + i] & 0xFF) != expected[i]) return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
