package io.imageloop.timeline.render;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import io.imageloop.engine.encode.FfmpegLog;
import io.imageloop.engine.frame.FrameSize;
import io.imageloop.engine.frame.Fitting;
import io.imageloop.engine.frame.Framer;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Path;

/**
 * A video file played as it is, at the draft's frame rate: for each output frame the clip frame
 * showing at that moment (frames are dropped or held as the rates differ), scaled to the output
 * like a photo (cover or fit). When the clip ends it starts over. Decoding streams forward, one
 * frame ahead, so memory does not depend on the clip's length.
 */
final class ClipSource implements SegmentSource {

    private final Path file;
    private final FrameSize size;
    private final Fitting fitting;
    private final double fps;
    private final FFmpegFrameGrabber grabber;
    private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
    private final long frameMicros;
    private Mat shown;
    private Mat next;
    private long nextMicros;
    /** Where on the segment's clock the current pass through the clip began. */
    private long passStart;
    private long firstTimestamp = Long.MIN_VALUE;
    private long lastMicros;
    private int passFrames;

    private ClipSource(Path file, FrameSize size, Fitting fitting, double fps, FFmpegFrameGrabber grabber) {
        this.file = file;
        this.size = size;
        this.fitting = fitting;
        this.fps = fps;
        this.grabber = grabber;
        double rate = grabber.getFrameRate();
        this.frameMicros = Math.round(1e6 / (rate > 0 && rate < 1000 ? rate : 30));
    }

    static ClipSource open(Path file, FrameSize size, Fitting fitting, double fps) {
        FfmpegLog.configure();
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile());
        g.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        try {
            g.start();
        } catch (FrameGrabber.Exception e) {
            release(g);
            throw new LoopException(Kind.UNSUPPORTED_FORMAT, file.getFileName() + " cannot be read as a video: " + e.getMessage(), e);
        }
        if (!g.hasVideo()) {
            release(g);
            throw new LoopException(Kind.UNSUPPORTED_FORMAT, file.getFileName() + " has no video stream");
        }
        return new ClipSource(file, size, fitting, fps, g);
    }

    @Override
    public void render(int local, Mat dst) {
        long target = Math.round(local * 1e6 / fps);
        while (true) {
            if (next == null && !decodeNext()) continue;
            if (shown != null && passStart + nextMicros > target) break;
            if (shown != null) shown.close();
            shown = next;
            next = null;
        }
        shown.copyTo(dst);
    }

    /** Decodes the next clip frame into {@code next}; false after starting a new pass at the end. */
    private boolean decodeNext() {
        Frame frame;
        try {
            frame = grabber.grabImage();
        } catch (FrameGrabber.Exception e) {
            throw new LoopException(Kind.CORRUPT_INPUT, file.getFileName() + " could not be decoded: " + e.getMessage(), e);
        }
        if (frame == null) {
            if (passFrames == 0) throw new LoopException(Kind.CORRUPT_INPUT, file.getFileName() + " has no decodable frames");
            passStart += lastMicros + frameMicros;
            passFrames = 0;
            try {
                grabber.restart();
            } catch (FrameGrabber.Exception e) {
                throw new LoopException(Kind.CORRUPT_INPUT, file.getFileName() + " could not be read again to repeat it: " + e.getMessage(), e);
            }
            return false;
        }
        if (firstTimestamp == Long.MIN_VALUE) firstTimestamp = frame.timestamp;
        // Times count from the clip's first frame: containers may start their clock anywhere.
        nextMicros = Math.max(0, frame.timestamp - firstTimestamp);
        if (passFrames > 0) nextMicros = Math.max(nextMicros, lastMicros + 1);
        lastMicros = nextMicros;
        passFrames++;
        next = Framer.place(converter.convert(frame), size, fitting);
        return true;
    }

    @Override
    public void close() {
        if (shown != null) shown.close();
        if (next != null) next.close();
        converter.close();
        try {
            grabber.stop();
        } catch (FrameGrabber.Exception ignored) {
            // released below
        }
        release(grabber);
    }

    private static void release(FFmpegFrameGrabber g) {
        try {
            g.release();
        } catch (FrameGrabber.Exception ignored) {
            // nothing more to free
        }
    }
}
