package io.imageloop.timeline.render;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import io.imageloop.engine.ProgressListener;
import io.imageloop.engine.encode.OutputFormat;
import io.imageloop.engine.encode.Quality;
import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.frame.FrameSize;
import io.imageloop.engine.recipe.Region;
import io.imageloop.timeline.AudioClip;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.DraftCodec;
import io.imageloop.timeline.DraftMeta;
import io.imageloop.timeline.MediaResolver;
import io.imageloop.timeline.Placement;
import io.imageloop.timeline.Rgb;
import io.imageloop.timeline.Segment;
import io.imageloop.timeline.TestMedia;
import io.imageloop.timeline.TextClip;
import io.imageloop.timeline.Track;
import io.imageloop.timeline.TrackType;
import io.imageloop.timeline.VideoClip;
import io.imageloop.timeline.VideoLoop;
import io.imageloop.timeline.text.FontBook;
import io.imageloop.timeline.text.TextRasterizer;
import io.imageloop.timeline.text.TextSprite;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

/**
 * Renders small drafts (360p and below, 15 fps, a few seconds) and decodes the files as a player
 * would. The titled draft is rendered once and shared by the tests that inspect it.
 */
class DraftRendererTest {

    private static final Path LAKE = Path.of("..", "samples", "lake-boats-sunset-clouds.jpg").toAbsolutePath().normalize();
    private static final double FPS = 15;
    private static final TextClip TITLE = new TextClip("Urban Dreams", Placement.CENTER, 0.15, Rgb.WHITE, Rgb.BLACK, true, 0, 0, Map.of());

    @TempDir
    static Path dir;
    private static MediaResolver media;
    private static Probe titled;
    private static RenderResult titledResult;
    private static final DraftRenderer RENDERER = new DraftRenderer();

    @BeforeAll
    static void renderTheTitledDraft() throws Exception {
        Path tone = TestMedia.sineWav(dir.resolve("tone.wav"), 1.0, 440, 0.5);
        media = MediaResolver.ofIds(Map.of("lake", LAKE, "tone", tone));
        List<Integer> progress = new ArrayList<>();
        titledResult = RENDERER.render(titledDraft(0.35), media, dir.resolve("titled.mp4"),
                RenderOptions.of(OutputFormat.MP4).withResolution(360), (done, total) -> progress.add(done));
        titled = Probe.of(titledResult.output());
        assertThat(progress).hasSize(45).endsWith(45);
    }

    @AfterAll
    static void release() {
        if (titled != null) titled.close();
    }

    /** 3 s at 15 fps: a 1 s loop of the whole photo, "Urban Dreams" from 1 s to 2 s, and a 1 s tone looped. */
    private static Draft titledDraft(double volume) {
        return new Draft(3000, new DraftMeta(Aspect.LANDSCAPE, FPS, "titled"), List.of(
                new Track(TrackType.VIDEO, null, List.of(new Segment(0, 3000, loop(1000)))),
                new Track(TrackType.AUDIO, "BGM", List.of(new Segment(0, 3000, AudioClip.of("tone", volume)))),
                new Track(TrackType.TEXT, "Title", List.of(new Segment(1000, 1000, TITLE)))));
    }

    private static VideoLoop loop(long cycleMs) {
        return VideoLoop.of("lake", cycleMs).withRecipe(io.imageloop.engine.recipe.Style.FLOW.recipe(null, Region.WHOLE, 2));
    }

    private static Draft draft(long ms, double fps, Track... tracks) {
        return new Draft(ms, new DraftMeta(Aspect.LANDSCAPE, fps, null), List.of(tracks));
    }

    @Test
    void mp4HasH264AndAacOfTheSameLength() {
        assertThat(titledResult.size()).isEqualTo(new FrameSize(640, 360));
        assertThat(titledResult.audio()).isTrue();
        assertThat(titled.videoCodec).isEqualTo("h264");
        assertThat(titled.audioCodec).isEqualTo("aac");
        assertThat(titled.width).isEqualTo(640);
        assertThat(titled.frames).hasSize(45);
        assertThat(titled.audioSeconds()).isCloseTo(titled.videoSeconds(), offset(1 / FPS));
    }

    @Test
    void textShowsOnlyInsideItsTimeRange() throws Exception {
        TextSprite sprite = new TextRasterizer(FontBook.system()).render(TITLE, titledResult.size());
        try (Rect box = new Rect(Math.max(0, sprite.x()), Math.max(0, sprite.y()),
                Math.min(640, sprite.x() + sprite.width()) - Math.max(0, sprite.x()),
                Math.min(360, sprite.y() + sprite.height()) - Math.max(0, sprite.y()))) {
            // Frames 7, 22 and 37 are at the same phase of the 1 s (15-frame) loop; only 22 is inside 1-2 s.
            double outsideVsOutside = Probe.difference(titled.frames.get(7), titled.frames.get(37), box);
            double insideVsOutside = Probe.difference(titled.frames.get(22), titled.frames.get(7), box);
            // The frames just before and after the range (14 and 30) match their loop twins (44 and 0) too.
            double before = Probe.difference(titled.frames.get(14), titled.frames.get(44), box);
            double after = Probe.difference(titled.frames.get(30), titled.frames.get(0), box);
            double firstInside = Probe.difference(titled.frames.get(15), titled.frames.get(0), box);
            // Outside the range only codec noise differs (about 3 levels); the title changes the box by ~45.
            assertThat(outsideVsOutside).isLessThan(5);
            assertThat(before).isLessThan(5);
            assertThat(after).isLessThan(5);
            assertThat(insideVsOutside).isGreaterThan(20);
            assertThat(firstInside).isGreaterThan(20);
        }
        Path previews = Files.createDirectories(Path.of("target", "render-previews"));
        imwrite(previews.resolve("titled-frame22.png").toString(), titled.frames.get(22));
    }

    @Test
    void volumeScalesTheMusic() throws Exception {
        RenderResult full = RENDERER.render(titledDraft(1.0), media, dir.resolve("full.mp4"),
                RenderOptions.of(OutputFormat.MP4).withResolution(90), ProgressListener.NONE);
        Probe loud = Probe.of(full.output());
        loud.close();
        double quiet = titled.rms(0.5, 2.5);
        double ratio = quiet / loud.rms(0.5, 2.5);
        assertThat(loud.rms(0.5, 2.5)).isGreaterThan(0.2);
        assertThat(ratio).isCloseTo(0.35, offset(0.02));
    }

    @Test
    void aDraftWithoutAudioHasNoAudioStream() throws Exception {
        RenderResult r = RENDERER.render(draft(1000, FPS, new Track(TrackType.VIDEO, null, List.of(new Segment(0, 1000, loop(1000))))),
                media, dir.resolve("silent.mp4"), RenderOptions.of(OutputFormat.MP4).withResolution(90), ProgressListener.NONE);
        Probe p = Probe.of(r.output());
        p.close();
        assertThat(r.audio()).isFalse();
        assertThat(p.hasAudio).isFalse();
        assertThat(p.videoCodec).isEqualTo("h264");
        assertThat(p.frames).hasSize(15);
    }

    @Test
    void gifsAreSilentAndCapped() throws Exception {
        RenderResult r = RENDERER.render(titledDraft(0.35), media, dir.resolve("titled.gif"),
                RenderOptions.of(OutputFormat.GIF).withResolution(1080), ProgressListener.NONE);
        assertThat(r.audio()).isFalse();
        assertThat(r.size()).isEqualTo(new FrameSize(720, 406));
        Probe p = Probe.of(r.output());
        p.close();
        assertThat(p.videoCodec).isEqualTo("gif");
        assertThat(p.hasAudio).isFalse();
        assertThat(p.frames).hasSize(45);
    }

    @Test
    void webmCarriesVp9AndOpus() throws Exception {
        RenderResult r = RENDERER.render(draft(1000, FPS,
                        new Track(TrackType.VIDEO, null, List.of(new Segment(0, 1000, loop(1000)))),
                        new Track(TrackType.AUDIO, null, List.of(new Segment(0, 1000, AudioClip.of("tone", 0.5))))),
                media, dir.resolve("clip.webm"), RenderOptions.of(OutputFormat.WEBM).withResolution(90), ProgressListener.NONE);
        Probe p = Probe.of(r.output());
        p.close();
        assertThat(p.videoCodec).isEqualTo("vp9");
        assertThat(p.audioCodec).isEqualTo("opus");
        assertThat(p.audioSeconds()).isCloseTo(p.videoSeconds(), offset(1 / FPS));
        assertThat(p.rms(0.2, 0.8)).isGreaterThan(0.05);
    }

    @Test
    void aTwoSecondLoopFillsSixSecondsAsRepeats() throws Exception {
        Draft d = draft(6000, FPS, new Track(TrackType.VIDEO, null, List.of(new Segment(0, 6000, loop(2000)))));
        RenderOptions options = RenderOptions.of(OutputFormat.MP4).withResolution(180).withQuality(Quality.HIGH);
        RenderResult r = RENDERER.render(d, media, dir.resolve("repeat.mp4"), options, ProgressListener.NONE);
        Probe p = Probe.of(r.output());
        try {
            assertThat(p.frames).hasSize(90);
            // Decoded frames carry codec noise (about 2 levels on this detailed photo at 320x180),
            // so "equal" means: as close as the noise allows, and far closer than other phases.
            double sameCycle = Probe.difference(p.frames.get(5), p.frames.get(35), null);
            double twoCycles = Probe.difference(p.frames.get(5), p.frames.get(65), null);
            double halfCycle = Probe.difference(p.frames.get(5), p.frames.get(20), null);
            assertThat(halfCycle).isGreaterThan(8);
            assertThat(sameCycle).isLessThan(halfCycle / 4);
            assertThat(twoCycles).isLessThan(halfCycle / 4);
            // The file as a whole loops: its last frame steps into its first as the cycle does inside the file.
            double wrap = Probe.difference(p.frames.get(89), p.frames.get(0), null);
            double insideSeam = Probe.difference(p.frames.get(29), p.frames.get(30), null);
            assertThat(wrap).isCloseTo(insideSeam, offset(1.0));
        } finally {
            p.close();
        }
        // Before encoding, the frames one cycle apart are identical.
        Path a = dir.resolve("cycle-a.png");
        Path b = dir.resolve("cycle-b.png");
        RENDERER.snapshot(d, media, options, 5 * 1000 / 15, a);
        RENDERER.snapshot(d, media, options, 35 * 1000 / 15, b);
        try (Mat x = imread(a.toString()); Mat y = imread(b.toString())) {
            assertThat(Probe.difference(x, y, null)).isZero();
        }
    }

    @Test
    void clipsRepeatAndGapsAreBlack() throws Exception {
        // 5 frames at 5 fps: one second, grey levels 20, 60, 100, 140, 180.
        Path clip = TestMedia.greyRampClip(dir.resolve("ramp.mp4"), 5, 5, new FrameSize(64, 36));
        MediaResolver files = MediaResolver.ofIds(Map.of("ramp", clip));
        Draft d = draft(3000, 10, new Track(TrackType.VIDEO, null, List.of(new Segment(0, 2000, VideoClip.of("ramp")))));
        RenderResult r = RENDERER.render(d, files, dir.resolve("ramp-out.mp4"), RenderOptions.of(OutputFormat.MP4).withResolution(72),
                ProgressListener.NONE);
        Probe p = Probe.of(r.output());
        try {
            assertThat(p.frames).hasSize(30);
            // 0.2 s and 1.2 s both show the clip's second frame; 0.8 s its last; 2.5 s is after the segment.
            assertThat(meanGrey(p, 2)).isCloseTo(60, offset(4.0));
            assertThat(meanGrey(p, 12)).isCloseTo(60, offset(4.0));
            assertThat(meanGrey(p, 8)).isCloseTo(180, offset(4.0));
            assertThat(meanGrey(p, 19)).isCloseTo(180, offset(4.0));
            assertThat(meanGrey(p, 25)).isLessThan(4);
        } finally {
            p.close();
        }
    }

    private static double meanGrey(Probe p, int frame) {
        return org.bytedeco.opencv.global.opencv_core.mean(p.frames.get(frame)).get(1);
    }

    @Test
    void theShippedExampleRendersWithItsMusic() throws Exception {
        Path file = Path.of("..", "examples", "lake-title-music.json").toAbsolutePath().normalize();
        Draft d = DraftCodec.read(file);
        MediaResolver files = MediaResolver.relativeTo(file.getParent());
        RenderResult r = RENDERER.render(d, files, dir.resolve("example.mp4"), RenderOptions.of(OutputFormat.MP4).withResolution(90),
                ProgressListener.NONE);
        Probe p = Probe.of(r.output());
        p.close();
        assertThat(p.frames).hasSize(360);
        assertThat(p.audioCodec).isEqualTo("aac");
        assertThat(p.audioSeconds()).isCloseTo(12.0, offset(1 / 30.0));
        assertThat(p.rms(1, 10)).isGreaterThan(0.02);
        assertThat(p.rms(11.95, 12)).as("faded out at the end").isLessThan(p.rms(5, 6) / 10);
        // Frames for looking at: the Latin title and the Chinese subtitle at 16:9 and 9:16.
        Path out = Files.createDirectories(Path.of("target", "render-previews"));
        RENDERER.snapshot(d, files, RenderOptions.of(OutputFormat.MP4).withResolution(360), 2000, out.resolve("example-16x9-title.png"));
        RENDERER.snapshot(d.withMeta(d.meta().withAspect(Aspect.PORTRAIT)), files, RenderOptions.of(OutputFormat.MP4).withResolution(360),
                8000, out.resolve("example-9x16-cjk.png"));
        assertThat(out.resolve("example-9x16-cjk.png")).isNotEmptyFile();
    }

    @Test
    void unknownMediaFailsBeforeAnythingIsWritten() {
        Path target = dir.resolve("never.mp4");
        Draft d = draft(1000, FPS, new Track(TrackType.VIDEO, null, List.of(new Segment(0, 1000, VideoLoop.of("nope", 1000)))));
        assertThatThrownBy(() -> RENDERER.render(d, media, target, RenderOptions.of(OutputFormat.MP4).withResolution(90), ProgressListener.NONE))
                .isInstanceOf(LoopException.class)
                .hasMessage("invalid draft: t[0].sg[0].m.media: unknown media 'nope'")
                .satisfies(e -> assertThat(((LoopException) e).kind()).isEqualTo(Kind.INVALID_PARAMETER));
        assertThat(target).doesNotExist();
    }

    @Test
    void aPhotoGivenAsMusicIsReportedAtItsSegment() throws Exception {
        Path target = dir.resolve("bad-audio.mp4");
        Draft d = draft(1000, FPS,
                new Track(TrackType.VIDEO, null, List.of(new Segment(0, 1000, loop(1000)))),
                new Track(TrackType.AUDIO, null, List.of(new Segment(0, 1000, AudioClip.of("lake", 1.0)))));
        assertThatThrownBy(() -> RENDERER.render(d, media, target, RenderOptions.of(OutputFormat.MP4).withResolution(90), ProgressListener.NONE))
                .isInstanceOf(LoopException.class)
                .hasMessage("t[1].sg[0]: lake-boats-sunset-clouds.jpg has no audio stream")
                .satisfies(e -> assertThat(((LoopException) e).kind()).isEqualTo(Kind.UNSUPPORTED_FORMAT));
        assertThat(target).doesNotExist();
        try (var left = Files.list(dir)) {
            assertThat(left.filter(f -> f.getFileName().toString().endsWith(".partial"))).isEmpty();
        }
    }
}
