package io.imageloop.engine.clip;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import io.imageloop.engine.encode.FfmpegLog;
import io.imageloop.engine.frame.FrameSize;
import io.imageloop.engine.media.MediaDoor;
import io.imageloop.engine.frame.Fitting;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Path;

import static org.bytedeco.opencv.global.opencv_core.ROTATE_180;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.rotate;

/**
 * Reads a clip's video frames in order, upright (phone clips store a display rotation instead of
 * turning their pixels), counting them from 0. Frame numbers are the order of decoding, so two
 * passes over the same file agree on what frame 57 is without relying on seeking.
 */
final class ClipDecoder implements AutoCloseable {

    private final Path file;
    private final FFmpegFrameGrabber grabber;
    private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
    private final int rotateCode;
    private final Mat upright = new Mat();
    private int index = -1;
    private long timestamp;

    private ClipDecoder(Path file, FFmpegFrameGrabber grabber) {
        this.file = file;
        this.grabber = grabber;
        this.rotateCode = rotateCode(grabber.getDisplayRotation());
    }

    static ClipDecoder open(Path file) {
        MediaDoor.probe(file); // what it is, whether it is whole, and its frame size against the limits: before any frame
        FfmpegLog.configure();
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile());
        g.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        try {
            g.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            release(g);
            throw new LoopException(Kind.CORRUPT_INPUT, file.getFileName() + " cannot be read as a video; the file may be damaged", e);
        }
        if (!g.hasVideo()) {
            release(g);
            throw new LoopException(Kind.UNSUPPORTED_FORMAT, file.getFileName() + " has no video stream");
        }
        return new ClipDecoder(file, g);
    }

    /**
     * Lets FFmpeg's scaler shrink frames while converting them, to the smallest size that still
     * covers (or, for {@link Fitting#FIT}, fills) the target: a 4K clip analysed on 160 px
     * thumbnails is never converted at 4K. Never enlarges.
     */
    void scaleFor(FrameSize target, Fitting fitting) {
        int storedW = grabber.getImageWidth();
        int storedH = grabber.getImageHeight();
        FrameSize shown = shownSize();
        if (shown == null) return;
        double sx = (double) target.width() / shown.width();
        double sy = (double) target.height() / shown.height();
        double scale = fitting == Fitting.FIT ? Math.min(sx, sy) : Math.max(sx, sy);
        if (scale >= 1) return;
        grabber.setImageWidth(Math.max(2, (int) Math.ceil(storedW * scale)));
        grabber.setImageHeight(Math.max(2, (int) Math.ceil(storedH * scale)));
        grabber.setImageScalingFlags(swscale.SWS_AREA);
    }

    /** The picture's size as shown (after the display rotation), or null when the stream does not say. */
    FrameSize shownSize() {
        int w = grabber.getImageWidth();
        int h = grabber.getImageHeight();
        if (w <= 0 || h <= 0) return null;
        boolean quarter = rotateCode == ROTATE_90_CLOCKWISE || rotateCode == ROTATE_90_COUNTERCLOCKWISE;
        return quarter ? new FrameSize(h, w) : new FrameSize(w, h);
    }

    /** The next frame, upright 8-bit BGR, valid until the next call; null after the last. */
    Mat next() {
        Frame frame;
        try {
            frame = grabber.grabImage();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new LoopException(Kind.CORRUPT_INPUT, file.getFileName() + " could not be decoded after frame " + index
                    + "; the file may be damaged", e);
        }
        if (frame == null || frame.image == null) return null;
        index++;
        timestamp = frame.timestamp;
        Mat pixels = converter.convert(frame);
        if (rotateCode < 0) return pixels;
        rotate(pixels, upright, rotateCode);
        return upright;
    }

    /** Number of the frame last returned by {@link #next()}, -1 before the first. */
    int index() {
        return index;
    }

    /** Presentation time of the frame last returned, in microseconds on the container's clock. */
    long timestamp() {
        return timestamp;
    }

    /** Goes back to before frame 0. */
    void restart() {
        try {
            grabber.restart();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new LoopException(Kind.CORRUPT_INPUT, file.getFileName() + " could not be read again: " + e.getMessage(), e);
        }
        index = -1;
    }

    /** The frame rate the container states, or 0 when it states none that is plausible. */
    double nominalFps() {
        double rate = grabber.getFrameRate();
        return rate > 0 && rate <= 1000 ? rate : 0;
    }

    /** Frames the container says the video stream has, 0 when unknown. */
    long declaredFrames() {
        AVStream stream = stream();
        return stream == null ? 0 : Math.max(0, stream.nb_frames());
    }

    /**
     * How long the container says the video lasts, in microseconds, 0 when unknown. The whole
     * file's duration is used only without an audio stream, which may outlast the picture.
     */
    long declaredMicros() {
        AVStream stream = stream();
        if (stream != null && stream.duration() != avutil.AV_NOPTS_VALUE && stream.duration() > 0) {
            return Math.round(stream.duration() * avutil.av_q2d(stream.time_base()) * 1e6);
        }
        AVFormatContext format = grabber.getFormatContext();
        if (!grabber.hasAudio() && format != null && format.duration() != avutil.AV_NOPTS_VALUE && format.duration() > 0) {
            return format.duration(); // AV_TIME_BASE is microseconds
        }
        return 0;
    }

    private AVStream stream() {
        AVFormatContext format = grabber.getFormatContext();
        int i = grabber.getVideoStream();
        return format == null || i < 0 || i >= format.nb_streams() ? null : format.streams(i);
    }

    /**
     * FFmpeg's display matrix angle is counter-clockwise; players turn the picture by it. Returns
     * the OpenCV rotation doing the same, or -1 for none.
     */
    static int rotateCode(double counterClockwise) {
        long quarter = Math.floorMod(Math.round(counterClockwise / 90.0), 4L);
        return switch ((int) quarter) {
            case 1 -> ROTATE_90_COUNTERCLOCKWISE;
            case 2 -> ROTATE_180;
            case 3 -> ROTATE_90_CLOCKWISE;
            default -> -1;
        };
    }

    @Override
    public void close() {
        upright.close();
        converter.close();
        try {
            grabber.stop();
        } catch (FrameGrabber.Exception | RuntimeException ignored) {
            // released below either way
        }
        release(grabber);
    }

    private static void release(FFmpegFrameGrabber g) {
        try {
            g.release();
        } catch (FrameGrabber.Exception | RuntimeException ignored) {
            // nothing more can be freed
        }
    }
}
