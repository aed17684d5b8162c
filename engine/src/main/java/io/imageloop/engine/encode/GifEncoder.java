package io.imageloop.engine.encode;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Palette-based GIF: one global 256-colour palette for the whole loop (so colours do not flicker
 * from frame to frame), chosen by FFmpeg's palettegen over every frame, then each frame mapped
 * to it with 4x4 ordered dithering. Ordered dithering is stable over time; error diffusion
 * would crawl in the still parts of a loop.
 *
 * <p>A global palette needs all frames before the first is written, so frames are buffered;
 * GIF outputs are kept small by the caller (see {@link #MAX_LONG_SIDE}).
 */
public final class GifEncoder implements FrameSink {

    /** GIFs are for previews and chats; larger ones are huge and slow for no gain. */
    public static final int MAX_LONG_SIDE = 720;

    private static final int[] BAYER4 = {0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5};

    private final Path file;
    private final EncodeSettings settings;
    private final List<Mat> frames = new ArrayList<>();

    private GifEncoder(Path file, EncodeSettings settings) {
        this.file = file;
        this.settings = settings;
    }

    public static GifEncoder open(Path file, EncodeSettings settings) {
        FfmpegLog.configure();
        return new GifEncoder(file, settings);
    }

    @Override
    public void write(Mat bgr) {
        frames.add(bgr.clone());
    }

    @Override
    public void finish() {
        int[] palette = palette();
        int[] lut = nearestColourTable(palette);
        int w = settings.size().width();
        int h = settings.size().height();
        FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), w, h, 0);
        r.setFormat("gif");
        r.setVideoCodec(avcodec.AV_CODEC_ID_GIF);
        r.setPixelFormat(avutil.AV_PIX_FMT_PAL8);
        r.setFrameRate(settings.fps());
        // Data then palette, as av_image_fill_arrays lays out PAL8 in one buffer.
        ByteBuffer buffer = ByteBuffer.allocateDirect(w * h + 1024).order(ByteOrder.nativeOrder());
        byte[] row = new byte[w * 3];
        byte[] indices = new byte[w];
        try {
            r.start();
            for (Mat frame : frames) {
                buffer.clear();
                ByteBuffer pixels = frame.createBuffer();
                for (int y = 0; y < h; y++) {
                    pixels.position((int) (y * frame.step()));
                    pixels.get(row);
                    for (int x = 0; x < w; x++) {
                        int threshold = 2 * (BAYER4[(y & 3) * 4 + (x & 3)] - 8); // -16..14: about one palette step
                        int b = dither(row[3 * x] & 0xFF, threshold);
                        int g = dither(row[3 * x + 1] & 0xFF, threshold);
                        int rr = dither(row[3 * x + 2] & 0xFF, threshold);
                        indices[x] = (byte) lut[(rr >> 3) << 10 | (g >> 3) << 5 | (b >> 3)];
                    }
                    buffer.put(indices);
                }
                for (int c : palette) buffer.putInt(c);
                buffer.flip();
                r.recordImage(w, h, Frame.DEPTH_UBYTE, 1, w, avutil.AV_PIX_FMT_PAL8, buffer);
            }
            r.stop();
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new LoopException(Kind.ENCODE_FAILED, "writing the GIF failed: " + e.getMessage(), e);
        } finally {
            try {
                r.release();
            } catch (org.bytedeco.javacv.FrameRecorder.Exception ignored) {
                // already reporting the first failure
            }
        }
    }

    /** Adds the ordered-dither offset for this pixel. */
    private static int dither(int value, int threshold) {
        return Math.max(0, Math.min(255, value + threshold));
    }

    /** 256 ARGB colours from FFmpeg's palettegen over all frames. */
    private int[] palette() {
        int w = settings.size().width();
        int h = settings.size().height();
        try (FFmpegFrameFilter filter = new FFmpegFrameFilter("palettegen=max_colors=256:stats_mode=full:reserve_transparent=0", w, h)) {
            filter.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
            filter.setFrameRate(settings.fps());
            filter.start();
            for (Mat frame : frames) {
                filter.pushImage(0, w, h, Frame.DEPTH_UBYTE, 3, (int) frame.step(), avutil.AV_PIX_FMT_BGR24, frame.createBuffer());
            }
            filter.push(null);
            Frame out = filter.pullImage();
            if (out == null) throw new LoopException(Kind.ENCODE_FAILED, "palettegen produced no palette");
            ByteBuffer px = (ByteBuffer) out.image[0];
            int[] palette = new int[256];
            for (int i = 0; i < 256; i++) {
                int y = i / 16;
                int x = i % 16;
                int p = y * out.imageStride + x * 3;
                int b = px.get(p) & 0xFF;
                int g = px.get(p + 1) & 0xFF;
                int r = px.get(p + 2) & 0xFF;
                palette[i] = 0xFF000000 | r << 16 | g << 8 | b;
            }
            filter.stop();
            return palette;
        } catch (org.bytedeco.javacv.FrameFilter.Exception e) {
            throw new LoopException(Kind.ENCODE_FAILED, "building the GIF palette failed: " + e.getMessage(), e);
        }
    }

    /** For every 5-bit-per-channel colour, the index of the nearest palette entry. */
    static int[] nearestColourTable(int[] palette) {
        int[] lut = new int[1 << 15];
        for (int key = 0; key < lut.length; key++) {
            int r = ((key >> 10) & 31) * 255 / 31;
            int g = ((key >> 5) & 31) * 255 / 31;
            int b = (key & 31) * 255 / 31;
            int best = 0;
            int bestDistance = Integer.MAX_VALUE;
            for (int i = 0; i < palette.length; i++) {
                int dr = ((palette[i] >> 16) & 0xFF) - r;
                int dg = ((palette[i] >> 8) & 0xFF) - g;
                int db = (palette[i] & 0xFF) - b;
                int d = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
                if (d < bestDistance) {
                    bestDistance = d;
                    best = i;
                }
            }
            lut[key] = best;
        }
        return lut;
    }

    @Override
    public void close() {
        for (Mat m : frames) m.close();
        frames.clear();
    }
}
