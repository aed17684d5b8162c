package io.imageloop.server.preview;

import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.frame.Fitting;
import io.imageloop.engine.recipe.CameraMove;
import io.imageloop.engine.recipe.Direction;
import io.imageloop.engine.recipe.MotionRecipe;
import io.imageloop.server.preview.Preview.Status;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.DraftMeta;
import io.imageloop.timeline.MediaResolver;
import io.imageloop.timeline.Segment;
import io.imageloop.timeline.Track;
import io.imageloop.timeline.TrackType;
import io.imageloop.timeline.VideoLoop;
import io.imageloop.timeline.TextClip;
import io.imageloop.timeline.edit.Texts;
import io.imageloop.timeline.Placement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The preview machinery with the real renderer: caching by recipe, cancelling superseded work, the rate limit. */
class PreviewServiceTest {

    static final Path PHOTO = Path.of("..", "samples", "coffee-cup.jpg").toAbsolutePath().normalize();
    static final MediaResolver MEDIA = MediaResolver.ofIds(Map.of("m1", PHOTO));

    @TempDir
    Path dir;

    @Test
    void aNewerEditCancelsTheRunningPreviewAndAnUnchangedLoopIsNotRenderedAgain() throws Exception {
        try (PreviewService svc = new PreviewService(dir, new DraftPreviewRenderer(),
                new PreviewSettings(720, 30, 0, 1, 20, Duration.ofSeconds(30)), id -> MEDIA)) {
            Draft zoom = draft(MotionRecipe.camera(new CameraMove(Direction.parse("zoom"), 1)), Aspect.LANDSCAPE);
            Draft orbit = draft(MotionRecipe.camera(new CameraMove(Direction.parse("orbit"), 1)), Aspect.LANDSCAPE);
            String first = svc.request("s1", 1, zoom).get(0).key();
            Preview rendering = svc.await("s1", first, p -> p.status() == Status.POSTER || p.status().finished(), 30_000).orElseThrow();
            assertThat(rendering.status()).as("the poster comes first, the loop is still rendering").isEqualTo(Status.POSTER);
            assertThat(Files.isRegularFile(svc.poster("s1", first))).isTrue();

            String second = svc.request("s1", 2, orbit).get(0).key();
            // A read of the older draft racing the save cancels nothing: the second loop still gets made.
            svc.request("s1", 1, zoom);
            assertThat(second).isNotEqualTo(first);
            Preview cancelled = svc.await("s1", first, p -> p.status().finished(), 5_000).orElseThrow();
            assertThat(cancelled.status()).isEqualTo(Status.CANCELLED);
            Preview ready = svc.await("s1", second, p -> p.status().finished(), 60_000).orElseThrow();
            assertThat(ready.status()).isEqualTo(Status.READY);
            assertThat(ready.loopMillis()).isPositive();
            Thread.sleep(300);
            assertThat(Files.exists(svc.video("s1", first))).as("a cancelled loop leaves no video").isFalse();
            assertThat(Files.isRegularFile(svc.video("s1", second))).isTrue();

            // A title changes the draft, not the loop: the same preview, ready at once, rendered once.
            Draft titled = Texts.add(orbit,
                    TextClip.of("Hello", new Placement.Anchored(Placement.Position.TOP), TextClip.DEFAULT_SIZE), 0, null);
            Preview same = svc.request("s1", 3, titled).get(0);
            assertThat(same.key()).isEqualTo(second);
            assertThat(same.status()).isEqualTo(Status.READY);
            assertThat(same.draftVersion()).isEqualTo(3);
            long written = Files.getLastModifiedTime(svc.video("s1", second)).toMillis();

            // A new service over the same folder (a restart) finds the files: nothing is rendered again.
            try (PreviewService again = new PreviewService(dir, new DraftPreviewRenderer(),
                    new PreviewSettings(720, 30, 0, 1, 20, Duration.ofSeconds(30)), id -> MEDIA)) {
                assertThat(again.request("s1", 4, orbit).get(0).status()).isEqualTo(Status.READY);
            }
            assertThat(Files.getLastModifiedTime(svc.video("s1", second)).toMillis()).isEqualTo(written);

            // Notes explain a recipe and do not change the key; the aspect does.
            assertThat(PreviewTarget.of(draft(orbitRecipe().withNotes(List.of("why")), Aspect.LANDSCAPE), svc.settings()).get(0).key())
                    .isEqualTo(second);
            assertThat(PreviewTarget.of(draft(orbitRecipe(), Aspect.PORTRAIT), svc.settings()).get(0).key()).isNotEqualTo(second);
        }
    }

    @Test
    void aSessionStartsAtMostItsRendersPerMinuteAndFurtherOnesWait() throws Exception {
        try (PreviewService svc = new PreviewService(dir, new DraftPreviewRenderer(),
                new PreviewSettings(120, 10, 1, 1, 2, Duration.ofSeconds(30)), id -> MEDIA)) {
            for (String move : List.of("zoom", "orbit")) {
                String key = svc.request("s1", 1, draft(MotionRecipe.camera(new CameraMove(Direction.parse(move), 1)), Aspect.SQUARE)).get(0).key();
                assertThat(svc.await("s1", key, p -> p.status().finished(), 30_000).orElseThrow().status()).isEqualTo(Status.READY);
            }
            Preview third = svc.request("s1", 3, draft(MotionRecipe.camera(new CameraMove(Direction.parse("left"), 1)), Aspect.SQUARE)).get(0);
            assertThat(third.status()).isEqualTo(Status.WAITING);
            assertThat(third.retryAfterMs()).isBetween(1L, 60_000L);
            // Another session has its own allowance.
            Preview elsewhere = svc.request("s2", 1, draft(MotionRecipe.camera(new CameraMove(Direction.parse("left"), 1)), Aspect.SQUARE)).get(0);
            assertThat(elsewhere.status()).isIn(Status.QUEUED, Status.RENDERING, Status.POSTER, Status.READY);
            // Going back to a loop already made costs nothing and does not wait.
            Preview back = svc.request("s1", 4, draft(MotionRecipe.camera(new CameraMove(Direction.parse("zoom"), 1)), Aspect.SQUARE)).get(0);
            assertThat(back.status()).isEqualTo(Status.READY);
            assertThat(svc.find("s1", third.key()).orElseThrow().status()).as("superseded while waiting").isEqualTo(Status.CANCELLED);
        }
    }

    @Test
    void theRateLimitSlidesOverItsWindow() {
        RateLimit limit = new RateLimit(2, 1000);
        assertThat(limit.reserve(0)).isZero();
        assertThat(limit.reserve(100)).isZero();
        assertThat(limit.reserve(200)).isEqualTo(800);
        assertThat(limit.reserve(300)).isEqualTo(800); // after the second start leaves the window
        limit.release(1100);
        assertThat(limit.reserve(1500)).isZero();
    }

    private static MotionRecipe orbitRecipe() {
        return MotionRecipe.camera(new CameraMove(Direction.parse("orbit"), 1));
    }

    static Draft draft(MotionRecipe recipe, Aspect aspect) {
        VideoLoop loop = new VideoLoop("m1", "cup", recipe, 6000, Fitting.COVER, Map.of());
        return new Draft(6000, new DraftMeta(aspect, 30, null), List.of(new Track(TrackType.VIDEO, "Video", List.of(new Segment(0, 6000, loop)))));
    }
}
