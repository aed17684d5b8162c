package io.imageloop.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imageloop.server.credits.CreditLedger;
import io.imageloop.server.http.OperatorEndpoint;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Reaches a running server's operator endpoint through the announcement in its data directory.
 * Empty when no server on this machine has announced one (or it has stopped): then the caller
 * opens the database itself.
 */
public final class OperatorClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private OperatorClient(URI base, String secret) {
        this.base = base;
        this.secret = secret;
    }

    /** The endpoint announced under {@code dataDir}, if the file is there and names a loopback address. */
    public static Optional<OperatorClient> find(Path dataDir) {
        Path file = dataDir.resolve(OperatorEndpoint.FILE);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            JsonNode n = JSON.readTree(Files.readString(file));
            URI url = URI.create(n.path("url").asText());
            if (!"127.0.0.1".equals(url.getHost())) return Optional.empty();
            return Optional.of(new OperatorClient(url, n.path("secret").asText()));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Grants through the server; empty when it does not answer (stopped without cleaning up). */
    public Optional<Operator.Grant> grant(String who, int amount) throws IOException, InterruptedException {
        return call(HttpRequest.newBuilder(base.resolve("/operator/credits/grant")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("who", who, "amount", amount)))));
    }

    public Optional<Operator.Grant> balance(String who) throws IOException, InterruptedException {
        return call(HttpRequest.newBuilder(base.resolve("/operator/credits/balance?who=" + URLEncoder.encode(who, StandardCharsets.UTF_8))).GET());
    }

    private Optional<Operator.Grant> call(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r;
        try {
            r = http.send(request.header("X-Operator-Secret", secret).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpTimeoutException e) {
            return Optional.empty();
        }
        JsonNode body = JSON.readTree(r.body());
        if (body.path("code").asInt(-1) != 0) throw new IllegalArgumentException(body.path("message").asText("the server refused"));
        JsonNode d = body.path("data");
        JsonNode b = d.path("balance");
        return Optional.of(new Operator.Grant(d.path("tokenId").asText(), d.path("clientId").asText(null), d.path("granted").asInt(),
                new CreditLedger.Balance(b.path("available").asInt(), b.path("frozen").asInt(), b.path("total").asInt())));
    }
}
