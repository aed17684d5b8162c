package io.imageloop.engine.media;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Small files made to be refused: headers that declare huge pictures over tiny bodies, damaged
 * and cut-off data, and things that are not media at all. Everything is generated in memory, a
 * few kilobytes each, so a suite can try hundreds of them quickly. Shared with the server and
 * CLI tests through the engine's test jar.
 */
public final class HostileMedia {

    private HostileMedia() {
    }

    // ---- valid pictures to start from -------------------------------------------------------

    /** A real RGB PNG of the given size (a gradient, so compression does not hide the rows). */
    public static byte[] png(int w, int h) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int y = 0; y < h; y++) {
            raw.write(0);
            for (int x = 0; x < w; x++) {
                raw.write((x * 7) & 0xFF);
                raw.write((y * 5) & 0xFF);
                raw.write((x + y) & 0xFF);
            }
        }
        return pngOf(w, h, 2, deflate(raw.toByteArray()));
    }

    /** A real JPEG through the JDK's encoder. */
    public static byte[] jpeg(int w, int h) {
        return imageIo(w, h, "jpg");
    }

    /** A real single-frame GIF through the JDK's encoder. */
    public static byte[] gif(int w, int h) {
        return imageIo(w, h, "gif");
    }

    /** A real 24-bit BMP through the JDK's encoder. */
    public static byte[] bmp(int w, int h) {
        return imageIo(w, h, "bmp");
    }

    private static byte[] imageIo(int w, int h, String format) {
        BufferedImage img = new BufferedImage(w, h, format.equals("gif") ? BufferedImage.TYPE_BYTE_INDEXED : BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, (x * 9 & 0xFF) << 16 | (y * 7 & 0xFF) << 8 | 0x40);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, out)) throw new IllegalStateException("no ImageIO writer for " + format);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    // ---- declared-huge headers over tiny bodies ----------------------------------------------

    /** A PNG whose header says w x h, with a few bytes of image data. */
    public static byte[] pngDeclaring(long w, long h) {
        return pngOf(w, h, 2, deflate(new byte[64]));
    }

    /**
     * A PNG of w x h black pixels that is complete and valid: its rows inflate from a tiny
     * stream (deflate squeezes zeros about 1000:1), the classic decompression bomb.
     */
    public static byte[] pngZeros(int w, int h) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(9);
        try (OutputStream out = new DeflaterOutputStream(compressed, deflater, 1 << 16)) {
            byte[] row = new byte[1 + 3 * w];
            for (int y = 0; y < h; y++) out.write(row);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            deflater.end();
        }
        return pngOf(w, h, 2, compressed.toByteArray());
    }

    /** A valid-looking JPEG whose frame header declares w x h. */
    public static byte[] jpegDeclaring(int w, int h) {
        byte[] j = jpeg(16, 16);
        for (int i = 2; i + 9 < j.length; i++) {
            int m = j[i + 1] & 0xFF;
            if ((j[i] & 0xFF) == 0xFF && m >= 0xC0 && m <= 0xC3) {
                j[i + 5] = (byte) (h >> 8);
                j[i + 6] = (byte) h;
                j[i + 7] = (byte) (w >> 8);
                j[i + 8] = (byte) w;
                return j;
            }
        }
        throw new IllegalStateException("no SOF marker");
    }

    /** A GIF whose logical screen is w x h around a small real image. */
    public static byte[] gifScreen(int w, int h) {
        byte[] g = gif(8, 8);
        g[6] = (byte) w;
        g[7] = (byte) (w >> 8);
        g[8] = (byte) h;
        g[9] = (byte) (h >> 8);
        return g;
    }

    /** A BMP header declaring w x h, 24-bit, with a few bytes of pixels. */
    public static byte[] bmpDeclaring(int w, int h) {
        ByteBuffer b = ByteBuffer.allocate(54 + 64).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(54 + 64).putInt(0).putInt(54);
        b.putInt(40).putInt(w).putInt(h).putShort((short) 1).putShort((short) 24).putInt(0).putInt(0).putInt(2835).putInt(2835)
                .putInt(0).putInt(0);
        return b.array();
    }

    /** An extended WebP (VP8X) whose canvas is w x h, with an empty body. */
    public static byte[] webpDeclaring(int w, int h) {
        ByteBuffer b = ByteBuffer.allocate(30 + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(30 + 16 - 8).put("WEBPVP8X".getBytes(StandardCharsets.US_ASCII))
                .putInt(10).putInt(0);
        b.put((byte) (w - 1)).put((byte) ((w - 1) >> 8)).put((byte) ((w - 1) >> 16));
        b.put((byte) (h - 1)).put((byte) ((h - 1) >> 8)).put((byte) ((h - 1) >> 16));
        return b.array();
    }

    // ---- damage -------------------------------------------------------------------------------

    /** A PNG whose compressed image data is scrambled, with checksums fixed so only the data is wrong. */
    public static byte[] pngCorruptData(int w, int h) {
        byte[] raw = new byte[h * (1 + 3 * w)];
        for (int i = 0; i < raw.length; i++) raw[i] = (byte) ((i * 31) ^ (i >> 3));
        for (int y = 0; y < h; y++) raw[y * (1 + 3 * w)] = 1;
        byte[] idat = deflate(raw);
        for (int i = idat.length / 3; i < idat.length - 4; i += 7) idat[i] ^= (byte) 0x5A;
        return pngOf(w, h, 2, idat);
    }

    /** A PNG whose rows start with filter type 9 (there are five). */
    public static byte[] pngBadFilter(int w, int h) {
        byte[] raw = new byte[h * (1 + 3 * w)];
        for (int y = 0; y < h; y++) raw[y * (1 + 3 * w)] = 9;
        return pngOf(w, h, 2, deflate(raw));
    }

    /** A valid PNG whose header chunk's checksum is off by one bit. */
    public static byte[] pngBadCrc(int w, int h) {
        byte[] p = png(w, h);
        p[32] ^= 1; // the last byte of IHDR's CRC
        return p;
    }

    /** The first {@code fraction} of a file. */
    public static byte[] truncated(byte[] whole, double fraction) {
        return Arrays.copyOf(whole, Math.max(1, (int) (whole.length * fraction)));
    }

    // ---- not media -----------------------------------------------------------------------------

    public static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] tiff() {
        return new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0, 0, 0, 0, 0};
    }

    /** An ISO box header with the given brand, then junk. */
    public static byte[] isoJunk(String brand) {
        byte[] b = new byte[2048];
        byte[] head = ("\0\0\0\u0018ftyp" + brand + "\0\0\0\0" + brand).getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, b, 0, head.length);
        for (int i = head.length; i < b.length; i++) b[i] = (byte) (i * 131 + 7);
        return b;
    }

    /** Old QuickTime layout: a {@code free} atom first, then junk. */
    public static byte[] quickTimeFreeAtom() {
        byte[] b = new byte[2048];
        byte[] head = "\0\0\0\u0010free\0\0\0\0\0\0\0\0\0\0\0\u0008mdat".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, b, 0, head.length);
        for (int i = head.length; i < b.length; i++) b[i] = (byte) (i * 17 + 3);
        return b;
    }

    // ---- catalogues for the hostile-input suites ---------------------------------------------------

    /** Files every door must refuse (CLI exit 3; upload 4001, 4003, 4006 or 4007), named as a user might name them. */
    public static java.util.Map<String, byte[]> refused() {
        java.util.Map<String, byte[]> m = new java.util.LinkedHashMap<>();
        long[][] pngSizes = {{60000, 60000}, {11000, 11000}, {65535, 2000}, {0xFFFFFFFFL, 0xFFFFFFFFL}, {Integer.MAX_VALUE, 1}, {0, 0}, {0, 100}};
        for (long[] s : pngSizes) m.put("declared-" + s[0] + "x" + s[1] + ".png", pngDeclaring(s[0], s[1]));
        int[][] sizes = {{60000, 60000}, {11000, 11000}, {65535, 65535}, {65535, 2000}};
        for (int[] s : sizes) {
            m.put("declared-" + s[0] + "x" + s[1] + ".jpg", jpegDeclaring(s[0], s[1]));
            m.put("screen-" + s[0] + "x" + s[1] + ".gif", gifScreen(s[0], s[1]));
            m.put("declared-" + s[0] + "x" + s[1] + ".bmp", bmpDeclaring(s[0], s[1]));
        }
        m.put("declared-0x0.jpg", jpegDeclaring(0, 0));
        m.put("declared-16384x16384.webp", webpDeclaring(16384, 16384));
        m.put("declared-11000x11000.webp", webpDeclaring(11000, 11000));
        m.put("corrupt-data.png", pngCorruptData(64, 64));
        m.put("bad-filter.png", pngBadFilter(16, 16));
        m.put("bad-crc.png", pngBadCrc(16, 16));
        for (double f : new double[] {0.1, 0.3, 0.5, 0.7, 0.9, 0.99}) {
            String cut = "cut-" + Math.round(f * 100);
            m.put(cut + ".png", truncated(png(48, 32), f));
            m.put(cut + ".jpg", truncated(jpeg(48, 32), f));
            m.put(cut + ".gif", truncated(gif(48, 32), f));
            m.put(cut + ".bmp", truncated(bmp(48, 32), f));
        }
        m.put("text.jpg", text("this is a text file, not a photo"));
        m.put("report.png", text("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj"));
        m.put("page.gif", text("<!doctype html><html><body>hello</body></html>"));
        m.put("archive.mp4", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0});
        m.put("empty.jpg", new byte[0]);
        m.put("one-byte.png", new byte[] {(byte) 0x89});
        m.put("bm-text.bmp", text("BM is how this line starts, and it is not a bitmap"));
        m.put("scan.tif", tiff());
        m.put("gif8.gif", text("GIF8"));
        m.put("fake.heic", isoJunk("heic"));
        m.put("photo.avif", isoJunk("avif"));
        m.put("junk-isom.mp4", isoJunk("isom"));
        m.put("junk-qt.mov", isoJunk("qt  "));
        m.put("junk-mp42.mp4", isoJunk("mp42"));
        m.put("junk-3gp4.3gp", isoJunk("3gp4"));
        m.put("junk.m4a", isoJunk("M4A "));
        m.put("free-atom.mov", quickTimeFreeAtom());
        m.put("junk.avi", riffJunk("AVI LIST"));
        m.put("junk.wav", riffJunk("WAVEfmt "));
        m.put("ebml.mkv", ebmlJunk("nothing"));
        return m;
    }

    /** Files that are odd but may be accepted: whatever the answer, it is a clean one. */
    public static java.util.Map<String, byte[]> odd() {
        java.util.Map<String, byte[]> m = new java.util.LinkedHashMap<>();
        m.put("tiny-1x1.png", png(1, 1));
        m.put("tiny-1x1.gif", gif(1, 1));
        m.put("tiny-2x2.jpg", jpeg(2, 2));
        m.put("tiny-1x1.bmp", bmp(1, 1));
        m.put("tall-4x2000.png", png(4, 2000));
        m.put("wide-3000x2.png", png(3000, 2));
        m.put("junk-webm.webm", ebmlJunk("webm"));
        m.put("junk.ogg", junk("OggS\0\u0002"));
        m.put("junk.mp3", junk("ID3\u0004\0\0\0\0\0\u0010"));
        m.put("junk.aac", junkBytes(0xFF, 0xF1, 0x50, 0x80));
        m.put("frames.mp3", junkBytes(0xFF, 0xFB, 0x90, 0x64));
        return m;
    }

    private static byte[] riffJunk(String form) {
        byte[] b = junk("RIFF\0\0\u0010\0" + form);
        return b;
    }

    private static byte[] ebmlJunk(String docType) {
        byte[] b = junk("\u001aE\u00df\u00a3\u0093B\u0082\u0088" + docType);
        return b;
    }

    private static byte[] junk(String head) {
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] b = Arrays.copyOf(h, 1500);
        for (int i = h.length; i < b.length; i++) b[i] = (byte) (i * 73 + 11);
        return b;
    }

    private static byte[] junkBytes(int... head) {
        byte[] b = new byte[1500];
        for (int i = 0; i < head.length; i++) b[i] = (byte) head[i];
        for (int i = head.length; i < b.length; i++) b[i] = (byte) (i * 73 + 11);
        return b;
    }

    // ---- building blocks ------------------------------------------------------------------------

    static byte[] pngOf(long w, long h, int colourType, byte[] idat) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt((int) w).putInt((int) h).put((byte) 8).put((byte) colourType)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", idat);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    static byte[] deflate(byte[] raw) {
        Deflater d = new Deflater();
        d.setInput(raw);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 14];
        while (!d.finished()) out.write(buf, 0, d.deflate(buf));
        d.end();
        return out.toByteArray();
    }
}
