package io.imageloop.engine.plan;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import java.nio.IntBuffer;

import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_CLOSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponents;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;

/**
 * A product shot: one strongly coloured object filling much of the picture, in its middle,
 * clear of the picture's edges. Its surroundings are a table, a floor, a backdrop, never sky or
 * water, whatever their colour says; such a photo gets a camera move and nothing that deforms.
 */
final class Subjects {

    private Subjects() {
    }

    /** The share of the picture the central object covers, or 0 when there is none. */
    static double productObject(Features f) {
        int w = f.width();
        int h = f.height();
        boolean[] coloured = new boolean[w * h];
        for (int k = 0; k < coloured.length; k++) coloured[k] = f.chroma(k) > 35 && f.l(k) > 20;
        try (Mat m = SceneAnalyzer.mat(coloured, w, h); Mat labels = new Mat(); Size k = new Size(7, 7);
             Mat kernel = getStructuringElement(MORPH_ELLIPSE, k)) {
            morphologyEx(m, m, MORPH_CLOSE, kernel);
            int n = connectedComponents(m, labels);
            if (n < 2) return 0;
            int[] label = new int[w * h];
            ((IntBuffer) labels.createBuffer()).get(label);
            long[] area = new long[n];
            double[] cx = new double[n];
            double[] cy = new double[n];
            long[] border = new long[n];
            double[] chroma = new double[n];
            int[] minX = new int[n], minY = new int[n], maxX = new int[n], maxY = new int[n];
            java.util.Arrays.fill(minX, w);
            java.util.Arrays.fill(minY, h);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int l = label[y * w + x];
                    if (l == 0) continue;
                    area[l]++;
                    cx[l] += x;
                    cy[l] += y;
                    chroma[l] += f.chroma(y * w + x);
                    minX[l] = Math.min(minX[l], x);
                    minY[l] = Math.min(minY[l], y);
                    maxX[l] = Math.max(maxX[l], x);
                    maxY[l] = Math.max(maxY[l], y);
                    if (x == 0 || y == 0 || x == w - 1 || y == h - 1) border[l]++;
                }
            }
            int best = 1;
            for (int l = 2; l < n; l++) if (area[l] > area[best]) best = l;
            double share = (double) area[best] / (w * h);
            double x = cx[best] / area[best] / w;
            double y = cy[best] / area[best] / h;
            double onBorder = (double) border[best] / (2.0 * (w + h));
            boolean central = x > 0.25 && x < 0.75 && y > 0.25 && y < 0.75;
            // An object is compact and strongly coloured; a field of grass is neither.
            double fill = (double) area[best] / ((maxX[best] - minX[best] + 1) * (double) (maxY[best] - minY[best] + 1));
            boolean vivid = chroma[best] / area[best] > 48;
            return share > 0.12 && share < 0.75 && central && onBorder < 0.15 && fill > 0.5 && vivid ? share : 0;
        }
    }
}
