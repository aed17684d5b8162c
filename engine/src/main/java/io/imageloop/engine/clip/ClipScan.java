package io.imageloop.engine.clip;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.media.MediaDoor;
import io.imageloop.engine.media.MediaType;
import io.imageloop.engine.LoopException.Kind;
import io.imageloop.engine.frame.FrameSize;
import io.imageloop.engine.frame.Framer;
import io.imageloop.engine.frame.Fitting;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

/**
 * The analysis pass: decodes the clip once (up to the analysed length) and keeps, per working
 * frame, a small grayscale thumbnail of what the output frame will show. Full-size frames are
 * never held; the loop decodes them again when it renders.
 *
 * @param thumbnails one per working frame, single-channel float, framed like the output
 */
record ClipScan(ClipTrack track, List<Mat> thumbnails) implements AutoCloseable {

    /** At most this many working frames are analysed: the distance matrix grows with its square. */
    static final int MAX_FRAMES = 1200;

    static ClipScan of(Path file, FrameSize output, Fitting fitting, ClipOptions options, double maxFps) {
        long limit = Math.round(options.maxAnalysisSeconds() * 1e6);
        List<Mat> all = new ArrayList<>();
        long[] micros = new long[64];
        int n = 0;
        boolean capped = false;
        try (ClipDecoder decoder = ClipDecoder.open(file)) {
            // Thumbnails show what the output will: the cropped part for a cover crop; for a fitted
            // clip the picture and its blurred bars (which change at a crossfade more than the
            // picture's own motion shows in them), at twice the size so the picture keeps detail.
            int side = fitting == Fitting.FIT ? 2 * options.thumbnailSize() : options.thumbnailSize();
            FrameSize thumb = thumbnailSize(output, side);
            decoder.scaleFor(thumb, fitting);
            // a bound on frames too, so a slow-motion clip at 240 fps cannot blow up the distance matrix
            double rate = decoder.nominalFps() > 0 ? Math.min(decoder.nominalFps(), maxFps) : maxFps;
            limit = Math.min(limit, Math.round(MAX_FRAMES / rate * 1e6));
            long first = 0;
            Mat frame;
            while ((frame = decoder.next()) != null) {
                if (n == 0) first = decoder.timestamp();
                long t = decoder.timestamp() - first;
                if (n > 0) t = Math.max(t, micros[n - 1] + 1); // some containers repeat or reorder stamps
                if (t >= limit) {
                    capped = true;
                    break;
                }
                if (n == micros.length) micros = Arrays.copyOf(micros, n * 2);
                micros[n++] = t;
                all.add(thumbnail(frame, thumb, fitting));
            }
            if (n == 0) {
                throw new LoopException(Kind.CORRUPT_INPUT, file.getFileName() + " has no video frames that can be decoded");
            }
            micros = Arrays.copyOf(micros, n);
            double clipFps = clipFps(micros, decoder.nominalFps());
            if (!capped) checkComplete(file, decoder, micros, clipFps);
            ClipTrack track = ClipTrack.of(micros, clipFps, maxFps, capped);
            return new ClipScan(track, select(all, track));
        } catch (RuntimeException e) {
            all.forEach(Mat::close);
            throw e;
        }
    }

    /** Thumbnails keep the output's shape with {@code longSide} pixels on its long side. */
    static FrameSize thumbnailSize(FrameSize output, int longSide) {
        double scale = (double) longSide / Math.max(output.width(), output.height());
        return new FrameSize(Math.max(8, (int) Math.round(output.width() * scale)),
                Math.max(8, (int) Math.round(output.height() * scale)));
    }

    /** 8-bit while decoding (frames that will be dropped cost little), float once chosen. */
    private static Mat thumbnail(Mat frame, FrameSize size, Fitting fitting) {
        try (Mat framed = Framer.place(frame, size, fitting)) {
            Mat gray = new Mat();
            cvtColor(framed, gray, COLOR_BGR2GRAY);
            return gray;
        }
    }

    /**
     * The rate the frames come at. Timestamps are often rounded (Matroska keeps milliseconds, so
     * 24 fps arrives as gaps of 41 and 42 ms); the rate the container states is used when the
     * frames keep to it, else the median gap, which a held frame in a GIF does not skew.
     */
    static double clipFps(long[] micros, double nominal) {
        if (micros.length < 2) return nominal > 0 ? nominal : 25;
        long[] gaps = new long[micros.length - 1];
        for (int i = 1; i < micros.length; i++) gaps[i - 1] = micros[i] - micros[i - 1];
        Arrays.sort(gaps);
        double median = gaps[gaps.length / 2];
        if (nominal > 0 && Math.abs(median * nominal / 1e6 - 1) < 0.1) return nominal;
        return median > 1 ? Math.min(1000, 1e6 / median) : (nominal > 0 ? nominal : 25);
    }

    /**
     * FFmpeg stops quietly where a cut-off file ends; compare what was decoded with what the
     * container promised, and a GIF's blocks with its trailer.
     */
    private static void checkComplete(Path file, ClipDecoder decoder, long[] micros, double clipFps) {
        boolean truncated;
        if (MediaDoor.type(file) == MediaType.GIF) {
            truncated = !MediaDoor.gifComplete(file);
        } else {
            long declaredFrames = decoder.declaredFrames();
            long declaredMicros = decoder.declaredMicros();
            double decodedMicros = micros[micros.length - 1] + 1e6 / clipFps;
            truncated = declaredFrames > 0 ? micros.length < declaredFrames * 0.9 - 1
                    : declaredMicros > 0 && decodedMicros < declaredMicros * 0.9 - 200_000;
        }
        if (truncated) {
            throw new LoopException(Kind.CORRUPT_INPUT, String.format(Locale.ROOT,
                    "%s is truncated or damaged: its video ends after %d frames (%.1f s), before the container says it does",
                    file.getFileName(), micros.length, (micros[micros.length - 1] + 1e6 / clipFps) / 1e6));
        }
    }

    /** The thumbnails of the working frames, as float; releases the decoded ones. */
    private static List<Mat> select(List<Mat> all, ClipTrack track) {
        List<Mat> out = new ArrayList<>(track.frames());
        try {
            for (int k = 0; k < track.frames(); k++) {
                Mat f = new Mat();
                all.get(track.source()[k]).convertTo(f, CV_32F);
                out.add(f);
            }
            return out;
        } catch (RuntimeException e) {
            out.forEach(Mat::close);
            throw e;
        } finally {
            all.forEach(Mat::close);
        }
    }

    @Override
    public void close() {
        thumbnails.forEach(Mat::close);
    }
}
