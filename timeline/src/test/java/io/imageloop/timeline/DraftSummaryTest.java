package io.imageloop.timeline;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DraftSummaryTest {

    @Test
    void matchesTheProductsSummaryLine() {
        assertThat(DraftCodec.read(Drafts.EXAMPLE).summary())
                .isEqualTo("Timeline (3 tracks): 1. Video: lake (0-6s) 2. BGM: Lo-fi (0-6s, 35%) 3. Title: \"Urban Dreams\" (0-3s)");
    }

    @Test
    void listsSeveralSegmentsAndFractionalSeconds() {
        Draft d = new Draft(10_000, DraftMeta.defaults(), List.of(
                new Track(TrackType.VIDEO, null, List.of(
                        new Segment(0, 4500, VideoLoop.of("uploads/city-timelapse.jpg", 4500)),
                        new Segment(4500, 5500, VideoClip.of("m_42")))),
                new Track(TrackType.TEXT, "Captions", List.of(
                        new Segment(1250, 2000, TextClip.of("第一行\n second   line", Placement.BOTTOM, 0.05)))),
                new Track(TrackType.AUDIO, null, List.of())));
        assertThat(d.summary()).isEqualTo("Timeline (3 tracks): 1. Video: city-timelapse (0-4.5s), m_42 (4.5-10s) "
                + "2. Captions: \"第一行 second line\" (1.3-3.3s) 3. Audio: (empty)");
    }

    @Test
    void countsOneTrackAndNone() {
        Draft one = new Draft(3000, DraftMeta.defaults(), List.of(
                new Track(TrackType.AUDIO, "Music", List.of(new Segment(0, 3000, AudioClip.of("song.mp3", 1.0))))));
        assertThat(one.summary()).isEqualTo("Timeline (1 track): 1. Music: song (0-3s, 100%)");
        assertThat(new Draft(3000, DraftMeta.defaults(), List.of()).summary()).isEqualTo("Timeline (0 tracks): empty");
    }
}
