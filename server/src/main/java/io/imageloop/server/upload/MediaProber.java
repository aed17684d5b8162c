package io.imageloop.server.upload;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.encode.FfmpegLog;
import io.imageloop.engine.media.LimitExceeded;
import io.imageloop.engine.media.MediaDoor;
import io.imageloop.engine.media.MediaInfo;
import io.imageloop.engine.media.MediaKind;
import io.imageloop.engine.media.MediaLimits;
import io.imageloop.engine.media.MediaType;
import io.imageloop.engine.source.Previews;
import io.imageloop.server.http.ApiException;
import io.imageloop.server.http.ErrorCode;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import java.nio.file.Path;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Looks inside an uploaded file through the engine's media door (type, headers, the same limits
 * a render applies) and decodes it once, small, for its thumbnail. That decode is the check
 * that what is stored can be rendered: a file that does not decode is refused at upload (4003),
 * not at export.
 */
public final class MediaProber {

    /** Thumbnails are at most this many pixels on their long side. */
    public static final int THUMBNAIL = 320;

    private final MediaLimits limits;

    public MediaProber() {
        this(MediaLimits.DEFAULT);
    }

    public MediaProber(MediaLimits limits) {
        this.limits = limits;
    }

    /** What probing found; {@code kind} may differ from the container's usual kind (an audio-only WebM). */
    public record Probe(String kind, Integer width, Integer height, Long durationMs, String codec) {
    }

    /** Probes the file; throws 4003 when it is damaged and {@link LimitExceeded} when it is too large. */
    public Probe probe(Path file, MediaType format) {
        try {
            MediaInfo info = MediaDoor.probe(file, limits);
            boolean picture = info.kind() != MediaKind.AUDIO;
            int w = info.rotatesQuarter() ? info.height() : info.width();
            int h = info.rotatesQuarter() ? info.width() : info.height();
            // An animated GIF stays an image to clients (it is uploaded as a picture); the renderer loops it as a clip.
            String kind = format == MediaType.GIF ? "image" : info.kind().wireName();
            return new Probe(kind, picture ? w : null, picture ? h : null, info.durationMs() >= 0 ? info.durationMs() : null,
                    info.codec());
        } catch (LimitExceeded e) {
            throw e;
        } catch (LoopException e) {
            throw new ApiException(ErrorCode.DAMAGED_FILE, "the " + format.extension() + " file cannot be read: " + e.getMessage());
        }
    }

    /**
     * Decodes the picture small and writes a JPEG thumbnail; audio has none. Throws 4003 when the
     * picture cannot be decoded.
     */
    public boolean thumbnail(Path file, String kind, MediaType format, Path target) {
        if (kind.equals("audio")) return false;
        Mat picture;
        try {
            picture = kind.equals("video") ? videoFrame(file) : Previews.decode(file, THUMBNAIL, limits);
        } catch (LimitExceeded e) {
            throw e;
        } catch (LoopException e) {
            throw new ApiException(ErrorCode.DAMAGED_FILE, "the " + format.extension() + " file cannot be decoded: " + e.getMessage());
        }
        if (picture == null || picture.empty()) {
            throw new ApiException(ErrorCode.DAMAGED_FILE, "the " + format.extension() + " file has no picture that can be decoded");
        }
        try (Mat source = picture; Mat small = shrink(source)) {
            if (!opencv_imgcodecs.imwrite(target.toString(), small, new int[] {opencv_imgcodecs.IMWRITE_JPEG_QUALITY, 85})) {
                throw new ApiException(ErrorCode.INTERNAL, "the thumbnail could not be written");
            }
            return true;
        }
    }

    /** A frame a moment in (past fade-ins and black first frames), scaled down while converting. */
    private static Mat videoFrame(Path file) {
        FfmpegLog.configure();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            g.start();
            int w = g.getImageWidth();
            int h = g.getImageHeight();
            double scale = Math.min(1.0, (double) THUMBNAIL / Math.max(1, Math.max(w, h)));
            if (scale < 1) {
                g.setImageWidth(Math.max(2, (int) Math.round(w * scale)));
                g.setImageHeight(Math.max(2, (int) Math.round(h * scale)));
            }
            long length = g.getLengthInTime();
            if (length > 2_000_000) g.setVideoTimestamp(Math.min(1_000_000, length / 10));
            Frame frame = g.grabImage();
            if (frame == null && length > 2_000_000) {
                g.setVideoTimestamp(0); // seeking failed on a damaged index: try the first frame
                frame = g.grabImage();
            }
            if (frame == null) return null;
            Mat m = converter.convert(frame);
            return m == null ? null : m.clone();
        } catch (Exception e) {
            throw new LoopException(LoopException.Kind.CORRUPT_INPUT, file.getFileName() + " has no video frame that can be decoded", e);
        }
    }

    private static Mat shrink(Mat source) {
        int longSide = Math.max(source.cols(), source.rows());
        double scale = Math.min(1.0, (double) THUMBNAIL / longSide);
        int w = Math.max(1, (int) Math.round(source.cols() * scale));
        int h = Math.max(1, (int) Math.round(source.rows() * scale));
        Mat out = new Mat();
        try (Size size = new Size(w, h)) {
            resize(source, out, size, 0, 0, INTER_AREA);
        }
        return out;
    }
}
