package io.imageloop.engine.media;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Walks a GIF's block structure without decoding pixels: how many frames it has and whether it
 * reaches its trailer. That tells an animation from a still and a whole file from a cut-off one
 * (FFmpeg's GIF demuxer stops quietly at the cut).
 *
 * @param frames   image blocks read completely (up to the limit asked for)
 * @param complete whether the trailer was reached; false when the file ends early, is damaged,
 *                 or the scan stopped at the limit
 */
record GifScan(int frames, boolean complete) {

    private static final int TRAILER = 0x3B;
    private static final int IMAGE = 0x2C;
    private static final int EXTENSION = 0x21;

    /** Scans up to {@code maxFrames} frames (Integer.MAX_VALUE for the whole file). */
    static GifScan of(Path file, int maxFrames) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return scan(in, maxFrames);
        } catch (IOException e) {
            return new GifScan(0, false);
        }
    }

    private static GifScan scan(InputStream in, int maxFrames) throws IOException {
        byte[] header = in.readNBytes(13); // signature, version, logical screen descriptor
        if (header.length < 13) return new GifScan(0, false);
        if (!skip(in, colorTableBytes(header[10]))) return new GifScan(0, false);
        int frames = 0;
        while (true) {
            int block = in.read();
            switch (block) {
                case TRAILER -> {
                    return new GifScan(frames, true);
                }
                case EXTENSION -> {
                    if (in.read() < 0 || !skipSubBlocks(in)) return new GifScan(frames, false);
                }
                case IMAGE -> {
                    byte[] descriptor = in.readNBytes(9);
                    if (descriptor.length < 9 || !skip(in, colorTableBytes(descriptor[8]))
                            || in.read() < 0 || !skipSubBlocks(in)) {
                        return new GifScan(frames, false);
                    }
                    frames++;
                    if (frames >= maxFrames) return new GifScan(frames, false);
                }
                default -> {
                    return new GifScan(frames, false); // end of file or an unknown block: damaged
                }
            }
        }
    }

    private static int colorTableBytes(byte packed) {
        return (packed & 0x80) == 0 ? 0 : 3 * (1 << ((packed & 0x07) + 1));
    }

    private static boolean skipSubBlocks(InputStream in) throws IOException {
        while (true) {
            int size = in.read();
            if (size < 0) return false;
            if (size == 0) return true;
            if (!skip(in, size)) return false;
        }
    }

    private static boolean skip(InputStream in, long n) throws IOException {
        try {
            in.skipNBytes(n);
            return true;
        } catch (java.io.EOFException e) {
            return false;
        }
    }
}
