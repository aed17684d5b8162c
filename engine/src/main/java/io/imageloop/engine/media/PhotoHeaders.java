package io.imageloop.engine.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.heif.HeifDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stored size and orientation of a still picture, from its header. PNG, GIF, BMP and WebP
 * headers are read here, a few bytes each: a metadata library would also inflate PNG text
 * chunks and load WebP bitstreams into memory, which a hostile file turns into a bomb. JPEG
 * (EXIF orientation) and HEIC (box tree) go through metadata-extractor, whose reads are bounded
 * by segment sizes the structure check has already seen.
 */
final class PhotoHeaders {

    /** Width, height and EXIF orientation. */
    record Header(int width, int height, int orientation) {
    }

    private PhotoHeaders() {
    }

    static Header read(Path file, MediaType type) {
        try {
            Header h = switch (type) {
                case PNG -> png(file);
                case GIF -> gif(file);
                case BMP -> bmp(file);
                case WEBP -> webp(file);
                case JPEG, HEIC -> withMetadata(file, type);
                default -> null;
            };
            if (h == null || h.width() <= 0 || h.height() <= 0) {
                throw new LoopException(Kind.CORRUPT_INPUT, file.getFileName() + " is damaged: its " + type + " header has no image size");
            }
            return h;
        } catch (IOException e) {
            throw new LoopException(Kind.CORRUPT_INPUT, file.getFileName() + " is damaged: its " + type + " header cannot be read", e);
        }
    }

    private static ByteBuffer head(Path file, int n, ByteOrder order) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return ByteBuffer.wrap(in.readNBytes(n)).order(order);
        }
    }

    /** IHDR is the first chunk: width and height as big-endian 32-bit numbers at bytes 16 and 20. */
    private static Header png(Path file) throws IOException {
        ByteBuffer b = head(file, 24, ByteOrder.BIG_ENDIAN);
        if (b.limit() < 24 || b.getInt(12) != 0x49484452) return null; // "IHDR"
        long w = b.getInt(16) & 0xFFFFFFFFL;
        long h = b.getInt(20) & 0xFFFFFFFFL;
        return new Header(clamp(w), clamp(h), 1);
    }

    /** The logical screen: what decoders allocate, whatever the frames inside it claim. */
    private static Header gif(Path file) throws IOException {
        ByteBuffer b = head(file, 10, ByteOrder.LITTLE_ENDIAN);
        if (b.limit() < 10) return null;
        return new Header(b.getShort(6) & 0xFFFF, b.getShort(8) & 0xFFFF, 1);
    }

    private static Header bmp(Path file) throws IOException {
        ByteBuffer b = head(file, 26, ByteOrder.LITTLE_ENDIAN);
        if (b.limit() < 26) return null;
        int infoSize = b.getInt(14);
        if (infoSize == 12) return new Header(b.getShort(18) & 0xFFFF, b.getShort(20) & 0xFFFF, 1); // OS/2 core header
        long w = b.getInt(18);
        long h = Math.abs((long) b.getInt(22)); // negative height: stored top-down
        return new Header(w <= 0 ? 0 : clamp(w), clamp(h), 1);
    }

    /** The first chunk after "WEBP": VP8X (canvas), VP8L (lossless) or VP8 (lossy key frame). */
    private static Header webp(Path file) throws IOException {
        ByteBuffer b = head(file, 30, ByteOrder.LITTLE_ENDIAN);
        if (b.limit() < 30) return null;
        String chunk = new String(b.array(), 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        return switch (chunk) {
            case "VP8X" -> new Header(1 + u24(b, 24), 1 + u24(b, 27), 1);
            case "VP8L" -> {
                if ((b.get(20) & 0xFF) != 0x2F) yield null;
                int bits = b.getInt(21);
                yield new Header(1 + (bits & 0x3FFF), 1 + ((bits >>> 14) & 0x3FFF), 1);
            }
            case "VP8 " -> {
                if ((b.get(23) & 0xFF) != 0x9D || (b.get(24) & 0xFF) != 0x01 || (b.get(25) & 0xFF) != 0x2A) yield null;
                yield new Header(b.getShort(26) & 0x3FFF, b.getShort(28) & 0x3FFF, 1);
            }
            default -> null;
        };
    }

    private static Header withMetadata(Path file, MediaType type) {
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(file.toFile());
        } catch (Exception | StackOverflowError e) {
            throw new LoopException(Kind.CORRUPT_INPUT, file.getFileName() + " is damaged: its " + type + " header cannot be read", e);
        }
        int[] size = type == MediaType.JPEG
                ? read(metadata, JpegDirectory.class, JpegDirectory.TAG_IMAGE_WIDTH, JpegDirectory.TAG_IMAGE_HEIGHT)
                : read(metadata, HeifDirectory.class, HeifDirectory.TAG_IMAGE_WIDTH, HeifDirectory.TAG_IMAGE_HEIGHT);
        if (size == null) return null;
        return new Header(size[0], size[1], orientation(metadata));
    }

    private static int orientation(Metadata metadata) {
        ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
            Integer value = exif.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
            if (value != null && value >= 1 && value <= 8) return value;
        }
        return 1;
    }

    private static <D extends Directory> int[] read(Metadata metadata, Class<D> type, int widthTag, int heightTag) {
        for (D dir : metadata.getDirectoriesOfType(type)) {
            Integer w = dir.getInteger(widthTag);
            Integer h = dir.getInteger(heightTag);
            if (w != null && h != null) return new int[] {Math.abs(w), Math.abs(h)};
        }
        return null;
    }

    private static int u24(ByteBuffer b, int at) {
        return (b.get(at) & 0xFF) | (b.get(at + 1) & 0xFF) << 8 | (b.get(at + 2) & 0xFF) << 16;
    }

    /** Sizes beyond int range are still "too large", never negative. */
    private static int clamp(long v) {
        return (int) Math.min(Integer.MAX_VALUE, v);
    }

    /** Reads a few bytes at an offset; used by the structure checks too. */
    static ByteBuffer read(FileChannel ch, long pos, int n, ByteOrder order) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n).order(order);
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) break;
        }
        b.flip();
        return b;
    }
}
