package io.imageloop.engine.media;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Detects truncated and damaged still images without decoding pixels. Decoders are lenient
 * (libjpeg paints missing rows grey and only warns, libpng prints its complaint to the
 * terminal before failing), so a cut-off or corrupt file would otherwise become a loop with a
 * grey band in it, or a native log line ahead of ours. Each check walks the container to its end
 * marker; PNG's pixel data is also inflated (to nowhere) and its checksums verified. Run only
 * after the size limits: inflating is linear in the declared pixels.
 */
final class StreamIntegrity {

    private StreamIntegrity() {
    }

    static void check(Path file, MediaType type) {
        String problem;
        try {
            problem = switch (type) {
                case JPEG -> jpegReachesEnd(file) ? null : "the JPEG data ends before the image does";
                case PNG -> PngCheck.problem(file);
                case WEBP -> riffComplete(file) ? null : "the WEBP data ends before the image does";
                case BMP -> bmpComplete(file) ? null : "the BMP data ends before the image does";
                case GIF -> GifScan.of(file, Integer.MAX_VALUE).complete() ? null : "the GIF data ends before its trailer";
                default -> null; // HEIC: FFmpeg fails on a cut-off first picture
            };
        } catch (IOException e) {
            throw new LoopException(Kind.CORRUPT_INPUT, "cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
        if (problem != null) {
            throw new LoopException(Kind.CORRUPT_INPUT, file.getFileName() + " is truncated or damaged: " + problem);
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

    static boolean skipFully(InputStream in, long n) throws IOException {
        try {
            in.skipNBytes(n);
            return true;
        } catch (java.io.EOFException e) {
            return false;
        }
    }

    private static boolean riffComplete(Path file) throws IOException {
        byte[] head = MediaDoor.head(file, 12);
        if (head.length < 12) return false;
        long declared = ByteBuffer.wrap(head, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        return Files.size(file) >= declared + 8;
    }

    private static boolean bmpComplete(Path file) throws IOException {
        byte[] head = MediaDoor.head(file, 14);
        if (head.length < 14) return false;
        long declared = ByteBuffer.wrap(head, 2, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        long dataOffset = ByteBuffer.wrap(head, 10, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        long size = Files.size(file);
        // Some writers leave the size field 0; then at least the pixel data must start inside the file.
        return declared == 0 ? dataOffset < size : size >= declared;
    }
}
