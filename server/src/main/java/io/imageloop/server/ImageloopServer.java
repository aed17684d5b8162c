package io.imageloop.server;

import io.imageloop.server.chat.ChatAgent;
import io.imageloop.server.chat.ChatAgents;
import io.imageloop.server.credits.CreditLedger;
import io.imageloop.server.http.ApiServer;
import io.imageloop.server.http.Auth;
import io.imageloop.server.http.OperatorEndpoint;
import io.imageloop.server.jobs.ExportRenderer;
import io.imageloop.server.jobs.JobQueue;
import io.imageloop.server.jobs.RenderJobHandler;
import io.imageloop.server.jobs.RenderJobStore;
import io.imageloop.server.jobs.RenderService;
import io.imageloop.server.jobs.TimelineExportRenderer;
import io.imageloop.server.preview.DraftPreviewRenderer;
import io.imageloop.server.preview.PreviewService;
import io.imageloop.server.preview.PreviewSettings;
import io.imageloop.server.storage.BlobStore;
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
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Starts the imageloop service: {@link #start} for the HTTP server (with render workers unless
 * {@code workers} is 0), {@link #startWorker} for a render worker with no HTTP. All processes of
 * a deployment share one database (PostgreSQL) and one {@link BlobStore}; JobRunr hands each
 * export to one worker.
 */
public final class ImageloopServer {

    private static final Logger LOG = LoggerFactory.getLogger(ImageloopServer.class);

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
        return start(config, renderer(config), agent);
    }

    /** Starts with a given renderer and agent, e.g. a model-backed agent. */
    public static RunningServer start(ServerConfig config, ExportRenderer renderer, ChatAgent agent) {
        if (config.workers() == 0 && config.embeddedDatabase()) {
            // Workers share the database; the embedded one is this process's alone, so nobody would render.
            throw new IllegalArgumentException("--workers 0 leaves rendering to 'imageloop worker' processes, which need a shared "
                    + "database: give --jdbc-url (PostgreSQL)");
        }
        Backend b = Backend.open(config, renderer);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "imageloop-sse-heartbeat");
            t.setDaemon(true);
            return t;
        });
        Javalin app = null;
        OperatorEndpoint operator = config.operatorPort() >= 0 ? new OperatorEndpoint(config.operatorPort()) : null;
        PreviewService previews = null;
        try {
            TokenStore tokens = new TokenStore();
            UploadService uploads = new UploadService(b.db, b.media, config, new MediaProber(), b.blobs);
            uploads.removeStaleStaging();
            RenderService renders = new RenderService(b.db, tokens, new DraftStore(), b.media, b.jobs, b.ledger, renderer);
            renders.attach(b.queue);
            Database db = b.db;
            MediaStore media = b.media;
            BlobStore blobs = b.blobs;
            previews = new PreviewService(config.dataDir().resolve("previews"), new DraftPreviewRenderer(),
                    PreviewSettings.forExports(config.renderResolution(), config.renderMaxSeconds(), config.renderFps()),
                    sessionId -> Services.mediaOf(db, media, blobs, sessionId));
            Services services = new Services(config, b.db, tokens, new SessionStore(), b.media, new DraftStore(), new RequestLogStore(),
                    b.jobs, b.ledger, new Auth(b.db, tokens, new SessionStore()), uploads, renders, agent, timer, b.blobs, previews);
            app = ApiServer.create(services, operator);
            if (operator != null) app.start(); // the connectors carry host and port
            else app.start(config.host(), config.port());
            b.queue.start();
            renders.resumeUnfinished();
            if (operator != null) operator.announce(config.dataDir());
            LOG.info("imageloop server listening on {}:{} (data in {}, files in {}, {} render worker(s))", config.host(), app.port(),
                    config.dataDir().toAbsolutePath(), config.storage(), config.workers());
            return new RunningServer(app, b, timer, config, operator, previews);
        } catch (RuntimeException e) {
            if (app != null) app.stop();
            if (previews != null) previews.close();
            timer.shutdownNow();
            b.close();
            throw e;
        }
    }

    /** A render worker: takes exports from the shared queue, no HTTP. */
    public static RunningServer startWorker(ServerConfig config) {
        if (config.workers() < 1) throw new IllegalArgumentException("a worker needs at least one render worker (--workers)");
        if (config.embeddedDatabase()) {
            throw new IllegalArgumentException("a worker shares the server's database: give --jdbc-url (PostgreSQL)");
        }
        Backend b = Backend.open(config, renderer(config));
        try {
            b.queue.start();
            LOG.info("imageloop render worker started ({} worker(s), files in {})", config.workers(), config.storage());
            return new RunningServer(null, b, null, config, null, null);
        } catch (RuntimeException e) {
            b.close();
            throw e;
        }
    }

    static ExportRenderer renderer(ServerConfig config) {
        return new TimelineExportRenderer(config.renderResolution(), config.renderMaxSeconds(), config.renderFps());
    }

    /** What every process has: the database, the files, the export queue and its handler. */
    static final class Backend implements AutoCloseable {
        final Database db;
        final BlobStore blobs;
        final MediaStore media = new MediaStore();
        final RenderJobStore jobs = new RenderJobStore();
        final CreditLedger ledger = new CreditLedger();
        final JobQueue queue;

        private Backend(Database db, BlobStore blobs, JobQueue queue) {
            this.db = db;
            this.blobs = blobs;
            this.queue = queue;
        }

        static Backend open(ServerConfig config, ExportRenderer renderer) {
            try {
                Files.createDirectories(config.dataDir());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the data directory " + config.dataDir(), e);
            }
            Database db = Database.open(config);
            BlobStore blobs = null;
            try {
                blobs = BlobStore.open(config);
                MediaStore media = new MediaStore();
                RenderJobStore jobs = new RenderJobStore();
                CreditLedger ledger = new CreditLedger();
                RenderJobHandler handler = new RenderJobHandler(db, jobs, media, ledger, renderer, blobs,
                        blobs.scratch("renders"), config.renderTimeFactor());
                handler.sweepPartials();
                RenderService abandon = new RenderService(db, new TokenStore(), new DraftStore(), media, jobs, ledger, renderer);
                JobQueue queue = new JobQueue(db.dataSource(), handler, config, runnerId -> abandon.abandoned(runnerId, handler));
                return new Backend(db, blobs, queue);
            } catch (IOException e) {
                if (blobs != null) blobs.close();
                db.close();
                throw new UncheckedIOException("cannot prepare the render folder under " + config.dataDir(), e);
            } catch (RuntimeException e) {
                if (blobs != null) blobs.close();
                db.close();
                throw e;
            }
        }

        /** Stops the queue (running renders get their grace period), then closes files and database. */
        @Override
        public void close() {
            try {
                queue.close();
            } finally {
                try {
                    blobs.close();
                } finally {
                    db.close();
                }
            }
        }
    }

    /** Runs until the process is stopped (Ctrl-C or SIGTERM), then shuts down cleanly. */
    public static void main(String[] args) {
        ServerOptions.Holder holder = new ServerOptions.Holder();
        CommandLine cli = new CommandLine(holder);
        ServerConfig config;
        try {
            cli.parseArgs(args);
            if (cli.isUsageHelpRequested()) {
                cli.usage(System.out);
                return;
            }
            config = holder.options.toConfig();
        } catch (CommandLine.ParameterException | IllegalArgumentException e) {
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
        server.awaitShutdown();
    }
}
