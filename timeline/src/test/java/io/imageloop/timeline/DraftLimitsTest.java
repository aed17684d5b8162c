package io.imageloop.timeline;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.media.Limit;
import io.imageloop.engine.media.LimitExceeded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hostile drafts are refused up front with one short line, never by running out of memory. */
class DraftLimitsTest {

    @TempDir
    Path dir;

    /** n video segments of 10 ms each, end to end (or all at 0 when {@code overlapping}). */
    static String segments(int n, boolean overlapping) {
        StringBuilder sb = new StringBuilder(32 * n + 64).append("{\"v\":1,\"t\":[{\"tt\":0,\"sg\":[");
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(',');
            sb.append("{\"s\":").append(overlapping ? 0 : i * 10).append(",\"d\":10,\"m\":{\"media\":\"a.jpg\"}}");
        }
        return sb.append("]}]}").toString();
    }

    static String text(String text, double size) {
        return "{\"v\":1,\"d\":3000,\"t\":[{\"tt\":7,\"sg\":[{\"s\":0,\"d\":3000,\"m\":{\"text\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(text)
                + ",\"size\":" + size + "}}]}]}";
    }

    @Test
    void aMillionSegmentsAreRefusedByTheirSizeBeforeParsing() throws Exception {
        Path file = Files.writeString(dir.resolve("huge.json"), segments(1_000_000, false));
        long start = System.nanoTime();
        assertThatThrownBy(() -> DraftCodec.read(file)).isInstanceOfSatisfying(LimitExceeded.class, e -> {
            assertThat(e.limit()).isEqualTo(Limit.DRAFT_BYTES);
            assertThat(e.kind()).isEqualTo(LoopException.Kind.INPUT_TOO_LARGE);
        }).hasMessageStartingWith("the draft is too large:").hasMessageEndingWith("the limit is 262,144");
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
        assertThatThrownBy(() -> DraftCodec.read(segments(1_000_000, false))).isInstanceOf(LimitExceeded.class);
    }

    @Test
    void segmentsAreCountedBeforeTheModelIsBuilt() {
        assertThatThrownBy(() -> DraftCodec.read(segments(DraftLimits.MAX_SEGMENTS + 1, false)))
                .isInstanceOfSatisfying(LimitExceeded.class, e -> assertThat(e.limit()).isEqualTo(Limit.SEGMENTS))
                .hasMessage("the draft has more than 500 segments; the limit is 500 across all tracks");
        assertThat(DraftCodec.read(segments(DraftLimits.MAX_SEGMENTS, false)).tracks().get(0).segments()).hasSize(500);
    }

    @Test
    void manyOverlapsGiveAShortMessage() {
        Draft draft = DraftCodec.read(segments(DraftLimits.MAX_SEGMENTS, true));
        var problems = DraftValidator.problems(draft, null);
        assertThat(problems).hasSizeGreaterThan(400);
        String message = DraftProblem.toException(problems).getMessage();
        assertThat(message).hasSizeLessThan(1000).contains("and ").contains(" more").doesNotContain("\n");
    }

    @Test
    void aMegabyteOfTextIsRefusedWhateverItsShape() {
        String oneLine = "x".repeat(1 << 20);
        assertThatThrownBy(() -> DraftCodec.read(text(oneLine, 0.06))).isInstanceOfSatisfying(LimitExceeded.class,
                e -> assertThat(e.limit()).isEqualTo(Limit.DRAFT_BYTES));
        String longTitle = "word ".repeat(120);
        assertThatThrownBy(() -> DraftCodec.read(text(longTitle, 0.06))).isInstanceOfSatisfying(LimitExceeded.class,
                e -> assertThat(e.limit()).isEqualTo(Limit.TEXT_LENGTH)).hasMessage("a text overlay has 600 characters; the limit is 500");
        String manyLines = "a\n".repeat(200);
        assertThatThrownBy(() -> DraftCodec.read(text(manyLines, 0.06))).isInstanceOfSatisfying(LimitExceeded.class,
                e -> assertThat(e.limit()).isEqualTo(Limit.TEXT_LINES)).hasMessageContaining("does not fit the frame");
        assertThatThrownBy(() -> DraftCodec.read(text("a wide title that will never fit", 0.5))).isInstanceOf(LimitExceeded.class);
        assertThat(DraftCodec.read(text("Evening on the Lake", 0.08)).tracks()).hasSize(1);
        assertThat(DraftCodec.read(text("一".repeat(100), 0.06)).tracks()).hasSize(1);
    }

    @Test
    void draftsBuiltInCodeMeetTheSameLimits() {
        Draft big = DraftCodec.read(text("x".repeat(400), 0.06));
        TextClip clip = (TextClip) big.tracks().get(0).segments().get(0).content();
        Draft longer = big.withTracks(java.util.List.of(new Track(TrackType.TEXT, null, java.util.List.of(
                new Segment(0, 3000, new TextClip("y".repeat(501), clip.placement(), clip.size(), clip.color(), clip.outline(),
                        clip.shadow(), 0, 0, java.util.Map.of()), java.util.Map.of())), java.util.Map.of(), java.util.Map.of())));
        assertThatThrownBy(() -> DraftValidator.problems(longer, null)).isInstanceOf(LimitExceeded.class);
    }
}
