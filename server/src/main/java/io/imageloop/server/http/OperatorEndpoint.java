package io.imageloop.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.server.Operator;
import io.imageloop.server.Services;
import io.imageloop.server.store.Ids;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;

/**
 * Operator calls on a running server ({@code imageloop credits} while the embedded database is
 * held open by it). A second connector bound to 127.0.0.1 only; every call needs the secret the
 * server writes, readable by its owner alone, to {@code DATA_DIR/operator.json} at start. The
 * public port never answers these routes, whatever a proxy in front of it forwards.
 */
public final class OperatorEndpoint {

    public static final String FILE = "operator.json";
    private static final Logger LOG = LoggerFactory.getLogger(OperatorEndpoint.class);

    private final int port;
    private final String secret = Ids.random("op", 32);
    private ServerConnector connector;
    private Path announced;

    public OperatorEndpoint(int port) {
        this.port = port;
    }

    /**
     * Adds the public connector and the loopback one to the Javalin configuration (with a
     * connector of its own, Javalin adds none for the public port: it comes first, so
     * {@code app.port()} is still the public one).
     */
    void configure(JavalinConfig config, String host, int publicPort) {
        config.jetty.addConnector((server, http) -> {
            ServerConnector open = new ServerConnector(server, new org.eclipse.jetty.server.HttpConnectionFactory(http));
            open.setHost(host);
            open.setPort(publicPort);
            return open;
        });
        config.jetty.addConnector((server, http) -> {
            connector = new ServerConnector(server, new org.eclipse.jetty.server.HttpConnectionFactory(http));
            connector.setHost("127.0.0.1");
            connector.setPort(port);
            return connector;
        });
    }

    void register(Javalin app, Services s) {
        app.post("/operator/credits/grant", ctx -> {
            authorize(ctx);
            ObjectNode body = Json.body(ctx, 16 * 1024, n -> new ApiException(ErrorCode.BAD_REQUEST, "the request is too large"));
            run(ctx, () -> Operator.grant(s.db(), Json.text(body, "who"), body.path("amount").asInt(0)));
        });
        app.get("/operator/credits/balance", ctx -> {
            authorize(ctx);
            run(ctx, () -> Operator.balance(s.db(), ctx.queryParam("who")));
        });
    }

    private static void run(Context ctx, java.util.function.Supplier<Operator.Grant> action) {
        try {
            Json.ok(ctx, action.get());
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.BAD_REQUEST, e.getMessage());
        }
    }

    private void authorize(Context ctx) {
        if (connector == null || ctx.req().getLocalPort() != connector.getLocalPort()) {
            throw new ApiException(ErrorCode.NO_SUCH_ENDPOINT, "no endpoint " + ctx.method() + " " + ctx.path());
        }
        String given = ctx.header("X-Operator-Secret");
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(ErrorCode.OPERATOR_FORBIDDEN, "the operator secret is missing or wrong");
        }
    }

    /** Writes where and how to reach this endpoint for commands run on this machine. */
    public void announce(Path dataDir) {
        if (connector == null) return;
        Path file = dataDir.resolve(FILE);
        try {
            Path tmp = Files.createTempFile(dataDir, ".operator-", ".json"); // created rw------- : the secret stays the owner's
            Files.writeString(tmp, Json.stringify(Json.map("url", "http://127.0.0.1:" + connector.getLocalPort(), "secret", secret,
                    "pid", ProcessHandle.current().pid())));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            announced = file;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("could not write {}: {}; 'imageloop credits' needs the server stopped", file, e.getMessage());
        }
    }

    /** Removes the announcement, if it is still this server's. */
    public void withdraw() {
        if (announced == null) return;
        try {
            if (Files.readString(announced).contains(secret)) Files.deleteIfExists(announced);
        } catch (IOException ignored) {
            // another server has announced itself meanwhile, or the folder is gone
        }
    }
}
