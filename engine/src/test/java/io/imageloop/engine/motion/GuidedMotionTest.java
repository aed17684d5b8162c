package io.imageloop.engine.motion;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopSettings;
import io.imageloop.engine.ProgressListener;
import io.imageloop.engine.motion.auto.AutoPlanner;
import io.imageloop.engine.motion.spec.MotionSpec;
import io.imageloop.engine.motion.spec.MotionSpecCodec;
import io.imageloop.engine.render.LoopRenderer;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_core.randn;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

/** Arrows, freeze areas and automatic plans, judged on decoded frames. */
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

    private static List<Mat> decode(Path video) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
        List<Mat> frames = new ArrayList<>();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile()); OpenCVFrameConverter.ToMat c = new OpenCVFrameConverter.ToMat()) {
            g.start();
            Frame f;
            while ((f = g.grabImage()) != null) {
                Mat gray = new Mat();
                cvtColor(c.convert(f), gray, COLOR_BGR2GRAY);
                frames.add(gray);
            }
        }
        return frames;
    }

    /** The shift (dx, dy) from a to b inside a rectangle of fractions, by phase correlation. */
    private static double[] flow(Mat a, Mat b, double x, double y, double w, double h) {
        try (Rect r = new Rect((int) (x * a.cols()), (int) (y * a.rows()), (int) (w * a.cols()), (int) (h * a.rows()));
             Mat ra = a.apply(r); Mat rb = b.apply(r); Mat fa = new Mat(); Mat fb = new Mat()) {
            ra.convertTo(fa, org.bytedeco.opencv.global.opencv_core.CV_32F);
            rb.convertTo(fb, org.bytedeco.opencv.global.opencv_core.CV_32F);
            org.bytedeco.opencv.opencv_core.Point2d shift = org.bytedeco.opencv.global.opencv_imgproc.phaseCorrelate(fa, fb);
            return new double[] {shift.x(), shift.y()};
        }
    }

    private static double change(Mat a, Mat b, double x, double y, double w, double h) {
        try (Mat d = new Mat(); Rect r = new Rect((int) (x * a.cols()), (int) (y * a.rows()), (int) (w * a.cols()), (int) (h * a.rows()));
             Mat ra = a.apply(r); Mat rb = b.apply(r)) {
            absdiff(ra, rb, d);
            return mean(d).get(0);
        }
    }

    @Test
    void pixelsMoveAlongTheArrow() throws Exception {
        Path photo = texture("noise.png", 640, 360);
        Path out = dir.resolve("arrow.mp4");
        MotionSpec spec = MotionSpec.of(Style.FLOW).withArrows(List.of(Arrow.parse("0.2,0.5:0.8,0.5")), List.of());
        LoopSettings settings = LoopSettings.defaults().withResolution(360).withSeconds(2).withCustomMotion(spec.motion());
        new LoopRenderer().render(photo, out, settings, ProgressListener.NONE);
        List<Mat> frames = decode(out);
        // The field there is about 1.1 px/frame to the right (a tenth of the arrow's length per second).
        double[] v = flow(frames.get(0), frames.get(6), 0.35, 0.4, 0.3, 0.2);
        assertThat(v[0]).as("rightward flow along the arrow, px over 6 frames").isBetween(4.0, 9.0);
        assertThat(Math.abs(v[1])).isLessThan(Math.abs(v[0]) / 4);
    }

    @Test
    void frozenAreasStayStillInTheDecodedFile() throws Exception {
        Path photo = texture("noise.png", 640, 360);
        Path out = dir.resolve("freeze.mp4");
        MotionSpec spec = MotionSpec.of(Style.FLOW).withArrows(List.of(Arrow.parse("0.05,0.5:0.95,0.5")), List.of())
                .withFreeze(new Freeze(List.of(new Freeze.Rect(0.4, 0.2, 0.2, 0.6)), List.of(), null));
        LoopSettings settings = LoopSettings.defaults().withResolution(360).withSeconds(2).withCustomMotion(spec.motion());
        new LoopRenderer().render(photo, out, settings, ProgressListener.NONE);
        List<Mat> frames = decode(out);
        double frozen = change(frames.get(0), frames.get(30), 0.42, 0.25, 0.16, 0.5);
        double moving = change(frames.get(0), frames.get(30), 0.1, 0.35, 0.2, 0.3);
        assertThat(moving).as("the moving part changes").isGreaterThan(2);
        assertThat(frozen).as("the frozen part holds still up to codec noise").isLessThan(0.6).isLessThan(moving / 8);
    }

    @Test
    void autoMovesOnlyTheSkyOfASyntheticLandscape() throws Exception {
        Path photo = dir.resolve("landscape.png");
        int w = 960, h = 540;
        try (Mat img = new Mat(h, w, CV_8UC3); Mat ground = new Mat(h / 2, w, CV_8UC3); Size k = new Size(0, 0)) {
            // Sky: a blue gradient with soft white clouds; ground: dark textured green-brown.
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
            randn(ground, new Mat(new double[] {40, 70, 60}), new Mat(new double[] {35, 35, 35}));
            try (Rect groundRect = new Rect(0, h / 2, w, h / 2); Mat target = img.apply(groundRect)) {
                ground.copyTo(target);
            }
            imwrite(photo.toString(), img);
        }
        LoopSettings settings = LoopSettings.defaults().withResolution(360).withSeconds(2);
        MotionSpec plan = AutoPlanner.plan(photo, settings, dir.resolve("still.png"));
        assertThat(plan.style()).isEqualTo(Style.FLOW);
        assertThat(plan.notes()).anyMatch(n -> n.startsWith("sky"));

        Path out = dir.resolve("auto.mp4");
        new LoopRenderer().render(photo, out, settings.withCustomMotion(plan.motion()), ProgressListener.NONE);
        List<Mat> frames = decode(out);
        double sky = change(frames.get(0), frames.get(30), 0.05, 0.05, 0.9, 0.35);
        double ground = change(frames.get(0), frames.get(30), 0.05, 0.6, 0.9, 0.35);
        assertThat(sky).as("the sky moves").isGreaterThan(0.5);
        assertThat(ground).as("the ground holds still").isLessThan(0.6);
        assertThat(ground).isLessThan(sky / 3);

        Path saved = dir.resolve("plan.json");
        MotionSpecCodec.write(plan, saved);
        MotionSpec again = MotionSpecCodec.read(saved);
        assertThat(again.arrows()).hasSameSizeAs(plan.arrows());
        assertThat(again.freeze().mask()).isEqualTo(dir.resolve("still.png"));
    }

    @Test
    void autoKeepsAWallStill() throws Exception {
        // A brick-red, textured wall filling the frame is not sky: auto must not make it drift.
        Path photo = dir.resolve("wall.png");
        try (Mat wall = new Mat(540, 960, CV_8UC3); Size k = new Size(0, 0)) {
            randn(wall, new Mat(new double[] {50, 60, 150}), new Mat(new double[] {30, 30, 30}));
            imwrite(photo.toString(), wall);
        }
        MotionSpec plan = AutoPlanner.plan(photo, LoopSettings.defaults(), dir.resolve("still.png"));
        assertThat(plan.style()).isEqualTo(Style.CAMERA);
    }

    @Test
    void motionSpecRoundTripsAndNamesBadFields() throws Exception {
        Path file = dir.resolve("spec.json");
        Files.writeString(file, """
                {"version": 1, "style": "flow", "strength": 1.5,
                 "arrows": [{"from": [0.1, 0.2], "to": [0.4, 0.2]}],
                 "anchors": [[0.5, 0.5]],
                 "freeze": {"rects": [[0.6, 0.6, 0.2, 0.2]], "polygons": [[[0.1, 0.7], [0.2, 0.7], [0.15, 0.9]]]},
                 "notes": ["hand-made"]}
                """);
        MotionSpec spec = MotionSpecCodec.read(file);
        assertThat(spec.arrows()).containsExactly(new Arrow(0.1, 0.2, 0.4, 0.2));
        assertThat(spec.anchors()).containsExactly(new Point(0.5, 0.5));
        assertThat(spec.freeze().rects()).hasSize(1);
        Path copy = dir.resolve("copy.json");
        MotionSpecCodec.write(spec, copy);
        assertThat(MotionSpecCodec.read(copy)).isEqualTo(spec);

        assertBad("{\"version\": 2}", "version");
        assertBad("{\"version\": 1, \"arrows\": [{\"from\": [0.1], \"to\": [0.2, 0.2]}]}", "arrows[0].from");
        assertBad("{\"version\": 1, \"arrows\": [{\"from\": [0.1, 1.4], \"to\": [0.2, 0.2]}]}", "arrows[0]");
        assertBad("{\"version\": 1, \"freeze\": {\"rects\": [[0.5, 0.5, 0.9, 0.1]]}}", "freeze.rects[0]");
        assertBad("{\"version\": 1, \"style\": \"wobble\"}", "style");
        assertBad("{\"version\": 1, \"speed\": 3}", "speed");
        assertBad("{\"version\": 1, \"style\": \"camera\", \"freeze\": {\"rects\": [[0.1, 0.1, 0.2, 0.2]]}}", "flow or sway");
        assertBad("{not json", "not valid JSON");
    }

    private void assertBad(String json, String mentions) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, json);
        assertThatThrownBy(() -> MotionSpecCodec.read(file)).isInstanceOf(LoopException.class).hasMessageContaining(mentions);
    }
}
