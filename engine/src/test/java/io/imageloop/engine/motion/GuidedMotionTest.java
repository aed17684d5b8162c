package io.imageloop.engine.motion;

import io.imageloop.engine.Engine;
import io.imageloop.engine.Frames;
import io.imageloop.engine.LoopSettings;
import io.imageloop.engine.ProgressListener;
import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.frame.FrameSize;
import io.imageloop.engine.frame.PhotoWindow;
import io.imageloop.engine.recipe.Area;
import io.imageloop.engine.recipe.Arrow;
import io.imageloop.engine.recipe.Layer;
import io.imageloop.engine.recipe.MotionRecipe;
import io.imageloop.engine.recipe.Point;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_core.randn;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

/** Arrows, anchors and freeze areas, drawn on the photo, judged on decoded frames. */
class GuidedMotionTest {

    @TempDir
    Path dir;

    /** A textured photo (blurred noise) so that motion is measurable everywhere. */
    private Path texture(String name, int width, int height) {
        Path file = dir.resolve(name);
        try (Mat noise = new Mat(height, width, CV_8UC3); Size k = new Size(0, 0)) {
            randn(noise, new Mat(new double[] {128, 128, 128}), new Mat(new double[] {60, 60, 60}));
            GaussianBlur(noise, noise, k, 2.5);
            imwrite(file.toString(), noise);
        }
        return file;
    }

    @Test
    void pixelsMoveAlongTheArrow() throws Exception {
        Path photo = texture("noise.png", 640, 360);
        Path out = dir.resolve("arrow.mp4");
        MotionRecipe recipe = MotionRecipe.of(new Layer.Flow(List.of(Arrow.parse("0.2,0.5:0.8,0.5")), List.of(), 1.0));
        new Engine().make(photo, out, LoopSettings.defaults().withRecipe(recipe).withResolution(360).withSeconds(2), ProgressListener.NONE);
        List<Mat> frames = Frames.decode(out);
        // The field there is about 1.1 px/frame to the right (a tenth of the arrow's length per second).
        double[] v = Frames.flow(frames.get(0), frames.get(6), Frames.onFrame(frames.get(0), PhotoWindow.WHOLE, 0.35, 0.4, 0.3, 0.2));
        assertThat(v[0]).as("rightward flow along the arrow, px over 6 frames").isBetween(4.0, 9.0);
        assertThat(Math.abs(v[1])).isLessThan(Math.abs(v[0]) / 4);
    }

    @Test
    void anAnchorPinsItsNeighbourhood() throws Exception {
        Path photo = texture("noise.png", 640, 360);
        Path out = dir.resolve("anchor.mp4");
        MotionRecipe recipe = MotionRecipe.of(new Layer.Flow(List.of(Arrow.parse("0.05,0.5:0.4,0.5")), List.of(new Point(0.7, 0.5)), 1.0));
        new Engine().make(photo, out, LoopSettings.defaults().withRecipe(recipe).withResolution(360).withSeconds(2), ProgressListener.NONE);
        List<Mat> frames = Frames.decode(out);
        double pinned = Frames.change(frames.get(0), frames.get(30), Frames.onFrame(frames.get(0), PhotoWindow.WHOLE, 0.67, 0.45, 0.06, 0.1));
        double moving = Frames.change(frames.get(0), frames.get(30), Frames.onFrame(frames.get(0), PhotoWindow.WHOLE, 0.1, 0.45, 0.2, 0.1));
        assertThat(moving).isGreaterThan(2);
        assertThat(pinned).isLessThan(moving / 4);
    }

    /**
     * Guidance is drawn on the photo: the same freeze box and arrow at 16:9 and at 9:16 freeze and
     * move the same content, wherever that content lands in each frame.
     */
    @Test
    void theSameGuidanceHoldsAndMovesTheSamePartsOfThePhotoAtEveryAspect() throws Exception {
        Path photo = texture("wide.png", 1280, 720);
        Area.Rect box = new Area.Rect(0.47, 0.15, 0.06, 0.3);
        MotionRecipe recipe = MotionRecipe.of(new Layer.Flow(List.of(Arrow.parse("0.36,0.7:0.64,0.7")), List.of(), 1.5))
                .withFreeze(Area.of(List.of(box)));
        for (Aspect aspect : new Aspect[] {Aspect.LANDSCAPE, Aspect.PORTRAIT}) {
            Path out = dir.resolve(aspect.label().replace(':', 'x') + ".mp4");
            LoopSettings settings = LoopSettings.defaults().withRecipe(recipe).withAspect(aspect).withResolution(360).withSeconds(2);
            new Engine().make(photo, out, settings, ProgressListener.NONE);
            List<Mat> frames = Frames.decode(out);
            FrameSize size = aspect.size(360);
            PhotoWindow window = PhotoWindow.cover(1280, 720, size);
            double frozen = Frames.change(frames.get(0), frames.get(30), Frames.onFrame(frames.get(0), window, box.x() + 0.005, box.y() + 0.02, box.w() - 0.01, box.h() - 0.04));
            double[] v = Frames.flow(frames.get(0), frames.get(6), Frames.onFrame(frames.get(0), window, 0.44, 0.62, 0.12, 0.16));
            assertThat(frozen).as(aspect + ": the frozen box holds still").isLessThan(0.3);
            assertThat(v[0]).as(aspect + ": content under the arrow moves right").isGreaterThan(2.0);
            assertThat(Math.abs(v[1])).as(aspect.label()).isLessThan(Math.abs(v[0]) / 3);
        }
    }

    @Test
    void frozenPixelsAreBitIdenticalInEveryDecodedFrame() throws Exception {
        Path photo = texture("noise.png", 640, 360);
        Path out = dir.resolve("freeze.mp4");
        MotionRecipe recipe = MotionRecipe.of(new Layer.Flow(List.of(Arrow.parse("0.05,0.5:0.95,0.5")), List.of(), 1.0))
                .withFreeze(Area.of(List.of(new Area.Rect(0.4, 0.2, 0.2, 0.6))));
        new Engine().make(photo, out, LoopSettings.defaults().withRecipe(recipe).withResolution(360).withSeconds(2), ProgressListener.NONE);
        List<Mat> frames = Frames.decode(out);
        Rect inside = Frames.onFrame(frames.get(0), PhotoWindow.WHOLE, 0.43, 0.25, 0.14, 0.5);
        double moving = Frames.change(frames.get(0), frames.get(30), Frames.onFrame(frames.get(0), PhotoWindow.WHOLE, 0.1, 0.35, 0.2, 0.3));
        assertThat(moving).as("the moving part changes").isGreaterThan(2);
        for (int t = 1; t < frames.size(); t++) {
            assertThat(Frames.change(frames.get(0), frames.get(t), inside)).as("frozen block in frame " + t).isLessThan(0.05);
        }
    }
}
