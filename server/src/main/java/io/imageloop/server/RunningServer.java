package io.imageloop.server;

import io.imageloop.server.http.OperatorEndpoint;
import io.imageloop.server.preview.PreviewService;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A started server or render worker. Closing it stops HTTP (no new requests), then the export
 * queue (running renders get the grace period; what is left resumes on another worker or the
 * next start), then files and database, in that order, so nothing logs against a closed database.
 */
public final class RunningServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunningServer.class);

    private final Javalin app;
    private final ImageloopServer.Backend backend;
    private final ScheduledExecutorService timer;
    private final ServerConfig config;
    private final OperatorEndpoint operator;
    private final PreviewService previews;
    private final CountDownLatch closed = new CountDownLatch(1);
    private boolean closing;

    RunningServer(Javalin app, ImageloopServer.Backend backend, ScheduledExecutorService timer, ServerConfig config,
                  OperatorEndpoint operator, PreviewService previews) {
        this.app = app;
        this.previews = previews;
        this.backend = backend;
        this.timer = timer;
        this.config = config;
        this.operator = operator;
    }

    /** The bound HTTP port (the real one when the config asked for 0); -1 for a worker. */
    public int port() {
        return app == null ? -1 : app.port();
    }

    /** A URL that reaches this server from the same machine. */
    public String baseUrl() {
        String host = config.host();
        if (host == null || host.equals("0.0.0.0") || host.equals("::")) host = "127.0.0.1";
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    public ServerConfig config() {
        return config;
    }

    /** Blocks until the JVM is asked to stop (SIGTERM, Ctrl-C), closing this first. */
    public void awaitShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "imageloop-shutdown"));
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closing) return;
            closing = true;
        }
        String what = app == null ? "render worker" : "server on port " + port();
        LOG.info("imageloop {} stopping", what);
        try {
            if (operator != null) operator.withdraw();
            if (app != null) app.stop();
            if (previews != null) previews.close();
        } finally {
            try {
                backend.close();
            } finally {
                if (timer != null) timer.shutdownNow();
                closed.countDown();
            }
        }
        LOG.info("imageloop {} stopped", what);
    }
}
