package io.imageloop.engine;

import io.imageloop.engine.encode.OutputFormat;
import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.frame.Fitting;
import io.imageloop.engine.measure.DecodedMeter;
import io.imageloop.engine.measure.DecodedReport;
import io.imageloop.engine.recipe.Area;
import io.imageloop.engine.recipe.CameraMove;
import io.imageloop.engine.recipe.Direction;
import io.imageloop.engine.recipe.Layer;
import io.imageloop.engine.recipe.MotionRecipe;
import io.imageloop.engine.recipe.Particles;
import io.imageloop.engine.recipe.Region;
import io.imageloop.engine.recipe.Style;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Loops judged on the decoded file, as a looping player shows them. */
class LoopRendererTest {

    static final Path LAKE = Samples.path("lake-boats-sunset-clouds.jpg");

    @TempDir
    Path dir;

    /** The recipes every format must loop without a visible seam. */
    static Stream<Arguments> recipes() {
        Area sky = Area.band(Region.UPPER);
        return Stream.of(
                Arguments.of("flow", Style.FLOW.recipe(null, null, 2.0)),
                Arguments.of("sway", Style.SWAY.recipe(null, null, 1.0)),
                Arguments.of("parallax", Style.PARALLAX.recipe(null, null, 1.0)),
                Arguments.of("camera", Style.CAMERA.recipe(null, null, 1.0)),
                Arguments.of("ripple", MotionRecipe.of(new Layer.Ripple(Area.band(Region.LOWER), 2.0))),
                Arguments.of("particles", MotionRecipe.of(new Layer.Drift(sky, Direction.RIGHT, 2.0)).withParticles(Particles.SNOW)),
                Arguments.of("drift under camera", MotionRecipe.of(new Layer.Drift(sky, Direction.RIGHT, 1.0))
                        .withCamera(new CameraMove(Direction.parse("zoom"), 0.5))));
    }

    static Stream<Arguments> recipesAndFormats() {
        return recipes().flatMap(r -> Stream.of(OutputFormat.values()).map(f -> Arguments.of(r.get()[0], r.get()[1], f)));
    }

    /**
     * MP4 is judged as it ships, 1080p and 6 s: the keyframe's coding noise against the inter
     * frames' is what the seam of a decoded H.264 loop is made of, and it is relatively larger in
     * small, short files. WebM and GIF are judged at 540p, 3 s.
     */
    @ParameterizedTest(name = "{0} as {2}")
    @MethodSource("recipesAndFormats")
    void decodedLoopHasNoSeamNoPulseAndStillPixelsStayStill(String name, MotionRecipe recipe, OutputFormat format) {
        boolean mp4 = format == OutputFormat.MP4;
        LoopSettings settings = LoopSettings.defaults().withRecipe(recipe).withResolution(mp4 ? 1080 : 540)
                .withSeconds(mp4 ? 6 : 3).withFormat(format);
        Path out = dir.resolve(name.replace(' ', '-') + "." + format.extension());

        LoopResult result = new Engine().make(LAKE, out, settings, ProgressListener.NONE);
        DecodedReport decoded = DecodedMeter.measure(out, false);

        assertSeamless(decoded, name + " as " + format);
        assertThat(result.decoded().seamRatio()).as("the report measures the same file").isCloseTo(decoded.seamRatio(), org.assertj.core.data.Offset.offset(1e-9));
    }

    /** The thresholds a loop must meet, decoded: wrap about one step, no spike, still pixels still. */
    static void assertSeamless(DecodedReport d, String what) {
        assertThat(d.medianStep()).as(what + ": something moves").isGreaterThan(DecodedReport.MEDIAN_FLOOR);
        assertThat(d.seamRatio()).as(what + ": wrap step / median step").isLessThanOrEqualTo(1.10);
        assertThat(d.pulseRatio()).as(what + ": largest step / median step").isLessThanOrEqualTo(3.0);
        // Pixels whose deviation stays below half a grey level are "still"; where almost none are
        // (a camera move), their average is a handful of pixels, not a measure of anything.
        if (d.stillShare() >= 0.05) {
            assertThat(d.stillMaxStep()).as(what + ": worst mean step of still pixels").isLessThanOrEqualTo(0.15);
        }
    }

    @Test
    void mp4IsH264HighTaggedBt709WithOneKeyframeAndMoovFirst() throws Exception {
        Path out = dir.resolve("hd.mp4");
        new Engine().make(LAKE, out, LoopSettings.defaults().withSeconds(1), ProgressListener.NONE);
        DecodedVideo video = DecodedVideo.of(out);
        assertThat(video.codec()).isEqualTo("h264");
        assertThat(video.profile()).isEqualTo(avcodec.AV_PROFILE_H264_HIGH);
        assertThat(video.yuv420p()).isTrue();
        assertThat(video.width()).isEqualTo(1920);
        assertThat(video.height()).isEqualTo(1080);
        assertThat(video.frames()).isEqualTo(30);
        assertThat(video.fps()).isEqualTo(30.0);
        assertThat(video.topLevelBoxes()).containsSubsequence("moov", "mdat");
        assertThat(video.colorSpace()).isEqualTo(avutil.AVCOL_SPC_BT709);
        assertThat(video.colorPrimaries()).isEqualTo(avutil.AVCOL_PRI_BT709);
        assertThat(video.colorTransfer()).isEqualTo(avutil.AVCOL_TRC_BT709);
        assertThat(video.keyframes()).as("one keyframe for the loop").isEqualTo(1);
    }

    @Test
    void webmIsVp9AndGifIsPaletteAnimation() throws Exception {
        LoopSettings base = LoopSettings.defaults().withRecipe(Style.SWAY.recipe(null, null, 1)).withResolution(240).withSeconds(1).withFps(15);
        Path webm = dir.resolve("loop.webm");
        new Engine().make(LAKE, webm, base.withFormat(OutputFormat.WEBM), ProgressListener.NONE);
        DecodedVideo vp9 = DecodedVideo.of(webm);
        assertThat(vp9.codec()).isEqualTo("vp9");
        assertThat(vp9.frames()).isEqualTo(15);
        assertThat(vp9.keyframes()).isEqualTo(1);

        Path gif = dir.resolve("loop.gif");
        new Engine().make(LAKE, gif, base.withFormat(OutputFormat.GIF), ProgressListener.NONE);
        DecodedVideo decoded = DecodedVideo.of(gif);
        assertThat(decoded.codec()).isEqualTo("gif");
        assertThat(decoded.frames()).isEqualTo(15);
        assertThat(decoded.width()).isEqualTo(base.aspect().size(240).width());
        assertThat(decoded.seam().moves()).isTrue();
    }

    @Test
    void everyAspectMakesItsOwnSize() {
        for (Aspect aspect : Aspect.values()) {
            LoopResult r = new Engine().make(LAKE, dir.resolve(aspect.label().replace(':', 'x') + ".mp4"),
                    LoopSettings.defaults().withAspect(aspect).withResolution(240).withSeconds(1), ProgressListener.NONE);
            assertThat(r.size()).isEqualTo(aspect.size(240));
            assertThat(r.decoded().frames()).isEqualTo(30);
        }
    }

    @Test
    void cameraJitterMeasuredOnTheDecodedFramesIsSubPixelSmooth() {
        LoopSettings settings = LoopSettings.defaults().withRecipe(Style.CAMERA.recipe(null, null, 1)).withResolution(540);
        LoopResult result = new Engine().make(LAKE, dir.resolve("cam.mp4"), settings, ProgressListener.NONE);
        assertThat(result.decoded().jitter()).isPresent();
        assertThat(result.decoded().jitter().getAsDouble()).isLessThan(0.05);
    }

    @Test
    void fitModeKeepsTheWholePhotoOnBlurredBars() {
        Path out = dir.resolve("fit.mp4");
        LoopResult result = new Engine().make(LAKE, out, LoopSettings.defaults().withAspect(Aspect.PORTRAIT)
                .withFitting(Fitting.FIT).withResolution(360).withSeconds(1), ProgressListener.NONE);
        assertThat(result.size().width()).isEqualTo(360);
        assertThat(result.size().height()).isEqualTo(640);
        assertThat(result.decoded().frames()).isEqualTo(30);
    }

    @Test
    void contactSheetIsWrittenBesideTheOutput() throws Exception {
        Path out = dir.resolve("sheet.mp4");
        LoopResult result = new Engine().make(LAKE, out,
                LoopSettings.defaults().withResolution(240).withSeconds(1).withContactSheet(true), ProgressListener.NONE);
        assertThat(result.contactSheet()).isEqualTo(dir.resolve("sheet.sheet.png"));
        assertThat(Files.size(result.contactSheet())).isGreaterThan(10_000);
    }
}
