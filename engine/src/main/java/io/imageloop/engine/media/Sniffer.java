package io.imageloop.engine.media;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Magic bytes to container type. The one place that decides what a file is: the CLI, the
 * renderer and the upload path all ask it, so a file is the same thing to each of them.
 */
final class Sniffer {

    /** Bytes needed to tell every type apart. */
    static final int HEAD = 64;

    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1",
            "mif2", "miaf");
    private static final Set<String> STILL_BRANDS = Set.of("avif", "avis", "crx ");
    private static final Set<String> M4A_BRANDS = Set.of("m4a ", "m4b ", "m4p ", "f4a ", "f4b ");
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso7", "iso8",
            "iso9", "mp41", "mp42", "mp71", "avc1", "dash", "mmp4", "m4v ", "m4vh", "m4vp", "f4v ", "f4p ", "msnv", "ndas",
            "xavc", "3gp4", "3gp5", "3gp6", "3gp7", "3gg6", "3g2a", "3g2b", "3g2c", "kddi", "mqt ");
    /** QuickTime files from before {@code ftyp} start with one of these atoms. */
    private static final Set<String> QUICKTIME_ATOMS = Set.of("moov", "mdat", "wide", "free", "skip", "pnot");
    /** Sizes of the BMP info headers that exist (core, v1 to v5, OS/2 2.x). */
    private static final Set<Integer> BMP_HEADERS = Set.of(12, 16, 40, 52, 56, 64, 108, 124);

    private Sniffer() {
    }

    /** The type of a file starting with {@code head}, or null when it is none imageloop knows. */
    static MediaType sniff(byte[] head) {
        if (at(head, 0, 0xFF, 0xD8, 0xFF)) return MediaType.JPEG;
        if (at(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return MediaType.PNG;
        if (at(head, 0, 'G', 'I', 'F', '8') && (at(head, 4, '7', 'a') || at(head, 4, '9', 'a'))) return MediaType.GIF;
        if (at(head, 0, 'R', 'I', 'F', 'F')) {
            if (at(head, 8, 'W', 'E', 'B', 'P')) return MediaType.WEBP;
            if (at(head, 8, 'A', 'V', 'I', ' ')) return MediaType.AVI;
            if (at(head, 8, 'W', 'A', 'V', 'E')) return MediaType.WAV;
            return null;
        }
        if (isBmp(head)) return MediaType.BMP;
        if (at(head, 0, 'I', 'I', 42, 0) || at(head, 0, 'M', 'M', 0, 42)) return MediaType.TIFF;
        if (at(head, 4, 'f', 't', 'y', 'p')) return isoMedia(head);
        if (head.length >= 8 && QUICKTIME_ATOMS.contains(ascii(head, 4, 4))) return MediaType.MOV;
        if (at(head, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            // The EBML header names its DocType within the first few dozen bytes.
            String text = new String(head, StandardCharsets.ISO_8859_1);
            if (text.contains("webm")) return MediaType.WEBM;
            if (text.contains("matroska")) return MediaType.MKV;
            return null;
        }
        if (at(head, 0, 'O', 'g', 'g', 'S')) return MediaType.OGG;
        if (at(head, 0, 'I', 'D', '3')) return MediaType.MP3;
        if (head.length >= 4 && (head[0] & 0xFF) == 0xFF) {
            int b1 = head[1] & 0xFF;
            if ((b1 & 0xF6) == 0xF0) return MediaType.AAC;                       // ADTS: 12 sync bits, layer 00
            if ((b1 & 0xE0) == 0xE0 && ((b1 >> 1) & 0x3) != 0 && ((head[2] & 0xF0) != 0xF0)) return MediaType.MP3; // MPEG audio frame, valid bitrate
        }
        return null;
    }

    /** "BM" alone is too weak (text can start with it): the info header must have a known size. */
    private static boolean isBmp(byte[] head) {
        if (!at(head, 0, 'B', 'M') || head.length < 18) return false;
        int infoSize = (head[14] & 0xFF) | (head[15] & 0xFF) << 8 | (head[16] & 0xFF) << 16 | (head[17] & 0xFF) << 24;
        return BMP_HEADERS.contains(infoSize);
    }

    /** ISO base media (an {@code ftyp} box): HEIC stills, M4A audio, QuickTime or MP4 video. */
    private static MediaType isoMedia(byte[] head) {
        String major = ascii(head, 8, 4).toLowerCase(Locale.ROOT);
        if (HEIF_BRANDS.contains(major) || major.startsWith("hei") || major.startsWith("hev")) return MediaType.HEIC;
        if (STILL_BRANDS.contains(major)) return null; // AVIF and camera raw: stills imageloop cannot read
        if (M4A_BRANDS.contains(major)) return MediaType.M4A;
        if (major.equals("qt  ")) return MediaType.MOV;
        if (MP4_BRANDS.contains(major) || major.startsWith("3g")) return MediaType.MP4;
        // An unknown major brand: an MP4 when one of its compatible brands says so.
        long boxSize = (head[0] & 0xFFL) << 24 | (head[1] & 0xFF) << 16 | (head[2] & 0xFF) << 8 | (head[3] & 0xFF);
        for (int p = 16; p + 4 <= Math.min(boxSize, head.length); p += 4) {
            String brand = ascii(head, p, 4).toLowerCase(Locale.ROOT);
            if (HEIF_BRANDS.contains(brand)) return MediaType.HEIC;
            if (MP4_BRANDS.contains(brand)) return MediaType.MP4;
        }
        return null;
    }

    private static String ascii(byte[] b, int offset, int n) {
        if (b.length < offset + n) return "";
        return new String(b, offset, n, StandardCharsets.ISO_8859_1);
    }

    static boolean at(byte[] data, int offset, int... expected) {
        if (data.length < offset + expected.length) return false;
        for (int i = 0; i < expected.length; i++) {
            if ((data[offset + i] & 0xFF) != expected[i]) return false;
        }
        return true;
    }
}
