package io.imageloop.server.upload;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.encode.FfmpegLog;
import io.imageloop.engine.source.Photo;
import io.imageloop.engine.source.PhotoLoader;
import io.imageloop.engine.source.PhotoProbe;
import io.imageloop.server.http.ApiException;
import io.imageloop.server.http.ErrorCode;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Looks inside an uploaded file: pixel size for photos (headers only, via the engine's probe),
 * duration, codec and size for video and audio (FFmpeg), and writes a small JPEG thumbnail.
 */
public final class MediaProber {

    private static final Logger LOG = LoggerFactory.getLogger(MediaProber.class);

    /** Thumbnails are at most this many pixels on their long side. */
    public static final int THUMBNAIL = 320;

    /** What probing found; {@code kind} may differ from the container's usual kind (an audio-only WebM). */
    public record Probe(String kind, Integer width, Integer height, Long durationMs, String codec) {
    }

    public Probe probe(Path file, MediaFormat format) {
        return format.kind().equals("image") ? probeImage(file, format) : probeAudioVideo(file, format);
    }

    private static Probe probeImage(Path file, MediaFormat format) {
        try {
            PhotoProbe p = PhotoProbe.of(file);
            return new Probe("image", p.width(), p.height(), null, p.format().name().toLowerCase(java.util.Locale.ROOT));
        } catch (LoopException e) {
            throw new ApiException(ErrorCode.DAMAGED_FILE, "the " + format.extension() + " image cannot be read: " + e.getMessage());
        }
    }

    private static Probe probeAudioVideo(Path file, MediaFormat format) {
        FfmpegLog.configure();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.start();
            boolean video = hasRealVideo(g);
            boolean audio = g.getAudioStream() >= 0 && g.getAudioChannels() > 0;
            if (!video && !audio) {
                throw new ApiException(ErrorCode.DAMAGED_FILE, "the " + format.extension() + " file has no video or audio stream");
            }
            long micros = g.getLengthInTime();
            Long duration = micros > 0 ? micros / 1000 : null;
            // Audio containers keep their kind even with cover art; video containers without pictures are audio.
            String kind = format.kind().equals("audio") || !video ? "audio" : "video";
            if (kind.equals("video")) {
                return new Probe(kind, g.getImageWidth(), g.getImageHeight(), duration, g.getVideoCodecName());
            }
            if (!audio) throw new ApiException(ErrorCode.DAMAGED_FILE, "the " + format.extension() + " file has no audio stream");
            return new Probe(kind, null, null, duration, g.getAudioCodecName());
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            throw new ApiException(ErrorCode.DAMAGED_FILE, "the " + format.extension() + " file cannot be read; it may be damaged");
        }
    }

    /** A video stream that is not just an attached cover picture (MP3 and M4A often carry one). */
    private static boolean hasRealVideo(FFmpegFrameGrabber g) {
        int index = g.getVideoStream();
        if (index < 0 || g.getImageWidth() <= 0) return false;
        var stream = g.getFormatContext().streams(index);
        return (stream.disposition() & org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC) == 0;
    }

    /**
     * Writes a JPEG thumbnail of a photo or video; returns false (and logs) when the file has no
     * picture or it cannot be decoded: a missing thumbnail never fails an upload.
     */
    public boolean thumbnail(Path file, String kind, Path target) {
        try {
            Mat picture = switch (kind) {
                case "image" -> photo(file);
                case "video" -> videoFrame(file);
                default -> null;
            };
            if (picture == null) return false;
            try (Mat source = picture; Mat small = shrink(source)) {
                boolean ok = opencv_imgcodecs.imwrite(target.toString(), small,
                        new int[] {opencv_imgcodecs.IMWRITE_JPEG_QUALITY, 85});
                if (!ok) LOG.warn("could not write thumbnail {}", target);
                return ok;
            }
        } catch (RuntimeException e) {
            LOG.warn("no thumbnail for {}: {}", file.getFileName(), e.getMessage());
            return false;
        }
    }

    private static Mat photo(Path file) {
        Photo p = new PhotoLoader().load(file, THUMBNAIL, THUMBNAIL);
        return p.pixels();
    }

    private static Mat videoFrame(Path file) {
        FfmpegLog.configure();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            g.start();
            long length = g.getLengthInTime();
            // A moment in, past fade-ins and black first frames.
            if (length > 2_000_000) g.setVideoTimestamp(Math.min(1_000_000, length / 10));
            Frame frame = g.grabImage();
            if (frame == null) return null;
            Mat m = converter.convert(frame);
            return m == null ? null : m.clone();
        } catch (Exception e) {
            LOG.warn("no video frame for a thumbnail of {}: {}", file.getFileName(), e.getMessage());
            return null;
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
