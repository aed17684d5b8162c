package io.imageloop.timeline.edit;

import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.plan.Subject;
import io.imageloop.engine.recipe.Direction;
import io.imageloop.engine.recipe.Layer;
import io.imageloop.engine.recipe.MotionRecipe;
import io.imageloop.engine.recipe.Particles;
import io.imageloop.engine.recipe.Style;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.DraftValidator;
import io.imageloop.timeline.VideoLoop;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Motion edits on recipes: what changes is what was asked, the rest of the recipe stays, the result always renders. */
class MotionsTest {

    static Draft photos(String... media) {
        List<Loops.Photo> p = java.util.Arrays.stream(media).map(m -> new Loops.Photo(m, m + ".jpg")).toList();
        return Loops.make(DraftEdits.empty(Aspect.LANDSCAPE, 30), p, FakePlanner.INSTANCE);
    }

    static MotionRecipe recipe(Draft d, int i) {
        return ((VideoLoop) DraftEdits.video(d).get(i).content()).recipe();
    }

    static Draft edit(Draft d, int i, MotionEdit e) {
        Draft out = Motions.apply(d, i, e, FakePlanner.INSTANCE);
        assertThat(DraftValidator.problems(out, ref -> Path.of("unused"))).isEmpty();
        return out;
    }

    @Test
    void slowerCloudsScaleOnlyTheSkyAndOnlyThatPhoto() {
        Draft d = photos("lake", "pier");
        Draft slower = edit(d, 0, new MotionEdit.Speed(0.5, Subject.SKY, false));
        MotionRecipe r = recipe(slower, 0);
        assertThat(r.first(Layer.Drift.class).orElseThrow().strength()).isEqualTo(0.5);
        assertThat(r.first(Layer.Ripple.class).orElseThrow().strength()).as("the water keeps its speed").isEqualTo(1.0);
        assertThat(recipe(slower, 1)).as("the other photo is untouched").isEqualTo(recipe(d, 1));
        assertThat(Planned.of((VideoLoop) DraftEdits.video(slower).get(0).content())).isEmpty();
    }

    @Test
    void aPlannedLoopTakesHintsAndStaysPlanned() {
        Draft d = photos("lake");
        Draft left = edit(d, 0, new MotionEdit.Turn(Direction.parse("left"), Subject.SKY));
        VideoLoop loop = (VideoLoop) DraftEdits.video(left).get(0).content();
        assertThat(loop.recipe().first(Layer.Drift.class).orElseThrow().direction().word()).isEqualTo("left");
        assertThat(Planned.of(loop)).as("the planner made it, with the hint").isPresent();
        assertThat(Planned.of(loop).get().hints().direction().word()).isEqualTo("left");
        Draft vertical = Loops.setAspect(left, Aspect.PORTRAIT, FakePlanner.INSTANCE);
        assertThat(recipe(vertical, 0).first(Layer.Drift.class).orElseThrow().direction().word()).as("hints survive a re-plan").isEqualTo("left");
    }

    @Test
    void makeTheWaterMoveAddsWhatThePlannerSeesOrTheClassicLayer() {
        Draft d = photos("pier");
        Draft water = edit(d, 0, new MotionEdit.Animate(Set.of(Subject.WATER), false));
        MotionRecipe r = recipe(water, 0);
        assertThat(r.layers()).anyMatch(l -> Subjects.moves(l, Subject.WATER));
        assertThat(r.layers()).anyMatch(l -> Subjects.moves(l, Subject.SKY));
        Draft onlySky = edit(water, 0, new MotionEdit.Animate(Set.of(Subject.SKY), true));
        assertThat(recipe(onlySky, 0).layers()).allMatch(l -> Subjects.moves(l, Subject.SKY));
        assertThatThrownBy(() -> Motions.apply(d, 0, new MotionEdit.Animate(Set.of(Subject.PEOPLE), false), FakePlanner.INSTANCE))
                .isInstanceOfSatisfying(EditException.class, e -> assertThat(e.problem()).isEqualTo(EditException.Problem.PEOPLE_HOLD_STILL));
    }

    @Test
    void holdingTheSkyStillRemovesItsDriftAndKeepsTheRest() {
        Draft d = photos("lake");
        MotionRecipe r = recipe(edit(d, 0, new MotionEdit.Hold(Set.of(Subject.SKY))), 0);
        assertThat(r.layers()).noneMatch(l -> Subjects.moves(l, Subject.SKY));
        assertThat(r.layers()).anyMatch(l -> Subjects.moves(l, Subject.WATER));
    }

    @Test
    void cameraMovesAreAddedChangedAndRemoved() {
        Draft d = photos("lake", "cup");
        MotionRecipe zoom = recipe(edit(d, 0, new MotionEdit.Camera(Direction.parse("in"), 0.6)), 0);
        assertThat(zoom.camera().move().word()).isEqualTo("in");
        assertThat(zoom.layers()).as("the sky still drifts under the zoom").hasSize(2);
        Draft none = edit(Motions.apply(d, 0, new MotionEdit.Camera(Direction.parse("in"), 1), FakePlanner.INSTANCE), 0,
                new MotionEdit.Camera(null, 1));
        assertThat(recipe(none, 0).camera()).isNull();
        // The cup has nothing but its camera move: without it nothing would move, and the planner agrees.
        assertThatThrownBy(() -> Motions.apply(d, 1, new MotionEdit.Camera(null, 1), FakePlanner.INSTANCE))
                .isInstanceOfSatisfying(EditException.class, e -> assertThat(e.problem()).isEqualTo(EditException.Problem.NOTHING_WOULD_MOVE));
        MotionRecipe snowing = recipe(edit(d, 1, new MotionEdit.Sprinkle(Particles.SNOW)), 1);
        assertThat(snowing.particles()).isEqualTo(Particles.SNOW);
        assertThat(snowing.camera()).isEqualTo(recipe(d, 1).camera());
    }

    @Test
    void stylesReplaceTheMotionAndLimitsAreRefused() {
        Draft d = photos("lake");
        assertThat(recipe(edit(d, 0, new MotionEdit.Restyle(Style.PARALLAX, null)), 0).style()).isEqualTo(Style.PARALLAX);
        MotionRecipe camera = recipe(edit(d, 0, new MotionEdit.Restyle(Style.CAMERA, Direction.parse("orbit"))), 0);
        assertThat(camera.layers()).isEmpty();
        assertThat(camera.camera().move().word()).isEqualTo("orbit");
        Draft fastest = edit(d, 0, new MotionEdit.Strength(5, null, false));
        assertThatThrownBy(() -> Motions.apply(fastest, 0, new MotionEdit.Speed(2, null, false), FakePlanner.INSTANCE))
                .isInstanceOfSatisfying(EditException.class, e -> assertThat(e.problem()).isEqualTo(EditException.Problem.STRENGTH_LIMIT));
        Draft cup = photos("cup");
        assertThatThrownBy(() -> Motions.apply(cup, 0, new MotionEdit.Turn(Direction.parse("left"), null), FakePlanner.INSTANCE))
                .isInstanceOfSatisfying(EditException.class, e -> assertThat(e.problem()).isEqualTo(EditException.Problem.NOTHING_FLOWS));
    }

    @Test
    void theDiffSaysWhatChanged() {
        Draft d = photos("lake", "cup");
        Draft e = edit(d, 1, new MotionEdit.Camera(Direction.parse("out"), 1));
        List<Change> changes = DraftDiff.of(d, e);
        assertThat(changes).singleElement().isInstanceOfSatisfying(Change.MotionChanged.class, m -> {
            assertThat(m.position()).isEqualTo(2);
            assertThat(m.to().camera().move().word()).isEqualTo("out");
        });
        assertThat(DraftDiff.of(d, d)).isEmpty();
    }
}
