package io.imageloop.engine;

import io.imageloop.engine.measure.SeamMeter;
import io.imageloop.engine.measure.SeamReport;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A loop file decoded back with the project's own FFmpeg binding: what a player would see.
 * Tests assert on this, never on what the encoder was asked to do.
 */
public record DecodedVideo(String format, String codec, int pixelFormat, int profile, int width, int height,
                           int frames, double fps, SeamReport seam, List<String> topLevelBoxes, int colorSpace, int colorPrimaries,
                           int colorTransfer, int keyframes) {

    public static DecodedVideo of(Path file) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
             SeamMeter meter = new SeamMeter()) {
            grabber.start();
            AVCodecParameters par = grabber.getFormatContext().streams(grabber.getVideoStream()).codecpar();
            int frames = 0;
            int keys = 0;
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                Mat mat = converter.convert(frame);
                meter.add(mat);
                if (frame.keyFrame) keys++;
                frames++;
            }
            List<String> boxes = file.toString().endsWith(".mp4") ? boxes(file) : List.of();
            return new DecodedVideo(grabber.getFormat(), grabber.getVideoCodecName(), par.format(), par.profile(),
                    grabber.getImageWidth(), grabber.getImageHeight(), frames, grabber.getFrameRate(),
                    frames >= 2 ? meter.report() : null, boxes, par.color_space(), par.color_primaries(), par.color_trc(), keys);
        }
    }

    public boolean yuv420p() {
        return pixelFormat == avutil.AV_PIX_FMT_YUV420P;
    }

    /** The MP4's top-level boxes in file order (moov before mdat means it streams at once). */
    static List<String> boxes(Path file) throws IOException {
        List<String> names = new ArrayList<>();
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long pos = 0;
            while (pos + 8 <= in.length()) {
                in.seek(pos);
                long size = in.readInt() & 0xFFFFFFFFL;
                byte[] type = new byte[4];
                in.readFully(type);
                if (size == 1) size = in.readLong();
                else if (size == 0) size = in.length() - pos;
                names.add(new String(type, StandardCharsets.US_ASCII));
                if (size < 8) break;
                pos += size;
            }
        }
        return names;
    }
}
