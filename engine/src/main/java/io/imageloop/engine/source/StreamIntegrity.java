package io.imageloop.engine.source;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Detects truncated image files. Decoders are lenient (libjpeg paints the missing rows grey and
 * only warns), so a cut-off upload would otherwise become a loop with a grey band in it.
 * Each check walks the container structure to its end marker; it reads no pixels.
 */
final class StreamIntegrity {

    private StreamIntegrity() {
    }

    static void check(Path file, ImageFormat format) {
        boolean complete;
        try {
            complete = switch (format) {
                case JPEG -> jpegReachesEnd(file);
                case PNG -> pngReachesEnd(file);
                case WEBP -> riffComplete(file);
                case BMP -> bmpComplete(file);
                default -> true; // GIF and HEIC: the decoder itself fails on a cut-off first frame
            };
        } catch (IOException e) {
            throw new LoopException(Kind.CORRUPT_INPUT, "cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
        if (!complete) {
            throw new LoopException(Kind.CORRUPT_INPUT, file.getFileName() + " is truncated or damaged: the "
                    + format + " data ends before the image does");
        }
    }

    /** Walks JPEG markers (skipping entropy-coded data) until EOI; trailing data after EOI is fine. */
    private static boolean jpegReachesEnd(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            if (in.read() != 0xFF || in.read() != 0xD8) return false;
            while (true) {
                int b = in.read();
                if (b < 0) return false;
                if (b != 0xFF) continue; // inside entropy-coded data
                int marker = in.read();
                while (marker == 0xFF) marker = in.read();
                if (marker < 0) return false;
                if (marker == 0xD9) return true;
                if (marker == 0x00 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) continue;
                int hi = in.read();
                int lo = in.read();
                if (lo < 0) return false;
                long length = ((hi << 8) | lo) - 2L;
                if (length < 0) return false;
                if (!skipFully(in, length)) return false;
            }
        }
    }

    private static boolean skipFully(InputStream in, long n) throws IOException {
        try {
            in.skipNBytes(n);
            return true;
        } catch (java.io.EOFException e) {
            return false;
        }
    }

    private static boolean pngReachesEnd(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            long size = ch.size();
            long pos = 8;
            ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
            while (pos + 12 <= size) {
                header.clear();
                ch.read(header, pos);
                long length = header.getInt(0) & 0xFFFFFFFFL;
                String type = new String(header.array(), 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
                long next = pos + 12 + length;
                if (next > size) return false;
                if (type.equals("IEND")) return true;
                pos = next;
            }
            return false;
        }
    }

    private static boolean riffComplete(Path file) throws IOException {
        byte[] head = ImageFormat.head(file, 12);
        long declared = ByteBuffer.wrap(head, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        return Files.size(file) >= declared + 8;
    }

    private static boolean bmpComplete(Path file) throws IOException {
        byte[] head = ImageFormat.head(file, 14);
        if (head.length < 14) return false;
        long declared = ByteBuffer.wrap(head, 2, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        long dataOffset = ByteBuffer.wrap(head, 10, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        long size = Files.size(file);
        // Some writers leave the size field 0; then at least the pixel data must start inside the file.
        return declared == 0 ? dataOffset < size : size >= declared;
    }
}
