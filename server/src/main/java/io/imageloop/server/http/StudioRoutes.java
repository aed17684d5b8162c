package io.imageloop.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.engine.Engine;
import io.imageloop.engine.LoopException;
import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.plan.PlanHints;
import io.imageloop.engine.recipe.Direction;
import io.imageloop.engine.recipe.MotionRecipe;
import io.imageloop.engine.recipe.RecipeCodec;
import io.imageloop.engine.recipe.Style;
import io.imageloop.server.Services;
import io.imageloop.server.preview.Preview;
import io.imageloop.server.store.DraftStore.DraftVersion;
import io.imageloop.server.store.MediaStore.MediaRecord;
import io.imageloop.server.store.SessionStore.SessionRecord;
import io.imageloop.server.store.TokenStore.TokenRecord;
import io.imageloop.timeline.Draft;
import io.imageloop.timeline.DraftCodec;
import io.imageloop.timeline.DraftProblem;
import io.imageloop.timeline.DraftSummary;
import io.imageloop.timeline.DraftValidator;
import io.imageloop.timeline.VideoLoop;
import io.imageloop.timeline.edit.DraftEdits;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a visual editor needs beside the chat: saving a draft edited by hand (validated, laid out
 * like the agent's edits, a new version like any other) and the engine's recipe for a photo, so
 * direct manipulation and chat edit one and the same draft.
 */
public final class StudioRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(StudioRoutes.class);
    private static final Engine ENGINE = new Engine();

    private final Services s;

    public StudioRoutes(Services s) {
        this.s = s;
    }

    public void register(Javalin app) {
        app.post("/api/draft/{app}/me/{sid}", this::save);
        app.post("/api/plan/{app}/me/{sid}", this::plan);
    }

    /**
     * Body {@code {"draft": {...}, "base_version": N, "note": "..."}}. With {@code base_version},
     * a draft that changed since (say, by a chat turn) is not overwritten: 3010 with the latest version.
     */
    private void save(Context ctx) {
        TokenRecord token = s.auth().require(ctx);
        SessionRecord session = s.auth().session(token, ctx.pathParam("sid"));
        ObjectNode body = Json.body(ctx);
        JsonNode json = body.get("draft");
        if (json != null && json.isTextual()) json = Json.parse(json.asText(), "'draft'");
        if (json == null || !json.isObject()) throw new ApiException(ErrorCode.BAD_REQUEST, "'draft' must be a draft JSON object");
        Integer base = body.hasNonNull("base_version") ? body.get("base_version").asInt() : null;
        String note = Json.text(body, "note");
        Draft draft;
        try {
            draft = DraftEdits.relayout(DraftCodec.read(json));
        } catch (LoopException e) {
            throw new ApiException(ErrorCode.DRAFT_INVALID, e.getMessage());
        }
        List<DraftProblem> problems = DraftValidator.problems(draft, s.mediaOf(session.id()));
        if (!problems.isEmpty()) {
            throw new ApiException(ErrorCode.DRAFT_INVALID, problems.stream().map(DraftProblem::toString).collect(Collectors.joining("; ")));
        }
        ObjectNode saved = DraftCodec.toJson(draft);
        String text = Json.stringify(saved);
        DraftVersion v = s.db().tx(c -> {
            s.sessions().lock(c, session.id());
            int latest = s.drafts().latest(c, session.id()).map(DraftVersion::version).orElse(0);
            if (base != null && base != latest) {
                throw new ApiException(ErrorCode.DRAFT_CONFLICT, "the draft changed since version " + base
                        + " (now " + latest + "); load it again and redo the edit").with("latest_version", latest);
            }
            return s.drafts().append(c, session.id(), text, "studio" + (note == null ? "" : ": " + note), System.currentTimeMillis());
        });
        List<Preview> previews = s.previews().request(session.id(), v.version(), draft);
        LOG.info("session {}: studio saved draft v{} ({})", session.id(), v.version(), note == null ? "edit" : note);
        String baseUrl = Views.baseUrl(ctx);
        Json.ok(ctx, Json.map("draft_version", v.version(), "summary", DraftSummary.of(draft), "draft", saved,
                "previews", previews.stream().map(p -> PreviewRoutes.view(p, baseUrl)).toList()));
    }

    /**
     * Body {@code {"media": ID, "style": "auto"|"flow"|"camera"|"sway"|"parallax", "aspect": "16:9",
     * "seconds": 6, "direction": ..., "strength": 1}}: the planner's recipe for the photo (auto), or
     * the classic recipe of a style, with its one-line description.
     */
    private void plan(Context ctx) {
        TokenRecord token = s.auth().require(ctx);
        SessionRecord session = s.auth().session(token, ctx.pathParam("sid"));
        ObjectNode body = Json.body(ctx);
        String mediaId = Json.text(body, "media");
        if (mediaId == null) throw new ApiException(ErrorCode.BAD_REQUEST, "'media' (a photo of this session) is required");
        MediaRecord m = s.db().read(c -> s.media().find(c, session.id(), mediaId))
                .orElseThrow(() -> new ApiException(ErrorCode.MEDIA_NOT_FOUND, "no such media in this session"));
        if (!m.kind().equals("image")) throw new ApiException(ErrorCode.BAD_REQUEST, "only photos have a motion recipe");
        String style = Json.text(body, "style") == null ? "auto" : Json.text(body, "style");
        double seconds = body.path("seconds").asDouble(VideoLoop.DEFAULT_LOOP_MS / 1000.0);
        Double strength = body.hasNonNull("strength") ? body.get("strength").asDouble() : null;
        MotionRecipe recipe;
        try {
            Aspect aspect = Aspect.parse(Json.text(body, "aspect") == null ? "16:9" : Json.text(body, "aspect"));
            Direction direction = Json.text(body, "direction") == null ? null : Direction.parse(Json.text(body, "direction"));
            if (style.equals("auto")) {
                recipe = ENGINE.plan(Path.of(m.path()), PlanHints.NONE.withDirection(direction).withStrength(strength), aspect, seconds);
            } else {
                recipe = Style.parse(style).recipe(direction, null, strength == null ? 1.0 : strength);
            }
        } catch (LoopException e) {
            throw new ApiException(ErrorCode.BAD_REQUEST, e.getMessage());
        }
        Json.ok(ctx, Json.map("media_id", m.id(), "style", style.equals("auto") ? "auto" : recipe.style().toString(),
                "recipe", RecipeCodec.toJson(recipe, RecipeCodec.MaskWriter.INLINE), "describe", recipe.describe(),
                "notes", recipe.notes()));
    }
}
