package io.imageloop.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.DraftCodec;
import io.imageloop.timeline.edit.DraftEdits;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat corpus (src/test/resources/chat), replayed through a real server: every turn over
 * /run_sse, every draft read back from the state endpoint, every expectation and "nothing else
 * changed" checked. Prints the accuracy per category for the tuning and the held-out part and
 * writes it, with every failure, to target/chat-corpus.md.
 */
class ChatCorpusTest extends SharedServer {

    /** The share of turns of each part that must pass (a guard against regressions); the measured figures are in the report. */
    static final double FLOOR = Double.parseDouble(System.getProperty("corpus.floor", "0.95"));

    static final List<String> PARTS = List.of("tuning", "held-out", "fresh", "fresh-2", "fresh-3");

    record Result(String part, String conversation, int line, String message, List<String> tags, List<String> failures, String reply) {
        boolean passed() {
            return failures.isEmpty();
        }
    }

    @Test
    void replaysTheCorpus() throws Exception {
        List<Result> results = new ArrayList<>();
        long t0 = System.nanoTime();
        for (String part : PARTS) {
            for (Corpus.Conversation c : Corpus.load("/chat/" + part + ".chat")) results.addAll(replay(part, c));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        String report = report(results, seconds);
        Path out = Path.of("target", "chat-corpus.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        StringBuilder transcript = new StringBuilder("# Chat corpus transcript\n");
        String conversation = "";
        for (Result r : results) {
            if (!(r.part() + r.conversation()).equals(conversation)) {
                conversation = r.part() + r.conversation();
                transcript.append("\n## ").append(r.part()).append(" / ").append(r.conversation()).append("\n\n");
            }
            transcript.append("> ").append(r.message()).append(r.passed() ? "" : "  **(failed)**").append("\n\n")
                    .append(r.reply().replace("\n", "  \n")).append("\n\n");
        }
        Files.writeString(out.resolveSibling("chat-corpus-transcript.md"), transcript.toString());
        System.out.println(report);
        assertThat(results).hasSizeGreaterThanOrEqualTo(300);
        for (String part : PARTS) {
            assertThat(share(results, part, null)).as(part + " accuracy (see target/chat-corpus.md)").isGreaterThanOrEqualTo(FLOOR);
        }
    }

    private List<Result> replay(String part, Corpus.Conversation c) throws Exception {
        String token = api.newToken();
        Api.Response s = api.postJson("/api/tasks/me/with-session/nemo_agent", token, Map.of("task_name", "corpus", "language", c.language()));
        String sid = s.data().path("session_id").asText();
        Map<String, Path> samples = new HashMap<>();
        upload(token, sid, c.photos(), samples);
        upload(token, sid, c.music(), samples);
        List<Result> out = new ArrayList<>();
        DraftFacets before = new DraftFacets(DraftEdits.empty(io.imageloop.engine.frame.Aspect.LANDSCAPE, 30));
        int version = 0;
        for (Corpus.Turn turn : c.turns()) {
            upload(token, sid, turn.uploadsBefore(), samples);
            Api.Stream stream = api.chat(token, sid, turn.message());
            JsonNode state = api.get("/api/state/nemo_agent/me/" + sid + "/latest", token).data();
            int now = state.path("draft_version").asInt();
            Draft draft = DraftCodec.read(state.path("state").path("draft"));
            DraftFacets after = new DraftFacets(draft);
            String reply = stream.text().strip();
            List<String> failures = new ArrayList<>();
            if (stream.status() != 200) failures.add("HTTP " + stream.status());
            if (now != version && now != version + 1) failures.add("saved " + (now - version) + " versions in one turn");
            failures.addAll(new CorpusCheck(before, after, samples).check(turn, reply, now == version + 1));
            List<String> tags = new ArrayList<>(turn.tags());
            tags.add("lang:" + language(turn.message()));
            out.add(new Result(part, c.id(), turn.line(), turn.message(), tags, failures, reply));
            before = after;
            version = now;
        }
        return out;
    }

    private static void upload(String token, String sid, List<Corpus.Upload> files, Map<String, Path> samples) throws Exception {
        if (files.isEmpty()) return;
        String boundary = "----corpus" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Corpus.Upload u : files) {
            Path file = TestServers.SAMPLES.resolve(u.sample());
            samples.put(u.name().replaceFirst("\\.[A-Za-z0-9]{2,5}$", ""), file);
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + u.name()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(Files.readAllBytes(file));
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Api.Response r = api.send(api.request("/api/upload-video/nemo_agent/me/" + sid, token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        if (r.code() != 0) throw new AssertionError("upload: " + r.body());
    }

    static String language(String message) {
        String outside = message.replaceAll("[\"“”「」『』][^\"“”「」『』]*[\"“”「」『』]", " ");
        boolean han = outside.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
        boolean latin = outside.matches("(?s).*[A-Za-z]{2,}.*");
        return han && latin ? "mixed" : han ? "zh" : "en";
    }

    private static double share(List<Result> results, String part, String tag) {
        List<Result> in = results.stream().filter(r -> r.part().equals(part) && (tag == null || r.tags().contains(tag))).toList();
        return in.isEmpty() ? 1 : in.stream().filter(Result::passed).count() / (double) in.size();
    }

    private static String report(List<Result> results, double seconds) {
        StringBuilder s = new StringBuilder("# Chat corpus\n\n");
        s.append(String.format("%d turns in %.1f s. ", results.size(), seconds));
        for (String part : PARTS) {
            List<Result> in = results.stream().filter(r -> r.part().equals(part)).toList();
            long ok = in.stream().filter(Result::passed).count();
            s.append(String.format("%s: %d/%d (%.1f%%). ", part, ok, in.size(), 100.0 * ok / Math.max(1, in.size())));
        }
        s.append("\n\n| category | " + String.join(" | ", PARTS) + " |\n|---" + "|---".repeat(PARTS.size()) + "|\n");
        Map<String, int[]> counts = new TreeMap<>();
        for (Result r : results) {
            List<String> tags = new ArrayList<>(r.tags());
            tags.add("all");
            for (String tag : tags) {
                int[] c = counts.computeIfAbsent(tag, k -> new int[2 * PARTS.size()]);
                int base = 2 * PARTS.indexOf(r.part());
                c[base]++;
                if (r.passed()) c[base + 1]++;
            }
        }
        counts.forEach((tag, c) -> {
            s.append("| ").append(tag);
            for (int p = 0; p < PARTS.size(); p++) s.append(" | ").append(cell(c[2 * p + 1], c[2 * p]));
            s.append(" |\n");
        });
        s.append("\n## Failures\n\n");
        Map<String, List<Result>> byConversation = new LinkedHashMap<>();
        for (Result r : results) if (!r.passed()) byConversation.computeIfAbsent(r.part() + " / " + r.conversation(), k -> new ArrayList<>()).add(r);
        byConversation.forEach((conv, rs) -> {
            s.append("### ").append(conv).append("\n\n");
            for (Result r : rs) {
                s.append("- line ").append(r.line()).append(": `").append(r.message()).append("`\n");
                for (String f : r.failures()) s.append("  - ").append(f.replace("\n", " / ")).append("\n");
                s.append("  - reply: ").append(r.reply().replace("\n", " / ")).append("\n");
            }
            s.append("\n");
        });
        return s.toString();
    }

    private static String cell(int ok, int n) {
        return n == 0 ? "" : String.format("%d/%d (%.0f%%)", ok, n, 100.0 * ok / n);
    }
}
