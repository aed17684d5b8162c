package io.imageloop.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A small client of the imageloop API over real HTTP, as an existing client would call it. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A JSON answer: HTTP status, the envelope, and headers. */
    record Response(int status, JsonNode body, HttpHeaders headers) {
        int code() {
            return body.path("code").asInt(-1);
        }

        JsonNode data() {
            return body.path("data");
        }
    }

    /** One chat turn: the parsed data events and the raw stream text. */
    record Stream(int status, List<JsonNode> events, String raw) {
        List<JsonNode> parts(String kind) {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode e : events) {
                for (JsonNode p : e.path("content").path("parts")) if (p.has(kind)) out.add(p.get(kind));
            }
            return out;
        }

        String text() {
            StringBuilder sb = new StringBuilder();
            for (JsonNode t : parts("text")) sb.append(t.asText()).append('\n');
            return sb.toString();
        }
    }

    final String base;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Api(String base) {
        this.base = base;
    }

    Response send(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
        return new Response(r.statusCode(), body, r.headers());
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .header("X-Skill-Source", "image-to-video-loop-ai").header("X-Skill-Version", "1.0.0")
                .header("X-Skill-Platform", "test");
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b;
    }

    Response get(String path, String token) throws IOException, InterruptedException {
        return send(request(path, token).GET());
    }

    Response postJson(String path, String token, Object body) throws IOException, InterruptedException {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    Response anonymousToken(String clientId) throws IOException, InterruptedException {
        HttpRequest.Builder b = request("/api/auth/anonymous-token", null).POST(HttpRequest.BodyPublishers.noBody());
        if (clientId != null) b.header("X-Client-Id", clientId);
        return send(b);
    }

    String newToken() throws IOException, InterruptedException {
        Response r = anonymousToken(UUID.randomUUID().toString());
        if (r.code() != 0) throw new AssertionError("token: " + r.body());
        return r.data().path("token").asText();
    }

    String newSession(String token) throws IOException, InterruptedException {
        Response r = postJson("/api/tasks/me/with-session/nemo_agent", token, Map.of("task_name", "project", "language", "en"));
        if (r.code() != 0) throw new AssertionError("session: " + r.body());
        return r.data().path("session_id").asText();
    }

    Response upload(String token, String sid, String fileName, byte[] content) throws IOException, InterruptedException {
        String boundary = "----imageloop" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request("/api/upload-video/nemo_agent/me/" + sid, token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    Response upload(String token, String sid, Path file) throws IOException, InterruptedException {
        return upload(token, sid, file.getFileName().toString(), Files.readAllBytes(file));
    }

    Stream chat(String token, String sid, String message) throws IOException, InterruptedException {
        Map<String, Object> body = Map.of("app_name", "nemo_agent", "session_id", sid,
                "new_message", Map.of("role", "user", "parts", List.of(Map.of("text", message))));
        HttpResponse<String> r = http.send(request("/run_sse", token).header("Content-Type", "application/json")
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        List<JsonNode> events = new ArrayList<>();
        for (String line : r.body().split("\n")) {
            if (line.startsWith("data:") && line.length() > 5) events.add(JSON.readTree(line.substring(5).trim()));
        }
        return new Stream(r.statusCode(), events, r.body());
    }

    Response export(String token, String sid, String renderId, JsonNode draft) throws IOException, InterruptedException {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("id", renderId);
        body.put("sessionId", sid);
        if (draft != null) body.put("draft", draft);
        body.put("output", Map.of("format", "mp4", "quality", "high"));
        return postJson("/api/render/proxy/lambda", token, body);
    }

    /** Polls until the render is done or failed. */
    JsonNode awaitRender(String token, String renderId, Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            Response r = get("/api/render/proxy/lambda/" + renderId, token);
            if (r.code() != 0) throw new AssertionError("poll: " + r.body());
            String status = r.data().path("status").asText();
            if (status.equals("done") || status.equals("failed")) return r.data();
            if (System.nanoTime() > end) throw new AssertionError("render " + renderId + " still " + status + " after " + timeout);
            Thread.sleep(250);
        }
    }

    HttpResponse<byte[]> download(String url, String token, String range) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(url, token).GET();
        if (range != null) b.header("Range", range);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
