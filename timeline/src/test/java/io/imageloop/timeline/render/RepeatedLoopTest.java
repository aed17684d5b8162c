package io.imageloop.timeline.render;

import io.imageloop.engine.ProgressListener;
import io.imageloop.engine.encode.OutputFormat;
import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.measure.DecodedMeter;
import io.imageloop.engine.measure.DecodedReport;
import io.imageloop.engine.recipe.Region;
import io.imageloop.engine.recipe.Style;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.DraftMeta;
import io.imageloop.timeline.MediaResolver;
import io.imageloop.timeline.Segment;
import io.imageloop.timeline.Track;
import io.imageloop.timeline.TrackType;
import io.imageloop.timeline.VideoLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A timeline that plays one loop three times, judged as the decoded file: no jump where one
 * repeat meets the next, none at the wrap, still pixels still.
 */
class RepeatedLoopTest {

    private static final Path LAKE = Path.of("..", "samples", "lake-boats-sunset-clouds.jpg").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void aLoopRepeatedThreeTimesIsSeamlessInTheDecodedFile() {
        VideoLoop loop = VideoLoop.of("lake", 4000).withRecipe(Style.FLOW.recipe(null, Region.UPPER, 2));
        Draft draft = new Draft(12_000, new DraftMeta(Aspect.LANDSCAPE, 30, "three times"),
                List.of(new Track(TrackType.VIDEO, null, List.of(new Segment(0, 12_000, loop)))));
        MediaResolver media = ref -> LAKE;
        Path out = dir.resolve("three.mp4");

        new DraftRenderer().render(draft, media, out, RenderOptions.of(OutputFormat.MP4).withResolution(720), ProgressListener.NONE);
        DecodedReport d = DecodedMeter.measure(out, false);

        assertThat(d.frames()).isEqualTo(360);
        assertThat(d.medianStep()).as("something moves").isGreaterThan(DecodedReport.MEDIAN_FLOOR);
        assertThat(d.seamRatio()).as("wrap step / median step").isLessThanOrEqualTo(1.10);
        assertThat(d.pulseRatio()).as("largest step / median: no jump where the repeats meet").isLessThanOrEqualTo(3.0);
        assertThat(d.stillMaxStep()).as("worst mean step of still pixels").isLessThanOrEqualTo(0.15);
    }
}
