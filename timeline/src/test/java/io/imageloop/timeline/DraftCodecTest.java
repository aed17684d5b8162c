package io.imageloop.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imageloop.engine.LoopException;
import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.frame.Fitting;
import io.imageloop.engine.recipe.Layer;
import io.imageloop.engine.recipe.Region;
import io.imageloop.engine.recipe.Style;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DraftCodecTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsTheProductExampleIntoTypedRecords() {
        Draft d = DraftCodec.read(Drafts.EXAMPLE);
        assertThat(d.version()).isEqualTo(1);
        assertThat(d.durationMs()).isEqualTo(6000);
        assertThat(d.meta().aspect()).isEqualTo(Aspect.LANDSCAPE);
        assertThat(d.meta().fps()).isEqualTo(30);
        assertThat(d.meta().name()).isEqualTo("Lake");
        assertThat(d.tracks()).extracting(Track::type).containsExactly(TrackType.VIDEO, TrackType.AUDIO, TrackType.TEXT);

        VideoLoop loop = (VideoLoop) d.tracks().get(0).segments().get(0).content();
        assertThat(loop.media()).isEqualTo("lake.jpg");
        assertThat(loop.recipe().style()).isEqualTo(Style.FLOW);
        Layer.Drift drift = loop.recipe().first(Layer.Drift.class).orElseThrow();
        assertThat(drift.direction().word()).isEqualTo("right");
        assertThat(drift.area().band()).isEqualTo(Region.UPPER);
        assertThat(loop.loopMs()).isEqualTo(6000);
        assertThat(loop.fitting()).isEqualTo(Fitting.COVER);

        AudioClip bgm = (AudioClip) d.tracks().get(1).segments().get(0).content();
        assertThat(bgm.volume()).isEqualTo(0.35);
        assertThat(bgm.fadeInMs()).isEqualTo(500);
        assertThat(bgm.fadeOutMs()).isEqualTo(1000);

        Segment title = d.tracks().get(2).segments().get(0);
        assertThat(title.durationMs()).isEqualTo(3000);
        TextClip text = (TextClip) title.content();
        assertThat(text.placement()).isEqualTo(Placement.TOP);
        assertThat(text.color()).isEqualTo(Rgb.WHITE);
        assertThat(text.outline()).isEqualTo(Rgb.BLACK);
        assertThat(text.shadow()).isTrue();
    }

    @Test
    void readWriteReadGivesAnEqualDraft() {
        Draft first = DraftCodec.read(Drafts.EXAMPLE);
        String written = DraftCodec.write(first);
        Draft second = DraftCodec.read(written);
        assertThat(second).isEqualTo(first);
        assertThat(DraftCodec.write(second)).isEqualTo(written);
        assertThat(DraftCodec.read(DraftCodec.writePretty(first))).isEqualTo(first);
    }

    @Test
    void writesTheShortKeysTheProductUses() throws Exception {
        JsonNode written = JSON.readTree(DraftCodec.write(DraftCodec.read(Drafts.EXAMPLE)));
        JsonNode original = JSON.readTree(Drafts.EXAMPLE);
        // Every field given is written back with the same value (numbers compared by value).
        assertThat(written.get("t").get(2).get("sg").get(0).get("m").get("text").asText()).isEqualTo("Urban Dreams");
        assertThat(written.get("t").get(1).get("sg").get(0).get("m").get("volume").asDouble()).isEqualTo(0.35);
        assertThat(written.get("t").get(0).get("tt").asInt()).isZero();
        assertThat(written.get("t").get(2).get("tt").asInt()).isEqualTo(7);
        assertThat(written.get("m")).isEqualTo(original.get("m"));
        assertThat(written.get("t").get(0).get("sg").get(0).get("m").get("recipe").get("layers").get(0).get("strength").asDouble()).isEqualTo(1.0);
        assertThat(written.get("t").get(2).get("sg").get(0).get("m").get("color").asText()).isEqualTo("#FFFFFF");
    }

    @Test
    void keepsUnknownKeysWhereTheyWere() throws Exception {
        String json = """
                {"v":1,"d":4000,"m":{"aspect":"9:16","fps":24,"theme":{"mood":"calm"}},"project":"p-1",
                 "t":[{"tt":0,"d":4000,"m":{"name":"V","locked":true},"sg":[
                   {"s":0,"d":4000,"id":"seg-9","m":{"media":"m_17","kind":"clip","trim_ms":250,"tags":["a","b"]}}]},
                  {"tt":7,"sg":[{"s":0,"d":1000,"m":{"text":"你好","x":0.25,"y":0.75,"font":"Serif"}}]}]}
                """;
        Draft d = DraftCodec.read(json);
        assertThat(d.meta().extra()).containsOnlyKeys("theme");
        assertThat(d.extra()).containsOnlyKeys("project");
        Track video = d.tracks().get(0);
        assertThat(video.metaExtra()).containsOnlyKeys("locked");
        assertThat(video.extra()).containsOnlyKeys("d");
        assertThat(video.segments().get(0).extra()).containsOnlyKeys("id");
        assertThat(video.segments().get(0).content()).isInstanceOf(VideoClip.class);
        assertThat(video.segments().get(0).content().extra()).containsOnlyKeys("trim_ms", "tags");
        TextClip text = (TextClip) d.tracks().get(1).segments().get(0).content();
        assertThat(text.placement()).isEqualTo(new Placement.At(0.25, 0.75));
        assertThat(text.extra()).containsOnlyKeys("font");

        JsonNode out = JSON.readTree(DraftCodec.write(d));
        assertThat(out.get("m").get("theme").get("mood").asText()).isEqualTo("calm");
        assertThat(out.get("project").asText()).isEqualTo("p-1");
        assertThat(out.get("t").get(0).get("d").asInt()).isEqualTo(4000);
        assertThat(out.get("t").get(0).get("m").get("locked").asBoolean()).isTrue();
        JsonNode seg = out.get("t").get(0).get("sg").get(0);
        assertThat(seg.get("id").asText()).isEqualTo("seg-9");
        assertThat(seg.get("m").get("trim_ms").asInt()).isEqualTo(250);
        assertThat(seg.get("m").get("tags")).hasSize(2);
        assertThat(out.get("t").get(1).get("sg").get(0).get("m").get("font").asText()).isEqualTo("Serif");
        assertThat(DraftCodec.read(out)).isEqualTo(d);
    }

    @Test
    void fillsDefaultsForMissingFields() {
        Draft d = DraftCodec.read("""
                {"t":[{"tt":0,"sg":[{"s":0,"d":3000,"m":{"media":"a.jpg"}}]},
                      {"tt":7,"sg":[{"s":500,"d":1000,"m":{"text":"hi"}}]}]}""");
        assertThat(d.durationMs()).as("a draft without d lasts until its last segment ends").isEqualTo(3000);
        assertThat(d.meta()).isEqualTo(DraftMeta.defaults());
        VideoLoop loop = (VideoLoop) d.tracks().get(0).segments().get(0).content();
        assertThat(loop.recipe()).as("no motion given: the planner chooses when it renders").isNull();
        assertThat(loop.loopMs()).as("one cycle fills a short segment").isEqualTo(3000);
        TextClip text = (TextClip) d.tracks().get(1).segments().get(0).content();
        assertThat(text.placement()).isEqualTo(Placement.BOTTOM);
        assertThat(text.size()).isEqualTo(TextClip.DEFAULT_SIZE);
        assertThat(DraftCodec.read(DraftCodec.write(d))).isEqualTo(d);
    }

    @Test
    void rejectsTextThatIsNotJson() {
        assertThatThrownBy(() -> DraftCodec.read("{\"v\":1,"))
                .isInstanceOf(LoopException.class)
                .hasMessageStartingWith("the draft is not valid JSON");
    }

    @Test
    void readsTheShippedExample() {
        Path file = Path.of("..", "examples", "lake-title-music.json");
        Draft d = DraftCodec.read(file);
        assertThat(DraftValidator.problems(d, MediaResolver.relativeTo(file.toAbsolutePath().getParent()))).isEmpty();
        assertThat(d.hasAudio()).isTrue();
        assertThat(DraftCodec.read(DraftCodec.write(d))).isEqualTo(d);
    }
}
