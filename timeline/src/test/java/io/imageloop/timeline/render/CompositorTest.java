package io.imageloop.timeline.render;

import io.imageloop.engine.LoopSettings;
import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.frame.FrameSize;
import io.imageloop.engine.Engine;
import io.imageloop.timeline.Draft;
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
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;

/** Frame composition without encoding: stacking, gaps and which sources are held open. */
class CompositorTest {

    private static final Path LAKE = Path.of("..", "samples", "lake-boats-sunset-clouds.jpg").toAbsolutePath().normalize();
    private static final FrameSize SIZE = Aspect.LANDSCAPE.size(90);
    private static final double FPS = 10;

    @TempDir
    static Path dir;
    private static MediaResolver media;

    @BeforeAll
    static void media() {
        Path ramp = TestMedia.greyRampClip(dir.resolve("ramp.mp4"), 5, 5, new FrameSize(64, 36));
        media = MediaResolver.ofIds(Map.of("lake", LAKE, "ramp", ramp));
    }

    private static Compositor compositor(Track... tracks) {
        Draft d = new Draft(3000, new DraftMeta(Aspect.LANDSCAPE, FPS, null), List.of(tracks));
        LoopSettings base = LoopSettings.defaults().withResolution(90).withFps(FPS);
        return new Compositor(new Schedule(d), SIZE, media, base, new Engine(), new TextRasterizer(FontBook.system()));
    }

    /** Standard deviation of the frame's pixels: near 0 for a flat grey clip frame, large for the photo. */
    private static double spread(Mat frame) {
        try (Mat m = new Mat(); Mat s = new Mat()) {
            meanStdDev(frame, m, s);
            return s.ptr(0).getDouble();
        }
    }

    @Test
    void upperVideoTracksCoverLowerOnesAndTextBelowVideoIsHidden() {
        TextClip hidden = new TextClip("HIDDEN", Placement.CENTER, 0.3, Rgb.WHITE, null, false, 0, 0, Map.of());
        try (Compositor c = compositor(
                new Track(TrackType.VIDEO, null, List.of(new Segment(0, 3000, VideoLoop.of("lake", 1000)))),
                new Track(TrackType.TEXT, null, List.of(new Segment(0, 3000, hidden))),
                new Track(TrackType.VIDEO, null, List.of(new Segment(1000, 1000, VideoClip.of("ramp")))));
             Mat frame = new Mat()) {
            c.compose(5, frame);
            assertThat(spread(frame)).as("the photo shows before the clip starts").isGreaterThan(20);
            c.compose(12, frame);
            assertThat(spread(frame)).as("the clip covers the photo and the text under it").isLessThan(3);
            assertThat(mean(frame).get(0)).isCloseTo(60, offset(4.0));
            c.compose(25, frame);
            assertThat(spread(frame)).as("the photo again after the clip, with the text").isGreaterThan(20);
        }
    }

    @Test
    void gapsAreBlackAndOnlyPlayingSegmentsHoldSources() {
        try (Compositor c = compositor(new Track(TrackType.VIDEO, null, List.of(
                new Segment(0, 1000, VideoLoop.of("lake", 1000)),
                new Segment(1500, 1000, VideoLoop.of("lake", 500)))));
             Mat frame = new Mat()) {
            int most = 0;
            for (int t = 0; t < 30; t++) {
                c.compose(t, frame);
                most = Math.max(most, c.openSources());
                if (t >= 10 && t < 15) {
                    assertThat(mean(frame).get(1)).as("frame %d is in the gap", t).isZero();
                    assertThat(c.openSources()).isZero();
                }
            }
            assertThat(frame.cols()).isEqualTo(SIZE.width());
            assertThat(most).isEqualTo(1);
            assertThat(c.openSources()).isZero();
        }
    }
}
