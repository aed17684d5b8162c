package io.imageloop.engine.render;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.nio.file.Path;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Twelve evenly spaced frames in a 4x3 grid, so a loop can be judged at a glance: drift, tears,
 * borders and ghosting show up side by side. A fourth row shows where the loop moves (the first
 * frame, darkened, with every pixel that varies by more than 2 grey levels over the loop in red,
 * brighter the more it varies) and the wrap (the last frame against the first, the difference
 * amplified eight times: a seam shows as a bright picture, a good wrap as near black).
 */
public final class ContactSheet implements AutoCloseable {

    public static final int COLUMNS = 4;
    public static final int ROWS = 3;
    private static final int SHEET_ROWS = ROWS + 1;
    private static final int GAP = 4;

    private final int frames;
    private final int thumbWidth;
    private final int thumbHeight;
    private final Mat sheet;
    private final Mat grey = new Mat();
    private final Mat small = new Mat();
    private final Mat first = new Mat();
    private final Mat last = new Mat();
    private double[] sum;
    private double[] sumSq;
    private int seen;

    public ContactSheet(int frames, int frameWidth, int frameHeight) {
        this.frames = frames;
        this.thumbWidth = frameWidth >= frameHeight ? 480 : 270;
        this.thumbHeight = Math.max(1, Math.round((float) frameHeight * thumbWidth / frameWidth));
        this.sheet = new Mat(SHEET_ROWS * thumbHeight + (SHEET_ROWS + 1) * GAP, COLUMNS * thumbWidth + (COLUMNS + 1) * GAP, CV_8UC3,
                new Scalar(24, 24, 24, 0));
    }

    /** The frame index shown in cell i. */
    public int frameOfCell(int cell) {
        return (int) Math.round((double) cell * frames / (COLUMNS * ROWS));
    }

    /** Offers frame t (every frame, in order); keeps it if it belongs on the sheet. */
    public void offer(int t, Mat frame) {
        try (Size size = new Size(thumbWidth, thumbHeight)) {
            resize(frame, small, size, 0, 0, INTER_AREA);
        }
        org.bytedeco.opencv.global.opencv_imgproc.cvtColor(small, grey, org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY);
        byte[] px = new byte[thumbWidth * thumbHeight];
        ((java.nio.ByteBuffer) grey.createBuffer()).get(px);
        if (sum == null) {
            sum = new double[px.length];
            sumSq = new double[px.length];
        }
        for (int i = 0; i < px.length; i++) {
            int v = px[i] & 0xFF;
            sum[i] += v;
            sumSq[i] += v * v;
        }
        seen++;
        if (t == 0) small.copyTo(first);
        if (t == frames - 1) small.copyTo(last);
        for (int cell = 0; cell < COLUMNS * ROWS; cell++) {
            if (frameOfCell(cell) != t) continue;
            int x = GAP + (cell % COLUMNS) * (thumbWidth + GAP);
            int y = GAP + (cell / COLUMNS) * (thumbHeight + GAP);
            try (Rect r = new Rect(x, y, thumbWidth, thumbHeight); Mat target = sheet.apply(r); Size size = new Size(thumbWidth, thumbHeight)) {
                resize(frame, target, size, 0, 0, INTER_AREA);
            }
        }
    }

    public void write(Path file) {
        if (seen > 1 && !first.empty()) {
            try (Mat map = motionMap(); Mat wrap = wrapDifference()) {
                place(map, 0);
                if (wrap != null) place(wrap, 1);
            }
        }
        if (!imwrite(file.toString(), sheet)) {
            throw new LoopException(Kind.OUTPUT_NOT_WRITABLE, "cannot write the contact sheet " + file);
        }
    }

    /** The first frame at half brightness, red where the loop moves (temporal deviation over 2 grey levels). */
    private Mat motionMap() {
        Mat map = new Mat();
        first.convertTo(map, -1, 0.45, 0);
        java.nio.ByteBuffer b = map.createBuffer();
        int step = (int) map.step();
        for (int y = 0; y < thumbHeight; y++) {
            for (int x = 0; x < thumbWidth; x++) {
                int i = y * thumbWidth + x;
                double mean = sum[i] / seen;
                double sd = Math.sqrt(Math.max(0, sumSq[i] / seen - mean * mean));
                if (sd <= 2) continue;
                int k = y * step + 3 * x + 2; // red channel of BGR
                int red = (b.get(k) & 0xFF) + (int) Math.min(200, 60 + 20 * sd);
                b.put(k, (byte) Math.min(255, red));
            }
        }
        return map;
    }

    /** |last − first| amplified eight times: the seam as the viewer would see it, exaggerated. */
    private Mat wrapDifference() {
        if (last.empty()) return null;
        Mat diff = new Mat();
        org.bytedeco.opencv.global.opencv_core.absdiff(last, first, diff);
        diff.convertTo(diff, -1, 8.0, 0);
        return diff;
    }

    private void place(Mat panel, int column) {
        int x = GAP + column * (thumbWidth + GAP);
        int y = GAP + ROWS * (thumbHeight + GAP);
        try (Rect r = new Rect(x, y, thumbWidth, thumbHeight); Mat target = sheet.apply(r)) {
            panel.copyTo(target);
        }
    }

    @Override
    public void close() {
        sheet.close();
        for (Mat m : new Mat[] {grey, small, first, last}) m.close();
    }
}
