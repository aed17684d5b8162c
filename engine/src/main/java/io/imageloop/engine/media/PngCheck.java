package io.imageloop.engine.media;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A PNG decode check that allocates no pixels: every chunk's CRC is verified, the IDAT stream
 * is inflated into a small scratch buffer, and the filter byte that starts each row is checked.
 * The image data must inflate to exactly the size IHDR implies. This is what libpng verifies
 * while decoding, without its messages on stderr and without a width x height bitmap.
 */
final class PngCheck {

    private static final int IHDR = 0x49484452;
    private static final int IDAT = 0x49444154;
    private static final int IEND = 0x49454E44;

    private PngCheck() {
    }

    /** What is wrong with the file, or null when it is a whole, consistent PNG. */
    static String problem(Path file) throws IOException {
        long size = Files.size(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            if (!StreamIntegrity.skipFully(in, 8)) return "the PNG data ends before the image does";
            Rows rows = null;
            Inflater inflater = new Inflater();
            try {
                byte[] buf = new byte[1 << 16];
                byte[] out = new byte[1 << 16];
                long pos = 8;
                boolean idatSeen = false;
                boolean idatEnded = false;
                while (true) {
                    byte[] header = in.readNBytes(8);
                    if (header.length < 8) return "the PNG data ends before the image does";
                    long length = ByteBuffer.wrap(header, 0, 4).getInt() & 0xFFFFFFFFL;
                    int type = ByteBuffer.wrap(header, 4, 4).getInt();
                    if (length > Integer.MAX_VALUE || pos + 12 + length > size) return "the PNG data ends before the image does";
                    if (!validType(header)) return "a chunk has an invalid type";
                    if (pos == 8 && type != IHDR) return "the PNG does not start with its header chunk";
                    CRC32 crc = new CRC32();
                    crc.update(header, 4, 4);
                    if (type == IDAT) {
                        if (idatEnded) return "its image data is split by other chunks";
                        idatSeen = true;
                    } else if (idatSeen) {
                        idatEnded = true;
                    }
                    long left = length;
                    byte[] ihdr = type == IHDR ? new byte[13] : null;
                    int ihdrAt = 0;
                    while (left > 0) {
                        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                        if (n < 0) return "the PNG data ends before the image does";
                        crc.update(buf, 0, n);
                        if (ihdr != null) {
                            int copy = Math.min(n, ihdr.length - ihdrAt);
                            if (copy > 0) System.arraycopy(buf, 0, ihdr, ihdrAt, copy);
                            ihdrAt += Math.max(0, copy);
                        }
                        if (type == IDAT && rows != null) {
                            String p = inflate(inflater, buf, n, out, rows);
                            if (p != null) return p;
                        }
                        left -= n;
                    }
                    byte[] stored = in.readNBytes(4);
                    if (stored.length < 4) return "the PNG data ends before the image does";
                    if ((ByteBuffer.wrap(stored).getInt() & 0xFFFFFFFFL) != crc.getValue()) {
                        return "the " + new String(header, 4, 4, StandardCharsets.US_ASCII) + " chunk fails its checksum";
                    }
                    if (type == IHDR) {
                        if (length != 13) return "its header chunk has the wrong length";
                        rows = Rows.of(ihdr);
                        if (rows == null) return "its header chunk describes no valid image";
                    }
                    if (type == IEND) {
                        if (!idatSeen) return "it has no image data";
                        if (rows.remaining() > 0) return "its image data ends before the last row";
                        return null;
                    }
                    pos += 12 + length;
                }
            } finally {
                inflater.end();
            }
        }
    }

    /** Feeds compressed bytes, checking each row's filter byte as the rows come out. */
    private static String inflate(Inflater inflater, byte[] input, int n, byte[] out, Rows rows) {
        inflater.setInput(input, 0, n);
        try {
            while (!inflater.needsInput() && !inflater.finished()) {
                int produced = inflater.inflate(out);
                if (produced == 0 && inflater.needsDictionary()) return "its image data is not a valid zlib stream";
                for (int i = 0; i < produced; ) {
                    int step = rows.consume(out, i, produced - i);
                    if (step < 0) return "a row has an invalid filter type";
                    i += step;
                }
                if (produced == 0) break;
            }
        } catch (DataFormatException e) {
            return "its image data is corrupt (" + e.getMessage() + ")";
        }
        return null;
    }

    private static boolean validType(byte[] header) {
        for (int i = 4; i < 8; i++) {
            int c = header[i] & 0xFF;
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return false;
        }
        return true;
    }

    /**
     * The row structure IHDR implies: for each pass (one, or Adam7's seven), rows of one filter
     * byte and {@code ceil(width x bits / 8)} data bytes. Tracks where the next filter byte is.
     */
    static final class Rows {
        private final long[] rowBytes;   // data bytes per row, per pass
        private final long[] rowCount;   // rows per pass
        private int pass;
        private long row;
        private long inRow = -1;         // -1: the next byte is a filter byte

        private Rows(long[] rowBytes, long[] rowCount) {
            this.rowBytes = rowBytes;
            this.rowCount = rowCount;
            skipEmptyPasses();
        }

        static Rows of(byte[] ihdr) {
            ByteBuffer b = ByteBuffer.wrap(ihdr);
            long w = b.getInt(0) & 0xFFFFFFFFL;
            long h = b.getInt(4) & 0xFFFFFFFFL;
            int depth = ihdr[8] & 0xFF;
            int colour = ihdr[9] & 0xFF;
            int interlace = ihdr[12] & 0xFF;
            int channels = switch (colour) {
                case 0, 3 -> 1;
                case 2 -> 3;
                case 4 -> 2;
                case 6 -> 4;
                default -> -1;
            };
            boolean depthOk = switch (colour) {
                case 0 -> depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
                case 3 -> depth == 1 || depth == 2 || depth == 4 || depth == 8;
                default -> depth == 8 || depth == 16;
            };
            if (w == 0 || h == 0 || channels < 0 || !depthOk || ihdr[10] != 0 || ihdr[11] != 0 || interlace > 1) return null;
            long bits = (long) channels * depth;
            if (interlace == 0) return new Rows(new long[] {(w * bits + 7) / 8}, new long[] {h});
            int[][] adam7 = {{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}};
            long[] bytes = new long[7];
            long[] count = new long[7];
            for (int p = 0; p < 7; p++) {
                long pw = w > adam7[p][0] ? (w - adam7[p][0] + adam7[p][2] - 1) / adam7[p][2] : 0;
                long ph = h > adam7[p][1] ? (h - adam7[p][1] + adam7[p][3] - 1) / adam7[p][3] : 0;
                bytes[p] = (pw * bits + 7) / 8;
                count[p] = pw == 0 ? 0 : ph;
            }
            return new Rows(bytes, count);
        }

        /** Consumes up to n bytes; returns how many, or -1 for a bad filter byte. Data past the end is ignored, as libpng does. */
        int consume(byte[] data, int from, int n) {
            if (pass >= rowBytes.length) return n;
            if (inRow < 0) {
                if ((data[from] & 0xFF) > 4) return -1;
                inRow = 0;
                if (rowBytes[pass] == 0) endRow();
                return 1;
            }
            long take = Math.min(n, rowBytes[pass] - inRow);
            inRow += take;
            if (inRow == rowBytes[pass]) endRow();
            return (int) take;
        }

        private void endRow() {
            inRow = -1;
            row++;
            if (row == rowCount[pass]) {
                pass++;
                row = 0;
                skipEmptyPasses();
            }
        }

        private void skipEmptyPasses() {
            while (pass < rowCount.length && rowCount[pass] == 0) pass++;
        }

        long remaining() {
            return pass >= rowBytes.length ? 0 : 1;
        }
    }
}
