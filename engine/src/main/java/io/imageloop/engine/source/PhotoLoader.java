package io.imageloop.engine.source;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import io.imageloop.engine.media.MediaLimits;
import io.imageloop.engine.media.MediaType;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Path;

import static org.bytedeco.opencv.global.opencv_core.ROTATE_180;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_core.rotate;
import static org.bytedeco.opencv.global.opencv_core.transpose;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_IGNORE_ORIENTATION;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_2;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_4;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_8;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/**
 * Decodes photos into upright BGR pixels, as small as the loop allows. A 50 MP JPEG destined for
 * a 1080p loop is decoded at 1/2, 1/4 or 1/8 scale by libjpeg itself, so the full-size bitmap
 * never exists in memory.
 */
public final class PhotoLoader {

    /** Refuse anything larger: a 30000x30000 PNG is a memory bomb, not a photo. The same limit applies at upload. */
    public static final long DEFAULT_MAX_PIXELS = MediaLimits.DEFAULT_PHOTO_PIXELS;

    private final MediaLimits limits;

    public PhotoLoader() {
        this(DEFAULT_MAX_PIXELS);
    }

    public PhotoLoader(long maxPixels) {
        this.limits = MediaLimits.DEFAULT.withMaxPhotoPixels(maxPixels);
    }

    /**
     * Loads a photo so that it still covers {@code minWidth x minHeight} after a cover crop,
     * decoding at reduced scale when the file is much larger than that.
     */
    public Photo load(Path file, int minWidth, int minHeight) {
        PhotoProbe probe = PhotoProbe.of(file, limits);
        Mat stored = probe.format() == MediaType.HEIC ? decodeWithFfmpeg(file) : decodeWithOpenCv(file, probe, minWidth, minHeight);
        if (stored == null || stored.empty()) {
            throw new LoopException(Kind.CORRUPT_INPUT, file.getFileName() + " could not be decoded as "
                    + probe.format() + "; the file may be damaged");
        }
        return new Photo(upright(stored, probe.orientation()), probe);
    }

    private static Mat decodeWithOpenCv(Path file, PhotoProbe probe, int minWidth, int minHeight) {
        return decodeWithOpenCv(file, probe, minWidth, minHeight, false);
    }

    /** @param longSide whether the wanted size is a long side (previews) rather than a cover size */
    static Mat decodeWithOpenCv(Path file, PhotoProbe probe, int minWidth, int minHeight, boolean longSide) {
        int flags = IMREAD_COLOR | IMREAD_IGNORE_ORIENTATION;
        if (probe.format() == MediaType.JPEG) {
            int w = minWidth;
            int h = minHeight;
            if (longSide) {
                double scale = (double) minWidth / Math.max(probe.width(), probe.height());
                w = (int) Math.ceil(probe.width() * scale);
                h = (int) Math.ceil(probe.height() * scale);
            }
            flags = reducedJpegFlags(probe, w, h) | IMREAD_IGNORE_ORIENTATION;
        }
        return imread(file.toString(), flags);
    }

    /** The largest libjpeg scale-down (1, 1/2, 1/4, 1/8) that still covers the wanted size. */
    static int reducedJpegFlags(PhotoProbe probe, int minWidth, int minHeight) {
        double coverScale = Math.max((double) minWidth / probe.width(), (double) minHeight / probe.height());
        int[] factors = {8, 4, 2};
        int[] flags = {IMREAD_REDUCED_COLOR_8, IMREAD_REDUCED_COLOR_4, IMREAD_REDUCED_COLOR_2};
        for (int i = 0; i < factors.length; i++) {
            if (coverScale * factors[i] <= 1.0) return flags[i];
        }
        return IMREAD_COLOR;
    }

    /** HEIC goes through FFmpeg's HEIF demuxer and HEVC decoder; OpenCV has no HEIF reader. */
    private static Mat decodeWithFfmpeg(Path file) {
        io.imageloop.engine.encode.FfmpegLog.configure();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            Frame frame = grabber.grabImage();
            if (frame == null) return null;
            return converter.convert(frame).clone();
        } catch (Exception e) {
            throw new LoopException(Kind.UNSUPPORTED_FORMAT, file.getFileName()
                    + " is a HEIC photo this build cannot decode; convert it to JPEG or PNG first", e);
        }
    }

    /** Applies EXIF orientation (1..8) so that the pixels are the way the camera meant them. */
    static Mat upright(Mat stored, int orientation) {
        if (orientation <= 1 || orientation > 8) return stored;
        Mat out = new Mat();
        switch (orientation) {
            case 2 -> flip(stored, out, 1);
            case 3 -> rotate(stored, out, ROTATE_180);
            case 4 -> flip(stored, out, 0);
            case 5 -> transpose(stored, out);
            case 6 -> rotate(stored, out, ROTATE_90_CLOCKWISE);
            case 7 -> {
                transpose(stored, out);
                flip(out, out, -1);
            }
            case 8 -> rotate(stored, out, ROTATE_90_COUNTERCLOCKWISE);
            default -> throw new IllegalStateException("orientation " + orientation);
        }
        stored.close();
        return out;
    }
}
