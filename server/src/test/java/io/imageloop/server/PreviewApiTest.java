package io.imageloop.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Previews over HTTP: announced on the chat stream (poster first, then the loop), listed in the
 * state, free, cached by recipe; the studio's draft save (validated, versioned, previewed) and
 * the planner endpoint.
 */
class PreviewApiTest extends SharedServer {

    @Test
    void aChatTurnAnnouncesItsPreviewPosterFirstAndAnEditThatKeepsTheLoopRendersNothing() throws Exception {
        String t = api.newToken();
        String sid = api.newSession(t);
        assertThat(api.upload(t, sid, TestServers.COFFEE).code()).isZero();

        Api.Stream turn = api.chat(t, sid, "turn this image into a seamlessly looping video clip");
        List<JsonNode> previews = previews(turn);
        assertThat(previews).isNotEmpty();
        JsonNode last = previews.get(previews.size() - 1);
        assertThat(last.path("status").asText()).isEqualTo("ready");
        assertThat(last.path("kind").asText()).isEqualTo("preview");
        assertThat(last.path("draft_version").asInt()).isEqualTo(1);
        int posterAt = indexOf(previews, p -> !p.path("poster_url").isNull() && p.path("url").isNull());
        int videoAt = indexOf(previews, p -> !p.path("url").isNull());
        assertThat(posterAt).as("a poster-only event comes before the video").isNotNegative().isLessThan(videoAt);
        // The stream ends after the previews, with the turn.
        assertThat(turn.events().get(turn.events().size() - 1).path("turnComplete").asBoolean()).isTrue();

        HttpResponse<byte[]> poster = api.download(last.path("poster_url").asText(), t, null);
        assertThat(poster.statusCode()).isEqualTo(200);
        BufferedImage still = ImageIO.read(new ByteArrayInputStream(poster.body()));
        assertThat(still.getHeight()).isEqualTo(last.path("height").asInt());

        HttpResponse<byte[]> video = api.download(last.path("url").asText(), t, null);
        assertThat(video.statusCode()).isEqualTo(200);
        assertThat(video.headers().firstValue("Content-Type")).hasValue("video/mp4");
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(new ByteArrayInputStream(video.body()))) {
            g.start();
            assertThat(g.getVideoCodecName()).isEqualTo("h264");
            // Previews are 480p, never above what the server exports (240p in tests), one cycle long.
            assertThat(g.getImageHeight()).isEqualTo(Math.min(480, server.config().renderResolution())).isEqualTo(last.path("height").asInt());
            int frames = 0;
            while (g.grabImage() != null) frames++;
            assertThat(frames).isEqualTo(20); // 2 s (the tests' cap) at 10 fps
        }

        Api.Response state = api.get("/api/state/nemo_agent/me/" + sid + "/latest", t);
        JsonNode listed = state.data().path("state").path("generated_media");
        assertThat(listed).filteredOn(g -> g.path("kind").asText().equals("preview")).singleElement().satisfies(g -> {
            assertThat(g.path("status").asText()).isEqualTo("ready");
            assertThat(g.path("url").asText()).isEqualTo(last.path("url").asText());
        });
        assertThat(api.get("/api/credits/balance/simple", t).data().path("available").asInt()).as("previews are free").isEqualTo(100);

        // A title leaves the loop as it is: the same preview, announced ready at once, nothing rendered again.
        Api.Stream titled = api.chat(t, sid, "add the title 'Hello' at the top");
        List<JsonNode> again = previews(titled);
        assertThat(again).isNotEmpty();
        assertThat(again.get(0).path("status").asText()).isEqualTo("ready");
        assertThat(again.get(0).path("key").asText()).isEqualTo(last.path("key").asText());
        assertThat(again.get(0).path("draft_version").asInt()).isEqualTo(2);

        // A change of aspect is another loop: another preview.
        Api.Stream square = api.chat(t, sid, "make it square");
        List<JsonNode> squared = previews(square);
        assertThat(squared.get(squared.size() - 1).path("key").asText()).isNotEqualTo(last.path("key").asText());
        assertThat(squared.get(squared.size() - 1).path("width").asInt()).isEqualTo(squared.get(squared.size() - 1).path("height").asInt());
    }

    @Test
    void theStudioSavesAnEditedRecipeAsANewVersionAndItsPreviewFollows() throws Exception {
        String t = api.newToken();
        String sid = api.newSession(t);
        String media = api.upload(t, sid, TestServers.COFFEE).data().path("id").asText();
        api.chat(t, sid, "turn this image into a seamlessly looping video clip");
        JsonNode state = api.get("/api/state/nemo_agent/me/" + sid + "/latest", t).data();
        ObjectNode draft = (ObjectNode) state.path("state").path("draft");
        int version = state.path("draft_version").asInt();

        // Draw on the photo: an arrow into a flow layer, an anchor, a painted freeze mask.
        ObjectNode loop = (ObjectNode) draft.path("t").get(0).path("sg").get(0).path("m");
        ObjectNode recipe = (ObjectNode) loop.path("recipe");
        ObjectNode flow = ((ArrayNode) recipe.withArray("layers")).addObject();
        flow.put("kind", "flow").put("strength", 1.0);
        flow.putArray("arrows").addObject().<ObjectNode>set("from", Api.JSON.valueToTree(List.of(0.1, 0.8)))
                .set("to", Api.JSON.valueToTree(List.of(0.4, 0.8)));
        flow.putArray("anchors").add(Api.JSON.valueToTree(List.of(0.5, 0.5)));
        recipe.putObject("freeze").put("mask", paintedMask()).put("label", "painted");

        Api.Response saved = api.postJson("/api/draft/nemo_agent/me/" + sid, t,
                Map.of("draft", draft, "base_version", version, "note", "arrows"));
        assertThat(saved.code()).as(saved.body().toString()).isZero();
        assertThat(saved.data().path("draft_version").asInt()).isEqualTo(version + 1);
        JsonNode preview = saved.data().path("previews").get(0);
        assertThat(preview.path("status").asText()).isIn("queued", "rendering");

        // The saved draft carries exactly what was drawn, in photo coordinates.
        JsonNode latest = api.get("/api/state/nemo_agent/me/" + sid + "/latest", t).data();
        assertThat(latest.path("draft_version").asInt()).isEqualTo(version + 1);
        JsonNode r = latest.path("state").path("draft").path("t").get(0).path("sg").get(0).path("m").path("recipe");
        JsonNode drawn = null;
        for (JsonNode l : r.path("layers")) if (l.path("kind").asText().equals("flow")) drawn = l;
        assertThat(drawn).isNotNull();
        assertThat(drawn.path("arrows").get(0).path("from").get(0).asDouble()).isEqualTo(0.1);
        assertThat(drawn.path("anchors").get(0).get(1).asDouble()).isEqualTo(0.5);
        assertThat(r.path("freeze").path("mask").asText()).startsWith("data:image/png;base64,");

        // Long-poll the preview until it is ready.
        String statusUrl = preview.path("status_url").asText();
        JsonNode p = preview;
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!p.path("status").asText().equals("ready") && System.nanoTime() < end) {
            p = api.get(statusUrl + "?wait=5000&since=" + p.path("status").asText(), t).data();
            assertThat(p.path("status").asText()).isNotIn("failed", "cancelled");
        }
        assertThat(p.path("status").asText()).isEqualTo("ready");
        assertThat(api.download(p.path("url").asText(), t, null).statusCode()).isEqualTo(200);

        // Saving on a version that is no longer the latest is refused, not lost silently.
        Api.Response stale = api.postJson("/api/draft/nemo_agent/me/" + sid, t, Map.of("draft", draft, "base_version", version));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo(3010);
        assertThat(stale.data().path("latest_version").asInt()).isEqualTo(version + 1);

        // An impossible recipe (freeze under a camera move alone) and unknown media are 3003, with the reason.
        ObjectNode bad = draft.deepCopy();
        ObjectNode badRecipe = (ObjectNode) bad.path("t").get(0).path("sg").get(0).path("m").path("recipe");
        badRecipe.putArray("layers");
        badRecipe.putObject("camera").put("move", "zoom").put("strength", 0.5);
        Api.Response refused = api.postJson("/api/draft/nemo_agent/me/" + sid, t, Map.of("draft", bad));
        assertThat(refused.code()).isEqualTo(3003);
        assertThat(refused.body().path("message").asText()).contains("freeze");
        ObjectNode foreign = draft.deepCopy();
        ((ObjectNode) foreign.path("t").get(0).path("sg").get(0).path("m")).put("media", "m_not_here");
        Api.Response unknown = api.postJson("/api/draft/nemo_agent/me/" + sid, t, Map.of("draft", foreign));
        assertThat(unknown.code()).isEqualTo(3003);
        assertThat(unknown.body().path("message").asText()).contains("m_not_here");
        assertThat(api.get("/api/state/nemo_agent/me/" + sid + "/latest", t).data().path("draft_version").asInt())
                .as("refused saves store nothing").isEqualTo(version + 1);

        // Another token sees none of it.
        String other = api.newToken();
        assertThat(api.get(statusUrl, other).code()).isEqualTo(1002);
        assertThat(api.download(p.path("url").asText(), other, null).statusCode()).isEqualTo(404);

        // The planner's recipe for the photo, and a classic style's.
        Api.Response auto = api.postJson("/api/plan/nemo_agent/me/" + sid, t, Map.of("media", media, "aspect", "9:16"));
        assertThat(auto.code()).as(auto.body().toString()).isZero();
        assertThat(auto.data().path("recipe").path("version").asInt()).isEqualTo(2);
        assertThat(auto.data().path("notes")).isNotEmpty();
        Api.Response sway = api.postJson("/api/plan/nemo_agent/me/" + sid, t, Map.of("media", media, "style", "sway", "strength", 2));
        assertThat(sway.data().path("recipe").path("layers").get(0).path("kind").asText()).isEqualTo("sway");
        assertThat(sway.data().path("recipe").path("layers").get(0).path("strength").asDouble()).isEqualTo(2.0);
        assertThat(api.postJson("/api/plan/nemo_agent/me/" + sid, t, Map.of("media", media, "style", "wobble")).code()).isEqualTo(4000);
    }

    static List<JsonNode> previews(Api.Stream turn) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : turn.events()) if (e.path("customMetadata").has("preview")) out.add(e.path("customMetadata").path("preview"));
        return out;
    }

    private static int indexOf(List<JsonNode> list, java.util.function.Predicate<JsonNode> p) {
        for (int i = 0; i < list.size(); i++) if (p.test(list.get(i))) return i;
        return -1;
    }

    /** What a brush paints: white strokes (frozen) on black, as a PNG data URL. */
    static String paintedMask() throws Exception {
        BufferedImage img = new BufferedImage(256, 144, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillOval(100, 60, 60, 50);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
