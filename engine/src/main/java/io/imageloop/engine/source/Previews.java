package io.imageloop.engine.source;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import io.imageloop.engine.media.MediaLimits;
import io.imageloop.engine.media.MediaType;
import org.bytedeco.opencv.opencv_core.Mat;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.Semaphore;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

/**
 * Small decodes of photos, for thumbnails and checks: the picture at about {@code longSide}
 * pixels without a full-size bitmap in between. JPEG shrinks while decoding (libjpeg's 1/2, 1/4,
 * 1/8); PNG, GIF and BMP are read by the JDK's decoders with row subsampling, which keeps only
 * the rows and columns it needs (a 100 MP PNG costs a few megabytes, not 300). WebP and HEIC have
 * no reduced decode: they are bounded by the pixel limit and decoded one at a time.
 */
public final class Previews {

    /** Full decodes above this many pixels queue behind each other. */
    private static final long LARGE = 16_000_000L;
    private static final Semaphore LARGE_DECODES = new Semaphore(1, true);

    private Previews() {
    }

    /**
     * Decodes the photo upright, with its long side at least {@code longSide} (or its own size
     * when smaller), checking it through the media door first. Throws {@link LoopException}
     * (never a native message) when it cannot be decoded.
     */
    public static Mat decode(Path file, int longSide, MediaLimits limits) {
        PhotoProbe probe = PhotoProbe.of(file, limits);
        Mat stored = switch (probe.format()) {
            case PNG, GIF, BMP -> subsampled(file, probe, longSide);
            case JPEG -> PhotoLoader.decodeWithOpenCv(file, probe, longSide, longSide, true);
            default -> full(file, probe, longSide);
        };
        if (stored == null || stored.empty()) {
            throw new LoopException(Kind.CORRUPT_INPUT, file.getFileName() + " could not be decoded as " + probe.format()
                    + "; the file may be damaged");
        }
        return PhotoLoader.upright(stored, probe.orientation());
    }

    private static Mat full(Path file, PhotoProbe probe, int longSide) {
        boolean large = probe.pixels() > LARGE;
        try {
            if (large) LARGE_DECODES.acquire();
            try (Photo photo = new PhotoLoader(Long.MAX_VALUE).load(file, longSide, longSide)) {
                return photo.pixels().clone();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoopException(Kind.CANCELLED, "interrupted while decoding " + file.getFileName());
        } finally {
            if (large) LARGE_DECODES.release();
        }
    }

    /** Every n-th row and column, n as large as still leaves {@code longSide} on the long side. */
    private static Mat subsampled(Path file, PhotoProbe probe, int longSide) {
        int step = (int) Math.max(1, Math.max(probe.storedWidth(), probe.storedHeight()) / Math.max(1, longSide));
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return null;
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                return toMat(reader.read(0, param));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new LoopException(Kind.CORRUPT_INPUT, file.getFileName() + " could not be decoded as " + probe.format()
                    + "; the file may be damaged", e);
        }
    }

    private static Mat toMat(BufferedImage image) {
        BufferedImage bgr = image;
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = bgr.createGraphics();
            try {
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
        }
        byte[] pixels = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        Mat mat = new Mat(bgr.getHeight(), bgr.getWidth(), CV_8UC3);
        mat.data().put(pixels, 0, pixels.length);
        return mat;
    }
}
