package io.imageloop.server;

import io.imageloop.server.jobs.JobQueue;
import io.imageloop.server.preview.PreviewService;
import io.imageloop.server.store.Database;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ScheduledExecutorService;

/** A started server. Closing it stops HTTP, then the export queue (running renders resume on the next start), then the database. */
public final class RunningServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunningServer.class);

    private final Javalin app;
    private final JobQueue queue;
    private final PreviewService previews;
    private final Database db;
    private final ScheduledExecutorService timer;
    private final ServerConfig config;
    private boolean closed;

    RunningServer(Javalin app, JobQueue queue, PreviewService previews, Database db, ScheduledExecutorService timer, ServerConfig config) {
        this.app = app;
        this.queue = queue;
        this.previews = previews;
        this.db = db;
        this.timer = timer;
        this.config = config;
    }

    /** The bound port (the real one when the config asked for 0). */
    public int port() {
        return app.port();
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

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        LOG.info("imageloop server on port {} stopping", port());
        try {
            app.stop();
            previews.close();
        } finally {
            try {
                queue.close();
            } finally {
                timer.shutdownNow();
                db.close();
            }
        }
        LOG.info("imageloop server stopped");
    }
}
