package io.imageloop.server.http;

import io.imageloop.server.Services;
import io.imageloop.server.store.Sql;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Health, the OpenAPI document, the docs page and the account-binding page. */
public final class DocsRoutes {

    private final Services s;
    private final String openapi;
    private final String docs;

    public DocsRoutes(Services s) {
        this.s = s;
        this.openapi = resource("/openapi.json");
        this.docs = resource("/docs.html");
    }

    public void register(Javalin app) {
        app.get("/health", this::health);
        app.get("/openapi.json", ctx -> ctx.contentType("application/json; charset=utf-8").result(openapi));
        app.get("/docs", ctx -> ctx.contentType("text/html; charset=utf-8").result(docs));
        app.get("/bind", this::bind);
    }

    private void health(Context ctx) {
        boolean db;
        try {
            db = s.db().read(c -> Sql.count(c, "SELECT 1") == 1);
        } catch (RuntimeException e) {
            db = false;
        }
        if (!db) {
            throw new ApiException(ErrorCode.INTERNAL, "the database is not reachable").with("status", "degraded");
        }
        Json.ok(ctx, Json.map("status", "ok", "database", "ok"));
    }

    /** Where the 2001 answer's bind_url points: explains how an anonymous user gets more credits. */
    private void bind(Context ctx) {
        String bind = ctx.queryParam("bind");
        String id = bind == null ? "" : bind.replaceAll("[^A-Za-z0-9_-]", "");
        ctx.contentType("text/html; charset=utf-8").result("""
                <!doctype html><html><head><meta charset="utf-8"><title>imageloop: more credits</title>
                <style>body{font:16px/1.5 system-ui,sans-serif;max-width:40em;margin:3em auto;padding:0 1em}code{background:#eee;padding:0 .3em}</style>
                </head><body><h1>More credits</h1>
                <p>This server gives each new anonymous token free credits. To add credits to your account, send the
                operator this reference:</p><p><code>%s</code></p>
                <p>The operator adds credits with <code>imageloop credits grant &lt;token or client id&gt; &lt;amount&gt;</code>.</p>
                </body></html>""".formatted(id.isEmpty() ? "(no reference given)" : id));
    }

    private static String resource(String name) {
        try (InputStream in = DocsRoutes.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + name, e);
        }
    }
}
