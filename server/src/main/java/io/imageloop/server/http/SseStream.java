package io.imageloop.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.server.chat.EventSink;
import io.imageloop.server.store.Ids;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One {@code /run_sse} response: events shaped like Google ADK's, one JSON object per
 * {@code data:} line, and a {@code : heartbeat} comment on a timer while the turn runs, so
 * proxies and clients do not give up on a quiet stream. A client that goes away only stops
 * the writing; the turn itself completes and is saved.
 */
public final class SseStream implements EventSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SseStream.class);

    private final OutputStream out;
    private final String author;
    private final String invocationId = "e-" + Ids.uuid();
    private final ScheduledFuture<?> heartbeat;
    private boolean broken;
    private boolean closed;

    private SseStream(OutputStream out, String author, ScheduledExecutorService timer, Duration interval) {
        this.out = out;
        this.author = author;
        long ms = interval.toMillis();
        this.heartbeat = timer.scheduleAtFixedRate(this::beat, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Commits the response headers and starts the heartbeat. */
    public static SseStream open(Context ctx, String author, ScheduledExecutorService timer, Duration interval) throws IOException {
        var res = ctx.res();
        res.setStatus(200);
        res.setContentType("text/event-stream");
        res.setCharacterEncoding("UTF-8");
        res.setHeader("Cache-Control", "no-cache");
        res.setHeader("X-Accel-Buffering", "no");
        OutputStream out = res.getOutputStream();
        SseStream s = new SseStream(out, author, timer, interval);
        s.write(": stream open\n\n");
        return s;
    }

    @Override
    public void text(String text) {
        if (text == null || text.isBlank()) return;
        ObjectNode part = Json.MAPPER.createObjectNode().put("text", text);
        send(event(part, false));
    }

    @Override
    public void functionCall(String callId, String name, JsonNode args) {
        ObjectNode call = Json.MAPPER.createObjectNode();
        call.putObject("functionCall").put("id", callId).put("name", name).set("args", args);
        send(event(call, false));
    }

    @Override
    public void functionResponse(String callId, String name, JsonNode response) {
        ObjectNode resp = Json.MAPPER.createObjectNode();
        resp.putObject("functionResponse").put("id", callId).put("name", name).set("response", response);
        ObjectNode e = event(resp, false);
        ((ObjectNode) e.get("content")).put("role", "user");
        send(e);
    }

    @Override
    public void progress(String stage, double fraction, String label) {
        ObjectNode e = base();
        e.put("partial", true);
        e.putObject("customMetadata").putObject("progress").put("stage", stage)
                .put("progress", Math.round(Math.max(0, Math.min(1, fraction)) * 1000) / 1000.0).put("label", label);
        send(e);
    }

    /** A partial event carrying {@code customMetadata.<name>}, e.g. a preview as soon as it exists. */
    public void custom(String name, JsonNode value) {
        ObjectNode e = base();
        e.put("partial", true);
        e.putObject("customMetadata").set(name, value);
        send(e);
    }

    /** Whether the client has gone away (writes fail). */
    public synchronized boolean gone() {
        return broken;
    }

    /** An ADK-style error event: the turn failed, but the stream still ends cleanly. */
    public void error(String code, String message) {
        ObjectNode e = base();
        e.put("errorCode", code);
        e.put("errorMessage", message);
        e.put("turnComplete", true);
        send(e);
    }

    /** Ends the turn: a final event flagged {@code turnComplete}, then the stream closes. */
    public void complete() {
        ObjectNode e = base();
        e.put("turnComplete", true);
        send(e);
    }

    private ObjectNode event(ObjectNode part, boolean partial) {
        ObjectNode e = base();
        ObjectNode content = e.putObject("content");
        content.put("role", "model");
        ArrayNode parts = content.putArray("parts");
        parts.add(part);
        if (partial) e.put("partial", true);
        return e;
    }

    private ObjectNode base() {
        ObjectNode e = Json.MAPPER.createObjectNode();
        e.put("id", Ids.uuid());
        e.put("invocationId", invocationId);
        e.put("author", author);
        e.put("timestamp", System.currentTimeMillis() / 1000.0);
        return e;
    }

    private void send(ObjectNode event) {
        write("data: " + Json.stringify(event) + "\n\n");
    }

    private void beat() {
        write(": heartbeat\n\n");
    }

    private synchronized void write(String text) {
        if (broken || closed) return;
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            broken = true;
            LOG.info("chat client went away: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        heartbeat.cancel(false);
        if (closed) return;
        closed = true;
        try {
            out.close();
        } catch (IOException ignored) {
            // the client is gone already
        }
    }
}
