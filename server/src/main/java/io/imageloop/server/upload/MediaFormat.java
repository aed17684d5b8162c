package io.imageloop.server.upload;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The accepted upload formats, recognised by their first bytes. A file's name and the
 * Content-Type the client claims are never trusted: a PDF called {@code photo.jpg} is refused.
 */
public enum MediaFormat {
    JPG("image", "image/jpeg"),
    PNG("image", "image/png"),
    GIF("image", "image/gif"),
    WEBP("image", "image/webp"),
    HEIC("image", "image/heic"),
    MP4("video", "video/mp4"),
    MOV("video", "video/quicktime"),
    AVI("video", "video/x-msvideo"),
    WEBM("video", "video/webm"),
    MKV("video", "video/x-matroska"),
    MP3("audio", "audio/mpeg"),
    WAV("audio", "audio/wav"),
    M4A("audio", "audio/mp4"),
    AAC("audio", "audio/aac"),
    OGG("audio", "audio/ogg");

    /** Bytes needed to tell every format apart. */
    public static final int HEAD = 64;

    public static final String ACCEPTED = "mp4, mov, avi, webm, mkv, jpg, png, gif, webp, heic, mp3, wav, m4a, aac, ogg";

    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1");
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso7", "iso8", "iso9",
            "mp41", "mp42", "mp71", "avc1", "dash", "mmp4", "M4V ", "M4VH", "M4VP", "f4v ", "MSNV", "NDAS", "XAVC");
    private static final Set<String> M4A_BRANDS = Set.of("M4A ", "M4B ", "M4P ", "F4A ");
    private static final Set<String> QUICKTIME_ATOMS = Set.of("moov", "mdat", "wide", "free", "skip", "pnot");

    private final String kind;
    private final String mime;

    MediaFormat(String kind, String mime) {
        this.kind = kind;
        this.mime = mime;
    }

    /** image, video or audio: what the container normally holds (probing may refine it). */
    public String kind() {
        return kind;
    }

    public String mime() {
        return mime;
    }

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format of a file starting with {@code head}, or null when it is not accepted. */
    public static MediaFormat sniff(byte[] head) {
        if (at(head, 0, 0xFF, 0xD8, 0xFF)) return JPG;
        if (at(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return PNG;
        if (at(head, 0, 'G', 'I', 'F', '8')) return GIF;
        if (at(head, 0, 'R', 'I', 'F', 'F')) {
            if (at(head, 8, 'W', 'E', 'B', 'P')) return WEBP;
            if (at(head, 8, 'A', 'V', 'I', ' ')) return AVI;
            if (at(head, 8, 'W', 'A', 'V', 'E')) return WAV;
            return null;
        }
        if (at(head, 4, 'f', 't', 'y', 'p')) return isoMedia(head);
        if (head.length >= 8 && QUICKTIME_ATOMS.contains(ascii(head, 4, 4))) return MOV;
        if (at(head, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            String text = new String(head, StandardCharsets.ISO_8859_1);
            if (text.contains("webm")) return WEBM;
            if (text.contains("matroska")) return MKV;
            return null;
        }
        if (at(head, 0, 'O', 'g', 'g', 'S')) return OGG;
        if (at(head, 0, 'I', 'D', '3')) return MP3;
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF) {
            int b1 = head[1] & 0xFF;
            if ((b1 & 0xF6) == 0xF0) return AAC;                      // ADTS: 12 sync bits, layer 00
            if ((b1 & 0xE0) == 0xE0 && ((b1 >> 1) & 0x3) != 0) return MP3; // MPEG audio frame sync, layer I-III
        }
        return null;
    }

    /** ISO base media (ftyp box): HEIC stills, M4A audio, QuickTime or MP4 video. */
    private static MediaFormat isoMedia(byte[] head) {
        String major = ascii(head, 8, 4);
        if (HEIF_BRANDS.contains(major)) return HEIC;
        if (M4A_BRANDS.contains(major)) return M4A;
        if (major.equals("qt  ")) return MOV;
        if (MP4_BRANDS.contains(major)) return MP4;
        // Unknown major brand: accept it as MP4 when a compatible brand says it is one (not 3GP, not AVIF).
        if (major.startsWith("3g") || major.startsWith("avi")) return null;
        int boxSize = head.length >= 4 ? ((head[0] & 0xFF) << 24 | (head[1] & 0xFF) << 16 | (head[2] & 0xFF) << 8 | (head[3] & 0xFF)) : 0;
        for (int p = 16; p + 4 <= Math.min(boxSize, head.length); p += 4) {
            if (MP4_BRANDS.contains(ascii(head, p, 4))) return MP4;
        }
        return null;
    }

    private static String ascii(byte[] b, int offset, int n) {
        if (b.length < offset + n) return "";
        return new String(b, offset, n, StandardCharsets.ISO_8859_1);
    }

    private static boolean at(byte[] data, int offset, int... expected) {
        if (data.length < offset + expected.length) return false;
        for (int i = 0; i < expected.length; i++) {
            if ((data[offset + i] & 0xFF) != expected[i]) return false;
        }
        return true;
    }
}
