package io.imageloop.timeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DraftValidatorTest {

    /** Knows "lake.jpg" and "lofi.mp3", like a session with two uploads. */
    private static final MediaResolver MEDIA = MediaResolver.ofIds(Map.of("lake.jpg", Path.of("/x/lake.jpg"), "lofi.mp3", Path.of("/x/lofi.mp3")));

    /** The example with one value replaced (textually), e.g. the title's "d":3000. */
    private static String example(String find, String replace) {
        assertThat(Drafts.EXAMPLE).contains(find);
        return Drafts.EXAMPLE.replace(find, replace);
    }

    private static List<String> problems(String json) {
        List<DraftProblem> shape;
        try {
            shape = DraftCodec.problems(new ObjectMapper().readTree(json));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
        if (!shape.isEmpty()) return shape.stream().map(DraftProblem::toString).toList();
        return DraftValidator.problems(DraftCodec.read(json), MEDIA).stream().map(DraftProblem::toString).toList();
    }

    @Test
    void theExampleIsValid() {
        assertThat(DraftValidator.problems(DraftCodec.read(Drafts.EXAMPLE), MEDIA)).isEmpty();
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "\"s\":0,\"d\":3000                  | \"s\":0,\"d\":0         | t[2].sg[0].d: duration must be > 0, got 0",
            "\"s\":0,\"d\":3000                  | \"s\":0,\"d\":-5        | t[2].sg[0].d: duration must be > 0, got -5",
            "\"s\":0,\"d\":3000                  | \"s\":-100,\"d\":3000   | t[2].sg[0].s: start must be >= 0, got -100",
            "\"s\":0,\"d\":3000                  | \"s\":4000,\"d\":3000   | t[2].sg[0].d: the segment ends at 7000 ms, after the draft's end at 6000 ms",
            "{\"v\":1, \"d\":6000,               | {\"v\":1, \"d\":0,      | d: duration must be > 0, got 0",
            "\"media\":\"lofi.mp3\"              | \"media\":\"nope.mp3\"  | t[1].sg[0].m.media: unknown media 'nope.mp3'",
            "\"media\":\"lake.jpg\"              | \"media\":\"\"          | t[0].sg[0].m.media: media is missing",
            "\"volume\":0.35                     | \"volume\":2.5          | t[1].sg[0].m.volume: volume must be between 0 and 2, got 2.5",
            "\"volume\":0.35                     | \"volume\":-0.1         | t[1].sg[0].m.volume: volume must be between 0 and 2, got -0.1",
            "\"fade_in_ms\":500                  | \"fade_in_ms\":-1       | t[1].sg[0].m.fade_in_ms: must be >= 0, got -1",
            "\"position\":\"top\"                | \"x\":1.2,\"y\":0.5     | t[2].sg[0].m.x: text outside the frame: x must be between 0 and 1, got 1.2",
            "\"position\":\"top\"                | \"x\":0.5,\"y\":-0.1    | t[2].sg[0].m.y: text outside the frame: y must be between 0 and 1, got -0.1",
            "\"size\":0.08                       | \"size\":0              | t[2].sg[0].m.size: size must be above 0 and at most 0.5 (a fraction of the frame height), got 0",
            "\"text\":\"Urban Dreams\"           | \"text\":\"  \"         | t[2].sg[0].m.text: text is empty",
            "\"strength\":1.0                    | \"strength\":9          | t[0].sg[0].m.strength: strength must be above 0 and at most 5, got 9",
            "\"loop_ms\":6000                    | \"loop_ms\":0           | t[0].sg[0].m.loop_ms: a loop cycle must be above 0 and at most 120000 ms, got 0",
            "\"direction\":\"right\"             | \"direction\":\"zoom\"  | t[0].sg[0].m.direction: a drift needs a compass direction or an angle, not 'zoom'",
            "\"direction\":\"right\"             | \"direction\":\"sideways\" | t[0].sg[0].m.direction: unknown direction 'sideways'; use left, right, up, down, an angle in degrees, or for camera zoom/orbit",
            "\"fps\":30                          | \"fps\":240             | m.fps: frame rate must be between 1 and 60, got 240",
    })
    void everyProblemNamesItsField(String find, String replace, String expected) {
        assertThat(problems(example(find.trim(), replace.trim()))).containsExactly(expected);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "{\"tt\":7,                          | {\"tt\":3,              | t[2].tt: unknown track type 3; use 0 (video), 1 (audio) or 7 (text)",
            "\"color\":\"#FFFFFF\"               | \"color\":\"white-ish\" | t[2].sg[0].m.color: bad colour 'white-ish'; use #RRGGBB",
            "\"outline\":\"#000000\"             | \"outline\":\"#12345\"  | t[2].sg[0].m.outline: bad colour '#12345'; use #RRGGBB",
            "\"aspect\":\"16:9\"                 | \"aspect\":\"3:2\"      | m.aspect: unknown aspect ratio '3:2'; use 16:9, 9:16, 1:1 or 4:5",
            "\"kind\":\"loop\"                   | \"kind\":\"gif\"        | t[0].sg[0].m.kind: unknown video kind 'gif'; use loop (a photo) or clip (a video file)",
            "\"style\":\"flow\"                  | \"style\":\"warp\"      | t[0].sg[0].m.style: unknown style 'warp'; use flow, camera, sway or parallax",
            "\"region\":\"upper\"                | \"region\":\"left\"     | t[0].sg[0].m.region: unknown region 'left'; use whole, upper or lower",
            "\"fit\":\"cover\"                   | \"fit\":\"stretch\"     | t[0].sg[0].m.fit: unknown fit 'stretch'; use cover or fit",
            "\"position\":\"top\"                | \"position\":\"left\"   | t[2].sg[0].m.position: unknown position 'left'; use top, center or bottom, or x and y",
            "\"position\":\"top\"                | \"x\":0.5               | t[2].sg[0].m.y: y is missing: x and y go together",
            "\"volume\":0.35                     | \"volume\":\"loud\"     | t[1].sg[0].m.volume: must be a number, got \"loud\"",
            "\"s\":0,\"d\":3000                  | \"s\":0,\"d\":\"3s\"    | t[2].sg[0].d: must be a number of milliseconds, got \"3s\"",
            "\"shadow\":true                     | \"shadow\":\"yes\"      | t[2].sg[0].m.shadow: must be true or false, got \"yes\"",
            "{\"v\":1,                           | {\"v\":2,               | v: unsupported draft version 2; this build reads version 1",
    })
    void everyShapeProblemNamesItsField(String find, String replace, String expected) {
        assertThat(problems(example(find.trim(), replace.trim()))).containsExactly(expected);
    }

    @Test
    void overlappingSegmentsOnOneTrackAreNamed() {
        Draft d = new Draft(6000, DraftMeta.defaults(), List.of(new Track(TrackType.TEXT, null, List.of(
                new Segment(0, 3000, TextClip.of("a", Placement.TOP, 0.05)),
                new Segment(2000, 2000, TextClip.of("b", Placement.TOP, 0.05))))));
        assertThat(DraftValidator.problems(d, MEDIA)).extracting(DraftProblem::toString)
                .containsExactly("t[0].sg[1].s: overlaps t[0].sg[0] (0-3000 ms); put overlapping segments on separate tracks");
    }

    @Test
    void aDraftShorterThanOneFrameIsNamed() {
        Draft d = new Draft(10, DraftMeta.defaults(), List.of());
        assertThat(DraftValidator.problems(d, MEDIA)).extracting(DraftProblem::toString)
                .containsExactly("d: the draft must last at least one frame (33 ms at 30 fps), got 10");
    }

    @Test
    void contentOnTheWrongTrackIsNamed() {
        Draft d = new Draft(6000, DraftMeta.defaults(), List.of(new Track(TrackType.AUDIO, null, List.of(
                new Segment(0, 3000, TextClip.of("a", Placement.TOP, 0.05))))));
        assertThat(DraftValidator.problems(d, MEDIA)).extracting(DraftProblem::toString)
                .containsExactly("t[0].sg[0].m: a text segment cannot be on an audio track");
    }

    @Test
    void reportsAllProblemsInOneLine() {
        String json = example("\"volume\":0.35", "\"volume\":3").replace("\"color\":\"#FFFFFF\"", "\"color\":\"#FFFFFF\",\"x\":2,\"y\":0.5")
                .replace("\"position\":\"top\",", "");
        Draft d = DraftCodec.read(json);
        assertThatThrownBy(() -> DraftValidator.check(d, MEDIA))
                .isInstanceOf(LoopException.class)
                .satisfies(e -> assertThat(((LoopException) e).kind()).isEqualTo(Kind.INVALID_PARAMETER))
                .hasMessage("invalid draft: t[1].sg[0].m.volume: volume must be between 0 and 2, got 3; "
                        + "t[2].sg[0].m.x: text outside the frame: x must be between 0 and 1, got 2")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void shapeProblemsAreReportedTogetherWhenReading() {
        String json = example("{\"tt\":7,", "{\"tt\":5,").replace("\"volume\":0.35", "\"volume\":\"x\"");
        assertThatThrownBy(() -> DraftCodec.read(json))
                .isInstanceOf(LoopException.class)
                .hasMessage("invalid draft: t[1].sg[0].m.volume: must be a number, got \"x\"; "
                        + "t[2].tt: unknown track type 5; use 0 (video), 1 (audio) or 7 (text)");
    }

    @Test
    void filePathsResolveRelativeToTheDraft(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("lake.jpg"), "x");
        MediaResolver files = MediaResolver.relativeTo(dir);
        assertThat(files.resolve("lake.jpg")).isEqualTo(dir.resolve("lake.jpg"));
        assertThatThrownBy(() -> files.resolve("missing.jpg"))
                .isInstanceOf(LoopException.class)
                .hasMessageStartingWith("unknown media 'missing.jpg'");
        assertThat(files.orElse(MEDIA).resolve("lofi.mp3")).isEqualTo(Path.of("/x/lofi.mp3"));
    }
}
