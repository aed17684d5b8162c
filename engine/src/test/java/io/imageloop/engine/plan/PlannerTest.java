package io.imageloop.engine.plan;

import io.imageloop.engine.Engine;
import io.imageloop.engine.LoopSettings;
import io.imageloop.engine.ProgressListener;
import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.recipe.Layer;
import io.imageloop.engine.recipe.MotionRecipe;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.randn;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;

class PlannerTest {

    @TempDir
    Path dir;

    /** A synthetic landscape: a blue sky with soft white clouds over dark textured rock. */
    Path landscape() {
        Path photo = dir.resolve("landscape.png");
        int w = 960, h = 540;
        try (Mat img = new Mat(h, w, CV_8UC3); Mat ground = new Mat(h / 2, w, CV_8UC3); Size k = new Size(0, 0)) {
            java.nio.ByteBuffer px = img.createBuffer();
            java.util.Random random = new java.util.Random(7);
            for (int y = 0; y < h / 2; y++) {
                for (int x = 0; x < w; x++) {
                    int i = (y * w + x) * 3;
                    px.put(i, (byte) (230 - y / 4)).put(i + 1, (byte) (170 - y / 6)).put(i + 2, (byte) (110 - y / 8));
                }
            }
            for (int c = 0; c < 12; c++) {
                org.bytedeco.opencv.global.opencv_imgproc.circle(img, new org.bytedeco.opencv.opencv_core.Point(random.nextInt(w), 30 + random.nextInt(h / 3)),
                        25 + random.nextInt(30), new Scalar(250, 250, 250, 0), -1, org.bytedeco.opencv.global.opencv_imgproc.LINE_AA, 0);
            }
            try (Rect skyRect = new Rect(0, 0, w, h / 2); Mat sky = img.apply(skyRect)) {
                GaussianBlur(sky, sky, k, 6);
            }
            randn(ground, new Mat(new double[] {60, 70, 90}), new Mat(new double[] {35, 35, 35})); // brown rock, not plants
            try (Rect groundRect = new Rect(0, h / 2, w, h / 2); Mat target = img.apply(groundRect)) {
                ground.copyTo(target);
            }
            imwrite(photo.toString(), img);
        }
        return photo;
    }

    @Test
    void aCloudySkyDriftsAndTheGroundHolds() throws Exception {
        Path photo = landscape();
        MotionRecipe plan = new Engine().plan(photo, PlanHints.NONE.withCamera(false, null), Aspect.LANDSCAPE, 2);
        assertThat(plan.has(Layer.Type.DRIFT)).isTrue();
        assertThat(plan.camera()).isNull();
        assertThat(plan.notes()).anyMatch(n -> n.startsWith("sky"));

        Path out = dir.resolve("auto.mp4");
        new Engine().make(photo, out, LoopSettings.defaults().withRecipe(plan).withResolution(360).withSeconds(2), ProgressListener.NONE);
        var frames = io.imageloop.engine.Frames.decode(out);
        var whole = io.imageloop.engine.frame.PhotoWindow.WHOLE;
        double sky = io.imageloop.engine.Frames.change(frames.get(0), frames.get(30),
                io.imageloop.engine.Frames.onFrame(frames.get(0), whole, 0.05, 0.05, 0.9, 0.35));
        double ground = io.imageloop.engine.Frames.change(frames.get(0), frames.get(30),
                io.imageloop.engine.Frames.onFrame(frames.get(0), whole, 0.05, 0.6, 0.9, 0.35));
        assertThat(sky).as("the sky moves").isGreaterThan(0.5);
        assertThat(ground).as("the ground holds still").isLessThan(0.3);
    }

    @Test
    void aLoopThatWouldBarelyMoveGetsACameraMoveOnTop() throws Exception {
        MotionRecipe plan = new Engine().plan(landscape(), PlanHints.NONE, Aspect.LANDSCAPE, 2);
        assertThat(plan.has(Layer.Type.DRIFT)).isTrue();
        assertThat(plan.notes()).anyMatch(n -> n.startsWith("visible motion:"));
        if (plan.camera() != null) assertThat(plan.notes()).anyMatch(n -> n.contains("camera move on top"));
    }

    @Test
    void aWallIsNotSky() throws Exception {
        Path photo = dir.resolve("wall.png");
        try (Mat wall = new Mat(540, 960, CV_8UC3)) {
            randn(wall, new Mat(new double[] {50, 60, 150}), new Mat(new double[] {30, 30, 30}));
            imwrite(photo.toString(), wall);
        }
        MotionRecipe plan = new Engine().plan(photo, PlanHints.NONE, Aspect.LANDSCAPE, 6);
        assertThat(plan.has(Layer.Type.DRIFT)).isFalse();
    }

    @Test
    void theSamePhotoAndAspectAlwaysGiveTheSameRecipe() throws Exception {
        Path photo = landscape();
        assertThat(new Engine().plan(photo, PlanHints.NONE, Aspect.PORTRAIT, 6)).isEqualTo(new Engine().plan(photo, PlanHints.NONE, Aspect.PORTRAIT, 6));
    }
}
