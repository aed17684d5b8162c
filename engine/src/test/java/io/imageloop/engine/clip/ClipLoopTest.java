package io.imageloop.engine.clip;

import io.imageloop.engine.DecodedVideo;
import io.imageloop.engine.LoopResult;
import io.imageloop.engine.LoopSettings;
import io.imageloop.engine.ProgressListener;
import io.imageloop.engine.Samples;
import io.imageloop.engine.encode.OutputFormat;
import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.render.FrameSource;
import io.imageloop.engine.render.LoopRenderer;
import io.imageloop.engine.render.Sources;
import io.imageloop.engine.source.PhotoLoader;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.mean;

/** Clips made into loops, judged on the rendered and the decoded frames. */
class ClipLoopTest {

    static final Path PLAZA = Samples.path("pedestrians-plaza.mp4");
    static final LoopSettings SMALL = LoopSettings.defaults().withResolution(240);

    @TempDir
    Path dir;

    @Test
    void plazaClipLoopsWithAGentleSeamWhereTheRawCutJumps() throws Exception {
        LoopSettings settings = SMALL.withSeconds(2);
        ClipOptions options = ClipOptions.defaults().withMaxLoopSeconds(3);
        LoopResult raw = render(PLAZA, settings, options.withBlend(0, 0), dir.resolve("raw.mp4"));
        LoopResult looped;
        ClipPlan plan;
        try (ClipLoop loop = ClipLoop.of(PLAZA, settings, options)) {
            plan = loop.plan();
            looped = new LoopRenderer().render(loop, dir.resolve("plaza.mp4"), settings, ProgressListener.NONE);
        }
        DecodedVideo video = DecodedVideo.of(dir.resolve("plaza.mp4"));

        assertThat(plan.seconds()).isBetween(2.0, 3.0);
        assertThat(plan.fps()).isEqualTo(10.0);
        assertThat(plan.crossfadeFrames()).isBetween(6, 24);
        assertThat(video.width()).isEqualTo(Aspect.LANDSCAPE.size(240).width());
        assertThat(video.height()).isEqualTo(240);
        assertThat(video.frames()).isEqualTo(plan.length());
        assertThat(video.fps()).isEqualTo(10.0);
        assertThat(video.seam().moves()).isTrue();
        assertThat(raw.rendered().seamRatio()).as("seam ratio of the raw cut").isGreaterThan(1.5);
        assertThat(looped.rendered().seamRatio()).as("seam ratio with the crossfade").isLessThan(1.1);
        assertThat(plan.seamBefore()).isGreaterThan(1.5);
        assertThat(plan.seamAfter()).isLessThan(1.1);
        assertThat(looped.motion()).contains("clip loop", "pedestrians-plaza.mp4", "seam");
    }

    @Test
    void searchFindsTheTruePeriodOfASyntheticClip() throws Exception {
        int period = 20;
        Path clip = SyntheticClip.mkv(dir.resolve("periodic.mkv"), 24, 105, k -> SyntheticClip.periodic(k, period));
        LoopSettings settings = SMALL.withSeconds(1.5);
        try (ClipLoop loop = ClipLoop.of(clip, settings)) {
            ClipPlan plan = loop.plan();
            assertThat(plan.wholeClip()).as("105 frames are not whole periods").isFalse();
            assertThat(plan.length() % period).as("loop length %d is whole periods", plan.length()).isZero();
            assertThat(plan.seconds()).isGreaterThanOrEqualTo(1.5);
            assertThat(plan.seamBefore()).as("a cut at the true period needs no hiding").isLessThan(1.05);
            LoopResult result = new LoopRenderer().render(loop, dir.resolve("periodic.mp4"), settings, ProgressListener.NONE);
            assertThat(result.rendered().seamRatio()).isBetween(0.9, 1.05);
            assertThat(result.fps()).isEqualTo(24.0);
        }
    }

    @Test
    void fasterClipIsResampledToTheSettingsFrameRate() throws Exception {
        int period = 16; // at 32 fps: 8 frames at 16 fps
        Path clip = SyntheticClip.mkv(dir.resolve("fast.mkv"), 32, 100, k -> SyntheticClip.periodic(k, period));
        try (ClipLoop loop = ClipLoop.of(clip, SMALL.withSeconds(1).withFps(16))) {
            assertThat(loop.timing().fps()).isEqualTo(16.0);
            assertThat(loop.plan().length() % (period / 2)).isZero();
            assertThat(loop.plan().seamBefore()).isLessThan(1.05);
        }
    }

    @Test
    void animatedGifIsAClipAndAStillGifAPhoto() throws Exception {
        Path animated = SyntheticClip.gif(dir.resolve("anim.gif"), 20, 40, k -> SyntheticClip.periodic(k, 20));
        Path still = SyntheticClip.gif(dir.resolve("still.gif"), 20, 1, k -> SyntheticClip.periodic(k, 20));
        LoopSettings settings = SMALL.withSeconds(1);
        try (FrameSource source = Sources.open(animated, settings, new PhotoLoader())) {
            assertThat(source).isInstanceOf(ClipLoop.class);
            ClipPlan plan = ((ClipLoop) source).plan();
            assertThat(plan.wholeClip()).as("two whole periods loop by themselves").isTrue();
            assertThat(plan.length()).isEqualTo(40);
        }
        try (FrameSource source = Sources.open(still, settings, new PhotoLoader())) {
            assertThat(source).isNotInstanceOf(ClipLoop.class);
        }
    }

    @Test
    void clipThatStepsBackAtItsEndIsNotTakenForALoop() throws Exception {
        // 42 frames of a 20-frame cycle: the last frame is cycle frame 1, so going on to frame 0
        // steps back; the single step looks ordinary, its direction does not
        Path clip = SyntheticClip.mkv(dir.resolve("back.mkv"), 24, 42, k -> SyntheticClip.periodic(k, 20));
        try (ClipLoop loop = ClipLoop.of(clip, SMALL.withSeconds(0.5), ClipOptions.defaults().withMinLoopSeconds(0.5))) {
            assertThat(loop.plan().wholeClip()).isFalse();
            assertThat(loop.plan().length() % 20).isZero();
        }
    }

    @Test
    void loopMadeFromAClipLoopsByItselfWhenLoopedAgain() throws Exception {
        LoopSettings settings = SMALL.withSeconds(2).withFormat(OutputFormat.GIF);
        Path gif = dir.resolve("plaza.gif");
        int frames = render(PLAZA, settings, ClipOptions.defaults().withMaxLoopSeconds(3), gif).frames();
        try (FrameSource again = Sources.open(gif, settings, new PhotoLoader())) {
            ClipPlan plan = ((ClipLoop) again).plan();
            assertThat(plan.wholeClip()).as("the crossfaded ends of a loop meet").isTrue();
            assertThat(plan.length()).isEqualTo(frames);
        }
    }

    @Test
    void videosAreRoutedToClipLoopsAndPhotosToPhotoLoops() {
        try (FrameSource source = Sources.open(PLAZA, SMALL.withSeconds(6), new PhotoLoader())) {
            assertThat(source).isInstanceOf(ClipLoop.class);
            assertThat(source.timing().seconds()).as("at least the asked duration when the clip allows").isGreaterThanOrEqualTo(6);
        }
        try (FrameSource source = Sources.open(Samples.path("coffee-cup.jpg"), SMALL.withSeconds(1), new PhotoLoader())) {
            assertThat(source).isNotInstanceOf(ClipLoop.class);
        }
    }

    @Test
    void displayRotationIsHonoured() throws Exception {
        // stored landscape with a white square top-left; shown turned a quarter counter-clockwise,
        // the square is bottom-left of a portrait picture
        Path clip = SyntheticClip.mp4(dir.resolve("rotated.mp4"), 10, 20, SyntheticClip::marked, 90);
        try (ClipLoop loop = ClipLoop.of(clip, SMALL.withAspect(Aspect.PORTRAIT).withSeconds(1)); Mat frame = new Mat()) {
            loop.render(0, frame);
            int w = frame.cols();
            int h = frame.rows();
            assertThat(brightness(frame, new Rect(0, h - h / 6, w / 4, h / 6))).isGreaterThan(200);
            assertThat(brightness(frame, new Rect(0, 0, w / 4, h / 6))).isLessThan(60);
        }
    }

    private static double brightness(Mat frame, Rect r) {
        try (r; Mat part = frame.apply(r); var m = mean(part)) {
            return m.get(0);
        }
    }

    private LoopResult render(Path clip, LoopSettings settings, ClipOptions options, Path out) {
        try (ClipLoop loop = ClipLoop.of(clip, settings, options)) {
            return new LoopRenderer().render(loop, out, settings, ProgressListener.NONE);
        }
    }
}
