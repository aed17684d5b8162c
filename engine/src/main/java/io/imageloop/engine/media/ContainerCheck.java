package io.imageloop.engine.media;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Cut-off video and audio containers, found from their box structure before FFmpeg sees them:
 * FFmpeg's demuxers stop quietly where a file ends, so a truncated upload would otherwise be
 * stored and fail at export. ISO base media (MP4, QuickTime, M4A, HEIC) must be a chain of boxes
 * that ends exactly at the end of the file and holds its index ({@code moov}, or {@code meta} for
 * HEIC); RIFF (AVI, WAV) must be as long as its header says.
 */
final class ContainerCheck {

    private ContainerCheck() {
    }

    static void check(Path file, MediaType type) {
        String problem;
        try (FileChannel ch = FileChannel.open(file)) {
            problem = switch (type) {
                case MP4, MOV, M4A -> iso(ch, "moov");
                case HEIC -> iso(ch, "meta");
                case AVI, WAV -> riff(ch);
                default -> null;
            };
        } catch (IOException e) {
            throw new LoopException(Kind.CORRUPT_INPUT, "cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
        if (problem != null) {
            throw new LoopException(Kind.CORRUPT_INPUT, file.getFileName() + " is truncated or damaged: " + problem);
        }
    }

    private static String iso(FileChannel ch, String index) throws IOException {
        long size = ch.size();
        long pos = 0;
        boolean indexed = false;
        int boxes = 0;
        while (pos < size) {
            ByteBuffer h = PhotoHeaders.read(ch, pos, 16, ByteOrder.BIG_ENDIAN);
            if (h.limit() < 8) return "its data ends inside a box header";
            long boxSize = h.getInt(0) & 0xFFFFFFFFL;
            String type = new String(h.array(), 4, 4, StandardCharsets.ISO_8859_1);
            if (boxSize == 1) {
                if (h.limit() < 16) return "its data ends inside a box header";
                boxSize = h.getLong(8);
            } else if (boxSize == 0) {
                boxSize = size - pos; // the last box runs to the end of the file
            }
            if (boxSize < 8) return "a box has an impossible size";
            if (pos + boxSize > size) return "its " + printable(type) + " box runs past the end of the file";
            if (type.equals(index)) indexed = true;
            pos += boxSize;
            if (++boxes > 100_000) return "it has too many top-level boxes";
        }
        return indexed ? null : "it has no " + index + " box";
    }

    private static String riff(FileChannel ch) throws IOException {
        ByteBuffer h = PhotoHeaders.read(ch, 0, 12, ByteOrder.LITTLE_ENDIAN);
        if (h.limit() < 12) return "its data ends inside the header";
        long declared = h.getInt(4) & 0xFFFFFFFFL;
        return ch.size() >= declared + 8 ? null : "the data ends before its header says";
    }

    private static String printable(String type) {
        return type.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? "'" + type + "'" : "last";
    }
}
