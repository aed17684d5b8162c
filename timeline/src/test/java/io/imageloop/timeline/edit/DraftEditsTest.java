package io.imageloop.timeline.edit;

import io.imageloop.engine.Engine;
import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.plan.PlanHints;
import io.imageloop.timeline.AudioClip;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.DraftCodec;
import io.imageloop.timeline.DraftSummary;
import io.imageloop.timeline.DraftValidator;
import io.imageloop.timeline.MediaResolver;
import io.imageloop.timeline.Placement;
import io.imageloop.timeline.TextClip;
import io.imageloop.timeline.TrackType;
import io.imageloop.timeline.VideoLoop;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The layout rules every edit keeps, making loops with the real planner, and the "planned" mark. */
class DraftEditsTest {

    static final MediaResolver ANY = ref -> Path.of("unused");
    static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();

    static Draft twoPhotos() {
        return Loops.make(DraftEdits.empty(Aspect.LANDSCAPE, 30),
                List.of(new Loops.Photo("lake", "lake.jpg"), new Loops.Photo("cup", "cup.jpg")), FakePlanner.INSTANCE);
    }

    @Test
    void loopsPlayOneAfterAnotherAndMusicSpansThem() {
        Draft d = Music.set(twoPhotos(), new AudioClip("med_3", "lofi.mp3", 0.35, 500, 0, 0, Map.of()));
        assertThat(d.durationMs()).isEqualTo(12_000);
        assertThat(DraftValidator.problems(d, ANY)).isEmpty();
        assertThat(DraftSummary.of(d)).isEqualTo("Timeline (2 tracks): 1. Video: lake.jpg (0-6s), cup.jpg (6-12s) 2. BGM: lofi.mp3 (0-12s, 35%)");
        Draft longer = Loops.setLength(d, List.of(0), 9000, FakePlanner.INSTANCE);
        assertThat(Music.of(longer).orElseThrow().endMs()).as("music that spanned keeps spanning").isEqualTo(15_000);
        Draft trimmed = Music.end(d, 5000L);
        assertThat(Music.of(Loops.setLength(trimmed, List.of(0), 9000, FakePlanner.INSTANCE)).orElseThrow().endMs())
                .as("trimmed music keeps its end").isEqualTo(5000);
    }

    @Test
    void overlappingTitlesGoOnTracksOfTheirOwn() {
        Draft d = Texts.add(twoPhotos(), TextClip.of("Hello", Placement.TOP, TextClip.DEFAULT_SIZE), 0, 3000L);
        d = Texts.add(d, TextClip.of("World", Placement.BOTTOM, TextClip.DEFAULT_SIZE), 1000, 3000L);
        d = Texts.add(d, TextClip.of("Later", Placement.CENTER, TextClip.DEFAULT_SIZE), 5000, 2000L);
        assertThat(d.tracks().stream().filter(t -> t.type() == TrackType.TEXT)).hasSize(2);
        assertThat(DraftValidator.problems(d, ANY)).isEmpty();
        assertThat(DraftCodec.read(DraftCodec.toJson(d))).isEqualTo(d);
        assertThat(Texts.list(d)).extracting(i -> i.clip().text()).containsExactly("Hello", "World", "Later");
    }

    @Test
    void oneTextIsEditedRetimedAndRemovedAlone() {
        Draft d = Texts.add(twoPhotos(), TextClip.of("Hello", Placement.TOP, TextClip.DEFAULT_SIZE), 0, 3000L);
        d = Texts.add(d, TextClip.of("World", Placement.BOTTOM, TextClip.DEFAULT_SIZE), 4000, 3000L);
        Texts.Item world = Texts.list(d).get(1);
        Draft renamed = Texts.change(d, world.ref(), c -> c.withText("Earth"));
        assertThat(Texts.list(renamed)).extracting(i -> i.clip().text()).containsExactly("Hello", "Earth");
        Draft retimed = Texts.retime(d, Texts.list(d).get(0).ref(), 1000, 1500L);
        Texts.Item hello = Texts.list(retimed).stream().filter(i -> i.clip().text().equals("Hello")).findFirst().orElseThrow();
        assertThat(hello.startMs()).isEqualTo(1000);
        assertThat(hello.endMs()).isEqualTo(2500);
        Draft removed = Texts.remove(d, world.ref());
        assertThat(Texts.list(removed)).extracting(i -> i.clip().text()).containsExactly("Hello");
        assertThat(DraftDiff.of(d, removed)).singleElement().isInstanceOf(Change.TextRemoved.class);
    }

    @Test
    void lengthsAreCheckedAndRepeatsKept() {
        Draft d = Loops.setRepeats(twoPhotos(), List.of(1), 3);
        assertThat(d.durationMs()).isEqualTo(6000 + 18_000);
        Draft longer = Loops.setLength(d, List.of(1), 8000, FakePlanner.INSTANCE);
        assertThat(longer.durationMs()).isEqualTo(6000 + 24_000);
        assertThatThrownBy(() -> Loops.setLength(d, List.of(0), 600_000, FakePlanner.INSTANCE))
                .isInstanceOfSatisfying(EditException.class, e -> assertThat(e.problem()).isEqualTo(EditException.Problem.LENGTH_OUT_OF_RANGE));
        assertThatThrownBy(() -> Loops.setLength(d, List.of(5), 8000, FakePlanner.INSTANCE))
                .isInstanceOfSatisfying(EditException.class, e -> assertThat(e.problem()).isEqualTo(EditException.Problem.NO_SUCH_SEGMENT));
    }

    @Test
    void segmentsAreRemovedMovedAndDuplicated() {
        Draft d = Loops.make(twoPhotos(), List.of(new Loops.Photo("pier", "pier.jpg")), FakePlanner.INSTANCE);
        assertThat(names(d)).containsExactly("lake.jpg", "cup.jpg", "pier.jpg");
        assertThat(names(Sequence.move(d, 2, 0))).containsExactly("pier.jpg", "lake.jpg", "cup.jpg");
        assertThat(names(Sequence.swap(d, 0, 1))).containsExactly("cup.jpg", "lake.jpg", "pier.jpg");
        assertThat(names(Sequence.keepOnly(d, List.of(0)))).containsExactly("lake.jpg");
        assertThat(names(Sequence.duplicate(d, List.of(1)))).containsExactly("lake.jpg", "cup.jpg", "cup.jpg", "pier.jpg");
        assertThat(DraftDiff.of(d, Sequence.remove(d, List.of(1)))).singleElement().isInstanceOf(Change.SegmentRemoved.class);
        assertThat(DraftDiff.of(d, Sequence.move(d, 2, 0))).singleElement().isInstanceOf(Change.OrderChanged.class);
        assertThatThrownBy(() -> Sequence.remove(d, List.of(0, 1, 2))).isInstanceOf(EditException.class);
    }

    @Test
    void plannedLoopsFollowTheAspectAndEditedOnesKeepTheirRecipe() {
        Draft d = twoPhotos();
        assertThat(Planned.of(loop(d, 0))).isPresent();
        Draft edited = Motions.apply(d, 1, new MotionEdit.Speed(0.5, null, true), FakePlanner.INSTANCE);
        assertThat(Planned.of(loop(edited, 1))).as("an edited recipe is not the planner's").isEmpty();
        Draft vertical = Loops.setAspect(edited, Aspect.PORTRAIT, FakePlanner.INSTANCE);
        assertThat(loop(vertical, 0).recipe()).isEqualTo(FakePlanner.INSTANCE.plan("lake", PlanHints.NONE, Aspect.PORTRAIT, 6));
        assertThat(loop(vertical, 0).recipe()).isNotEqualTo(loop(d, 0).recipe());
        assertThat(loop(vertical, 1).recipe()).as("edited: kept").isEqualTo(loop(edited, 1).recipe());
        // Any change to the recipe breaks the mark, whoever makes it.
        VideoLoop byHand = loop(d, 0).withRecipe(loop(d, 0).recipe().scaled(2));
        assertThat(Planned.of(byHand)).isEmpty();
    }

    @Test
    void theRealPlannersLoopReadsBackAsPlanned() {
        Engine engine = new Engine();
        LoopPlanner real = (media, hints, aspect, seconds) -> engine.plan(SAMPLES.resolve(media), hints, aspect, seconds);
        Draft d = Loops.make(DraftEdits.empty(Aspect.SQUARE, 30), List.of(new Loops.Photo("lake-boats-sunset-clouds.jpg", null)), real);
        Draft back = DraftCodec.read(DraftCodec.toJson(d));
        VideoLoop loop = (VideoLoop) DraftEdits.video(back).get(0).content();
        assertThat(loop.recipe()).as("the CLI's plan for the photo at 1:1, 6 s")
                .isEqualTo(engine.plan(SAMPLES.resolve("lake-boats-sunset-clouds.jpg"), PlanHints.NONE, Aspect.SQUARE, 6));
        assertThat(Planned.of(loop)).isPresent();
        assertThat(DraftValidator.problems(back, ANY)).isEmpty();
    }

    static VideoLoop loop(Draft d, int i) {
        return (VideoLoop) DraftEdits.video(d).get(i).content();
    }

    static List<String> names(Draft d) {
        return DraftEdits.video(d).stream().map(s -> ((VideoLoop) s.content()).name()).toList();
    }
}
