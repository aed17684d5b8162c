package io.imageloop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/** The few API calls the scale-out benchmark makes, as a client would (token, session, upload, export, poll). */
final class ServiceClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String token;

    ServiceClient(String base) {
        this.base = base;
    }

    JsonNode call(HttpRequest.Builder b) throws IOException, InterruptedException {
        if (token != null) b.header("Authorization", "Bearer " + token);
        HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(r.body());
        if (body.path("code").asInt(-1) != 0) throw new IOException(b.build().uri().getPath() + ": " + body);
        return body.path("data");
    }

    String token() throws IOException, InterruptedException {
        token = call(HttpRequest.newBuilder(URI.create(base + "/api/auth/anonymous-token")).header("X-Client-Id", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.noBody())).path("token").asText();
        return token;
    }

    String session() throws IOException, InterruptedException {
        return call(json("/api/tasks/me/with-session/nemo_agent", "{\"task_name\":\"bench\"}")).path("session_id").asText();
    }

    String upload(String sid, Path file) throws IOException, InterruptedException {
        String boundary = "----bench" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(file));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return call(HttpRequest.newBuilder(URI.create(base + "/api/upload-video/nemo_agent/me/" + sid))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))).path("id").asText();
    }

    JsonNode export(String sid, String renderId, String draft) throws IOException, InterruptedException {
        return call(json("/api/render/proxy/lambda", "{\"id\":\"" + renderId + "\",\"sessionId\":\"" + sid + "\",\"draft\":" + draft
                + ",\"output\":{\"format\":\"mp4\",\"quality\":\"standard\"}}"));
    }

    JsonNode poll(String renderId) throws IOException, InterruptedException {
        return call(HttpRequest.newBuilder(URI.create(base + "/api/render/proxy/lambda/" + renderId)).GET());
    }

    JsonNode balance() throws IOException, InterruptedException {
        return call(HttpRequest.newBuilder(URI.create(base + "/api/credits/balance/simple")).GET());
    }

    byte[] download(String url) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET().timeout(Duration.ofSeconds(120));
        if (token != null) b.header("Authorization", "Bearer " + token);
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) throw new IOException("download " + url + ": HTTP " + r.statusCode());
        return r.body();
    }

    private HttpRequest.Builder json(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
