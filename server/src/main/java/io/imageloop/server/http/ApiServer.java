package io.imageloop.server.http;

import io.imageloop.engine.media.LimitExceeded;
import io.imageloop.server.Services;
import io.imageloop.server.store.StoreException;
import io.imageloop.server.store.TokenStore.TokenRecord;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Javalin application: routes, the error envelope for every failure (never a stack trace
 * on the wire), and the request log with attribution headers.
 */
public final class ApiServer {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    /** Same-origin only: scripts, styles, fetches and media; images and videos also from blob: URLs the studio makes. */
    static final String STUDIO_POLICY = "default-src 'self'; img-src 'self' blob: data:; media-src 'self' blob:; "
            + "connect-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private ApiServer() {
    }

    public static Javalin create(Services s) {
        return create(s, null);
    }

    /** @param operator the loopback operator endpoint, or null for none */
    public static Javalin create(Services s, OperatorEndpoint operator) {
        Javalin app = Javalin.create(config -> {
            if (operator != null) operator.configure(config, s.config().host(), s.config().port());
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            // Exact Content-Length and byte ranges matter more than compressing small JSON.
            config.http.disableCompression();
            // JSON bodies (drafts) only; uploads are streamed and never read through this limit.
            config.http.maxRequestSize = 16L * 1024 * 1024;
            // The studio: plain files from the classpath, nothing from elsewhere (the policy says so to the browser too).
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/studio";
                files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
                files.headers = java.util.Map.of("Cache-Control", "no-cache", "Content-Security-Policy", STUDIO_POLICY,
                        "X-Content-Type-Options", "nosniff");
            });
        });
        new AccountRoutes(s).register(app);
        new SessionRoutes(s).register(app);
        new ChatRoutes(s).register(app);
        new RenderRoutes(s).register(app);
        new DocsRoutes(s).register(app);
        if (operator != null) operator.register(app, s);
        new StudioRoutes(s).register(app);
        new PreviewRoutes(s).register(app);

        app.exception(ApiException.class, (e, ctx) -> Json.error(ctx, e));
        app.exception(LimitExceeded.class, (e, ctx) -> Json.error(ctx, ApiErrors.of(e)));
        app.exception(HttpResponseException.class, (e, ctx) -> Json.error(ctx, translate(e)));
        app.exception(StoreException.class, (e, ctx) -> {
            LOG.error("database error on {} {}", ctx.method(), ctx.path(), e);
            Json.error(ctx, new ApiException(ErrorCode.INTERNAL, "a database error occurred; nothing was changed"));
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            Json.error(ctx, new ApiException(ErrorCode.INTERNAL, "an unexpected error occurred"));
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                Json.error(ctx, new ApiException(ErrorCode.NO_SUCH_ENDPOINT, "no endpoint " + ctx.method() + " " + ctx.path()));
            }
        });
        app.error(405, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) Json.error(ctx, new ApiException(ErrorCode.METHOD_NOT_ALLOWED));
        });
        app.after(ctx -> record(s, ctx));
        return app;
    }

    private static ApiException translate(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> new ApiException(ErrorCode.NO_SUCH_ENDPOINT, e.getMessage());
            case 405 -> new ApiException(ErrorCode.METHOD_NOT_ALLOWED);
            case 413 -> new ApiException(ErrorCode.BAD_REQUEST, "the request body is too large");
            default -> new ApiException(ErrorCode.BAD_REQUEST, e.getMessage());
        };
    }

    /** Logs API calls with their attribution headers; a logging failure never fails the request. */
    private static void record(Services s, Context ctx) {
        String path = ctx.path();
        if (!path.startsWith("/api/") && !path.equals("/run_sse")) return;
        TokenRecord token = ctx.attribute(Auth.TOKEN_ATTRIBUTE);
        try {
            s.db().read(c -> {
                s.requests().insert(c, token == null ? null : token.id(), ctx.method().name(), path, ctx.statusCode(),
                        ctx.header("X-Skill-Source"), ctx.header("X-Skill-Version"), ctx.header("X-Skill-Platform"),
                        System.currentTimeMillis());
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("could not record request {} {}: {}", ctx.method(), path, e.getMessage());
        }
    }
}
