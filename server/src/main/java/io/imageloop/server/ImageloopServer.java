package io.imageloop.server;

import io.imageloop.server.chat.ChatAgent;
import io.imageloop.server.chat.ChatAgents;
import io.imageloop.server.credits.CreditLedger;
import io.imageloop.server.http.ApiServer;
import io.imageloop.server.http.Auth;
import io.imageloop.server.jobs.TimelineExportRenderer;
import io.imageloop.server.jobs.ExportRenderer;
import io.imageloop.server.jobs.JobQueue;
import io.imageloop.server.jobs.RenderJobHandler;
import io.imageloop.server.jobs.RenderJobStore;
import io.imageloop.server.jobs.RenderService;
import io.imageloop.server.store.Database;
import io.imageloop.server.store.DraftStore;
import io.imageloop.server.store.MediaStore;
import io.imageloop.server.store.RequestLogStore;
import io.imageloop.server.store.SessionStore;
import io.imageloop.server.store.TokenStore;
import io.imageloop.server.upload.MediaProber;
import io.imageloop.server.upload.UploadService;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the imageloop HTTP service. {@link #start(ServerConfig)} for embedding (the CLI's
 * {@code imageloop serve}, tests), {@link #main(String[])} to run it on its own.
 */
public final class ImageloopServer {

    private ImageloopServer() {
    }

    /**
     * Starts with the timeline renderer and the built-in chat agent, or a model-driven one when
     * {@code IMAGELOOP_LLM_URL} (with {@code _MODEL} and {@code _KEY}) names a model server.
     */
    public static RunningServer start(ServerConfig config) {
        return start(config, ChatAgents.fromEnvironment(System.getenv()));
    }

    /** Starts with the timeline renderer and the given chat agent. */
    public static RunningServer start(ServerConfig config, ChatAgent agent) {
        return start(config, new TimelineExportRenderer(config.renderResolution(), config.renderMaxSeconds(), config.renderFps()), agent);
    }

    /** Starts with a given renderer and agent, e.g. a full timeline compositor or a model-backed agent. */
    public static RunningServer start(ServerConfig config, ExportRenderer renderer, ChatAgent agent) {
        Logger log = LoggerFactory.getLogger(ImageloopServer.class);
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + config.dataDir(), e);
        }
        Database db = Database.open(config);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "imageloop-sse-heartbeat");
            t.setDaemon(true);
            return t;
        });
        JobQueue queue = null;
        Javalin app = null;
        try {
            TokenStore tokens = new TokenStore();
            SessionStore sessions = new SessionStore();
            MediaStore media = new MediaStore();
            DraftStore drafts = new DraftStore();
            RenderJobStore renderJobs = new RenderJobStore();
            CreditLedger ledger = new CreditLedger();
            UploadService uploads = new UploadService(db, media, config, new MediaProber());
            uploads.removeStaleStaging();
            RenderService renders = new RenderService(db, tokens, drafts, media, renderJobs, ledger, renderer);
            RenderJobHandler handler = new RenderJobHandler(db, renderJobs, media, ledger, renderer, config.dataDir().resolve("renders"));
            queue = new JobQueue(db.dataSource(), handler, config, runnerId -> renders.abandoned(runnerId, handler));
            renders.attach(queue);
            Services services = new Services(config, db, tokens, sessions, media, drafts, new RequestLogStore(), renderJobs,
                    ledger, new Auth(db, tokens, sessions), uploads, renders, agent, timer);
            app = ApiServer.create(services);
            app.start(config.host(), config.port());
            queue.start();
            renders.resumeUnfinished();
            log.info("imageloop server listening on {}:{} (data in {})", config.host(), app.port(), config.dataDir().toAbsolutePath());
            return new RunningServer(app, queue, db, timer, config);
        } catch (RuntimeException e) {
            if (app != null) app.stop();
            if (queue != null) queue.close();
            timer.shutdownNow();
            db.close();
            throw e;
        }
    }

    /** Runs until the process is stopped (Ctrl-C or SIGTERM), then shuts down cleanly. */
    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println("usage: imageloop-server [options]\n" + ServerConfig.usage());
            return;
        }
        ServerConfig config;
        try {
            config = ServerConfig.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("imageloop-server: " + e.getMessage());
            System.exit(2);
            return;
        }
        RunningServer server;
        try {
            server = start(config);
        } catch (RuntimeException e) {
            System.err.println("imageloop-server: cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "imageloop-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
