package io.imageloop.engine.composite.particles;

import io.imageloop.engine.frame.FrameSize;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.util.SplittableRandom;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

/**
 * Bokeh: large soft out-of-focus discs of coloured light drifting on closed Lissajous paths
 * (whole numbers of cycles per loop on each axis) and breathing in brightness. Each disc is
 * rendered once, blurred, with the slightly brighter rim real lenses give; per frame it is only
 * shifted by its sub-pixel offset and added onto the light.
 */
final class BokehField implements ParticleField {

    private static final double[][] PALETTE = { // BGR: warm gold, amber, rose, pale teal, white
            {120, 200, 255}, {70, 150, 255}, {170, 140, 255}, {210, 220, 150}, {235, 240, 250}};

    private final int width;
    private final int height;
    private final Orb[] orbs;
    private final Mat shifted = new Mat();
    private final Mat transform = new Mat(2, 3, CV_64F);

    private record Orb(Mat sprite, double cx, double cy, double ax, double ay, int kx, int ky, double px, double py,
                       int breaths, double breathOffset) {
    }

    BokehField(FrameSize size, double seconds, SplittableRandom random) {
        this.width = size.width();
        this.height = size.height();
        double unit = Math.min(width, height);
        int count = (int) Math.round(10 + 6 * width * (double) height / (unit * unit));
        orbs = new Orb[count];
        for (int i = 0; i < count; i++) {
            double radius = unit * (0.035 + 0.065 * random.nextDouble());
            double[] color = PALETTE[random.nextInt(PALETTE.length)];
            double strength = 0.22 + 0.28 * random.nextDouble();
            orbs[i] = new Orb(sprite(radius, color, strength), random.nextDouble() * width, random.nextDouble() * height,
                    unit * (0.02 + 0.06 * random.nextDouble()), unit * (0.02 + 0.05 * random.nextDouble()),
                    1 + random.nextInt(2), 1 + random.nextInt(2), random.nextDouble(), random.nextDouble(),
                    Draw.cycles(0.15 + 0.2 * random.nextDouble(), seconds), random.nextDouble());
        }
    }

    /** A blurred disc with a brighter rim, odd-sized with the disc centred on the middle pixel. */
    private static Mat sprite(double radius, double[] bgr, double strength) {
        double sigma = Math.max(0.8, radius * 0.1);
        int half = (int) Math.ceil(radius + 3 * sigma) + 1;
        int side = 2 * half + 1;
        double b = bgr[0] * strength;
        double g = bgr[1] * strength;
        double r = bgr[2] * strength;
        try (Mat disc = new Mat(side, side, CV_32FC3, new Scalar(0, 0, 0, 0)); Size kernel = new Size(0, 0)) {
            Draw.disc(disc, half, half, radius, 0.8 * b, 0.8 * g, 0.8 * r);
            Draw.ring(disc, half, half, radius * 0.96, (int) Math.round(radius * 0.08), b, g, r);
            GaussianBlur(disc, disc, kernel, sigma);
            Mat out = new Mat();
            disc.convertTo(out, CV_8UC3);
            return out;
        }
    }

    @Override
    public void draw(double phase, Mat light) {
        for (Orb o : orbs) {
            double x = o.cx + o.ax * Math.sin(2 * Math.PI * (o.kx * phase + o.px));
            double y = o.cy + o.ay * Math.sin(2 * Math.PI * (o.ky * phase + o.py));
            double brightness = 0.7 + 0.3 * Draw.twinkle(phase, o.breaths, o.breathOffset);
            blit(o.sprite, x, y, brightness, light);
        }
    }

    /** Adds the sprite centred at (x, y), shifted by the sub-pixel remainder, clipped to the frame. */
    private void blit(Mat sprite, double x, double y, double brightness, Mat light) {
        int half = sprite.cols() / 2;
        int left = (int) Math.floor(x) - half;
        int top = (int) Math.floor(y) - half;
        try (DoubleIndexer idx = transform.createIndexer()) {
            idx.put(0, 0, 1, 0, x - Math.floor(x));
            idx.put(1, 0, 0, 1, y - Math.floor(y));
        }
        int x0 = Math.max(0, left);
        int y0 = Math.max(0, top);
        int x1 = Math.min(width, left + sprite.cols());
        int y1 = Math.min(height, top + sprite.rows());
        if (x1 <= x0 || y1 <= y0) return;
        try (Size size = sprite.size(); Scalar black = new Scalar(0, 0, 0, 0)) {
            warpAffine(sprite, shifted, transform, size, INTER_LINEAR, BORDER_CONSTANT, black);
        }
        try (Rect target = new Rect(x0, y0, x1 - x0, y1 - y0); Rect from = new Rect(x0 - left, y0 - top, x1 - x0, y1 - y0);
             Mat dst = light.apply(target); Mat src = shifted.apply(from)) {
            addWeighted(dst, 1.0, src, brightness, 0, dst);
        }
    }

    @Override
    public void close() {
        for (Orb o : orbs) o.sprite.close();
        shifted.close();
        transform.close();
    }
}
