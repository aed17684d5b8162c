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
 * borders and ghosting show up side by side.
 */
public final class ContactSheet implements AutoCloseable {

    public static final int COLUMNS = 4;
    public static final int ROWS = 3;
    private static final int GAP = 4;

    private final int frames;
    private final int thumbWidth;
    private final int thumbHeight;
    private final Mat sheet;

    public ContactSheet(int frames, int frameWidth, int frameHeight) {
        this.frames = frames;
        this.thumbWidth = frameWidth >= frameHeight ? 480 : 270;
        this.thumbHeight = Math.max(1, Math.round((float) frameHeight * thumbWidth / frameWidth));
        this.sheet = new Mat(ROWS * thumbHeight + (ROWS + 1) * GAP, COLUMNS * thumbWidth + (COLUMNS + 1) * GAP, CV_8UC3,
                new Scalar(24, 24, 24, 0));
    }

    /** The frame index shown in cell i. */
    public int frameOfCell(int cell) {
        return (int) Math.round((double) cell * frames / (COLUMNS * ROWS));
    }

    /** Offers frame t; keeps it if it belongs on the sheet. */
    public void offer(int t, Mat frame) {
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
        if (!imwrite(file.toString(), sheet)) {
            throw new LoopException(Kind.OUTPUT_NOT_WRITABLE, "cannot write the contact sheet " + file);
        }
    }

    @Override
    public void close() {
        sheet.close();
    }
}
