package io.imageloop.timeline.edit;

import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.recipe.Region;
import io.imageloop.engine.recipe.Style;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.DraftCodec;
import io.imageloop.timeline.DraftSummary;
import io.imageloop.timeline.DraftValidator;
import io.imageloop.timeline.MediaResolver;
import io.imageloop.timeline.Placement;
import io.imageloop.timeline.TrackType;
import io.imageloop.timeline.VideoLoop;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Edits as the chat agent makes them: every result is a draft that validates and renders. */
class DraftEditsTest {

    static final MediaResolver ANY = ref -> Path.of("unused");

    static Draft twoPhotos() {
        return DraftEdits.setLoops(DraftEdits.empty(Aspect.LANDSCAPE, 30),
                List.of(new DraftEdits.Photo("med_1", "lake.jpg"), new DraftEdits.Photo("med_2", "cup.jpg")), LoopChange.NONE);
    }

    @Test
    void loopsPlayOneAfterAnotherAndMusicSpansThem() {
        Draft d = DraftEdits.setMusic(twoPhotos(), "med_3", "lofi.mp3", 0.35, 500L, null);
        assertThat(d.durationMs()).isEqualTo(12_000);
        assertThat(DraftValidator.problems(d, ANY)).isEmpty();
        assertThat(DraftSummary.of(d)).isEqualTo("Timeline (2 tracks): 1. Video: lake.jpg (0-6s), cup.jpg (6-12s) 2. BGM: lofi.mp3 (0-12s, 35%)");
    }

    @Test
    void overlappingTitlesGoOnTracksOfTheirOwn() {
        Draft d = DraftEdits.addText(twoPhotos(), "Hello", 0, 3000L, Placement.TOP);
        d = DraftEdits.addText(d, "World", 1000, 3000L, Placement.BOTTOM);
        d = DraftEdits.addText(d, "Later", 5000, 2000L, Placement.CENTER);
        assertThat(d.tracks().stream().filter(t -> t.type() == TrackType.TEXT)).hasSize(2);
        assertThat(DraftValidator.problems(d, ANY)).isEmpty();
        assertThat(DraftCodec.read(DraftCodec.toJson(d))).isEqualTo(d);
    }

    @Test
    void aLongerLoopStretchesTheTimelineAndClipsTheText() {
        Draft d = DraftEdits.addText(twoPhotos(), "All along", 0, null, Placement.BOTTOM);
        d = DraftEdits.changeLoops(d, new LoopChange(Style.SWAY, null, null, null, 4000L, null));
        assertThat(d.durationMs()).isEqualTo(8000);
        VideoLoop loop = DraftEdits.firstLoop(d).orElseThrow();
        assertThat(loop.recipe().style()).isEqualTo(Style.SWAY);
        assertThat(loop.recipe().has(io.imageloop.engine.recipe.Layer.Type.DRIFT)).as("the drift is gone").isFalse();
        assertThat(d.tracks().get(1).segments().get(0).endMs()).isEqualTo(8000);
        assertThat(DraftValidator.problems(d, ANY)).isEmpty();
    }

    @Test
    void regeneratingKeepsTheChosenMotion() {
        Draft d = DraftEdits.changeLoops(twoPhotos(), new LoopChange(null, "left", Region.LOWER, 1.5, null, null));
        Draft again = DraftEdits.setLoops(d, List.of(new DraftEdits.Photo("med_9", null)), LoopChange.of(d));
        VideoLoop loop = DraftEdits.firstLoop(again).orElseThrow();
        assertThat(loop.loopMs()).isEqualTo(DraftEdits.firstLoop(d).orElseThrow().loopMs());
    }

    @Test
    void removingTracks() {
        Draft d = DraftEdits.setMusic(twoPhotos(), "med_3", null, 1.0, null, null);
        assertThat(DraftEdits.has(d, TrackType.AUDIO)).isTrue();
        assertThat(DraftEdits.has(DraftEdits.removeTracks(d, TrackType.AUDIO), TrackType.AUDIO)).isFalse();
    }
}
