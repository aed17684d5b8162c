package io.imageloop.engine.recipe;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

/**
 * A painted mask: a grey PNG stretched over the whole photo, bright = inside. It is kept as the
 * PNG's bytes, so a recipe carries it whole (inline in a draft, as {@code data:image/png;base64,}),
 * or as the file it came from ({@link #file()}, for motion specs on disk).
 *
 * @param label what it shows, for reports ("the sky"), or null
 */
public record Mask(byte[] png, Path file, String label) {

    /** Masks are coarse guides refined against the photo's own edges; more pixels buy nothing. */
    public static final int MAX_SIDE = 4096;
    /** Inline masks (drafts, the studio) stay small. */
    public static final int MAX_INLINE_BYTES = 1 << 20;
    private static final String DATA_PREFIX = "data:image/png;base64,";

    public Mask {
        Objects.requireNonNull(png, "png");
    }

    /** Reads a mask file (PNG, JPEG, ... bright = inside), refusing what is not a small grey image. */
    public static Mask read(Path file) {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) throw new LoopException(Kind.INPUT_NOT_FOUND, "no such mask: " + file);
            // A mask is a picture like any other: the same door, the same limits, before decoding.
            io.imageloop.engine.media.MediaDoor.probePhoto(file, io.imageloop.engine.media.MediaLimits.DEFAULT);
            if (Files.size(file) > 64L << 20) throw new LoopException(Kind.INPUT_TOO_LARGE, "the mask " + file.getFileName() + " is over 64 MB");
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new LoopException(Kind.INPUT_NOT_FOUND, "cannot read the mask " + file + ": " + e.getMessage(), e);
        }
        Mask m = new Mask(bytes, file, null);
        m.decode().close(); // refuses what is not an image now, not at render time
        return m;
    }

    /** A mask made in memory (the planner's, a brush's), 8-bit single channel. */
    public static Mask of(Mat grey, String label) {
        try (BytePointer buf = new BytePointer()) {
            if (!imencode(".png", grey, buf)) throw new LoopException(Kind.ENCODE_FAILED, "cannot encode a mask");
            byte[] bytes = new byte[(int) buf.limit()];
            buf.get(bytes);
            return new Mask(bytes, null, label);
        }
    }

    /** Parses {@code data:image/png;base64,...}. */
    public static Mask ofDataUrl(String url, String label) {
        if (!url.startsWith(DATA_PREFIX)) throw new LoopException(Kind.INVALID_PARAMETER, "a mask must be a data:image/png;base64 URL");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(url.substring(DATA_PREFIX.length()).trim());
        } catch (IllegalArgumentException e) {
            throw new LoopException(Kind.INVALID_PARAMETER, "a mask's base64 is damaged");
        }
        if (bytes.length > MAX_INLINE_BYTES) throw new LoopException(Kind.INPUT_TOO_LARGE, "an inline mask is over 1 MB");
        Mask m = new Mask(bytes, null, label);
        m.decode().close();
        return m;
    }

    public static boolean isDataUrl(String text) {
        return text != null && text.startsWith(DATA_PREFIX);
    }

    public String dataUrl() {
        return DATA_PREFIX + Base64.getEncoder().encodeToString(png);
    }

    public Mask withLabel(String v) {
        return new Mask(png, file, v);
    }

    /** The mask as 8-bit grey; the caller closes it. */
    public Mat decode() {
        int[] declared = declaredSize(png);
        if (declared != null && (declared[0] > MAX_SIDE || declared[1] > MAX_SIDE)) {
            throw new LoopException(Kind.INPUT_TOO_LARGE, "a mask" + where() + " is " + declared[0] + "x" + declared[1]
                    + "; masks are at most " + MAX_SIDE + " px on a side");
        }
        try (Mat raw = new Mat(1, png.length, org.bytedeco.opencv.global.opencv_core.CV_8UC1, new BytePointer(png))) {
            Mat grey = imdecode(raw, IMREAD_GRAYSCALE);
            if (grey == null || grey.empty()) throw new LoopException(Kind.CORRUPT_INPUT, "a mask" + where() + " cannot be decoded as an image");
            if (grey.cols() > MAX_SIDE || grey.rows() > MAX_SIDE) {
                int w = grey.cols(), h = grey.rows();
                grey.close();
                throw new LoopException(Kind.INPUT_TOO_LARGE, "a mask" + where() + " is " + w + "x" + h + "; masks are at most "
                        + MAX_SIDE + " px on a side");
            }
            return grey;
        }
    }

    /**
     * Width and height from a PNG's IHDR or a JPEG's SOF marker, read before decoding so that a
     * tiny file declaring a huge picture is refused without allocating it; null for other types.
     */
    static int[] declaredSize(byte[] b) {
        if (b.length >= 24 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return new int[] {be32(b, 16), be32(b, 20)};
        }
        if (b.length >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8) {
            int i = 2;
            while (i + 9 < b.length && (b[i] & 0xFF) == 0xFF) {
                int marker = b[i + 1] & 0xFF;
                int length = (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
                boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
                if (frame) return new int[] {(b[i + 7] & 0xFF) << 8 | (b[i + 8] & 0xFF), (b[i + 5] & 0xFF) << 8 | (b[i + 6] & 0xFF)};
                i += 2 + length;
            }
        }
        return null;
    }

    private static int be32(byte[] b, int at) {
        long v = (long) (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
        return (int) Math.min(Integer.MAX_VALUE, v);
    }

    private String where() {
        return file == null ? "" : " (" + file.getFileName() + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mask m && Arrays.equals(png, m.png) && Objects.equals(label, m.label);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(png) * 31 + Objects.hashCode(label);
    }

    @Override
    public String toString() {
        return "Mask[" + (file != null ? file : png.length + " bytes") + (label == null ? "" : ", " + label) + "]";
    }
}
