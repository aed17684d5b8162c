package io.imageloop.timeline.text;

import org.bytedeco.opencv.opencv_core.Mat;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

/**
 * A rendered text, ready to be laid over frames: colour and coverage of its bounding box, and
 * where the box sits in the frame ({@code x}, {@code y} may be negative or run past the frame's
 * edge; blending clips). Kept in Java arrays: a title is small, and blending only touches its box.
 */
public final class TextSprite {

    private final int x;
    private final int y;
    private final int width;
    private final int height;
    private final byte[] bgr;
    private final byte[] alpha;

    TextSprite(int x, int y, BufferedImage argb) {
        this.x = x;
        this.y = y;
        this.width = argb.getWidth();
        this.height = argb.getHeight();
        this.bgr = new byte[width * height * 3];
        this.alpha = new byte[width * height];
        int[] row = new int[width];
        for (int r = 0; r < height; r++) {
            argb.getRGB(0, r, width, 1, row, 0, width);
            for (int c = 0; c < width; c++) {
                int p = row[c];
                int i = r * width + c;
                alpha[i] = (byte) (p >>> 24);
                bgr[3 * i] = (byte) p;
                bgr[3 * i + 1] = (byte) (p >> 8);
                bgr[3 * i + 2] = (byte) (p >> 16);
            }
        }
    }

    public int x() {
        return x;
    }

    public int y() {
        return y;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Coverage 0..255 at a pixel of the box. */
    public int alphaAt(int col, int row) {
        return alpha[row * width + col] & 0xFF;
    }

    /**
     * Blends the text over an 8-bit BGR frame at {@code opacity} (0..1, for fades), in place.
     */
    public void blendOnto(Mat frame, double opacity) {
        if (opacity <= 0) return;
        if (frame.type() != CV_8UC3 || !frame.isContinuous()) {
            throw new IllegalArgumentException("text blends onto continuous 8-bit BGR frames");
        }
        int x0 = Math.max(0, x);
        int y0 = Math.max(0, y);
        int x1 = Math.min(frame.cols(), x + width);
        int y1 = Math.min(frame.rows(), y + height);
        if (x0 >= x1 || y0 >= y1) return;
        int scale = (int) Math.round(Math.min(1, opacity) * 256);
        long step = frame.step();
        ByteBuffer pixels = frame.createBuffer();
        byte[] row = new byte[(x1 - x0) * 3];
        for (int fy = y0; fy < y1; fy++) {
            int at = (int) (fy * step + x0 * 3L);
            pixels.position(at);
            pixels.get(row);
            int base = (fy - y) * width + (x0 - x);
            boolean touched = false;
            for (int k = 0; k < x1 - x0; k++) {
                int a = (alpha[base + k] & 0xFF) * scale >> 8;
                if (a == 0) continue;
                touched = true;
                int s = 3 * (base + k);
                for (int ch = 0; ch < 3; ch++) {
                    int d = row[3 * k + ch] & 0xFF;
                    int src = bgr[s + ch] & 0xFF;
                    row[3 * k + ch] = (byte) ((src * a + d * (255 - a) + 127) / 255);
                }
            }
            if (touched) {
                pixels.position(at);
                pixels.put(row);
            }
        }
    }
}
