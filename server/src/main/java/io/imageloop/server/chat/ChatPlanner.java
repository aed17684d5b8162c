package io.imageloop.server.chat;

import io.imageloop.engine.Engine;
import io.imageloop.engine.LoopException;
import io.imageloop.engine.frame.Aspect;
import io.imageloop.engine.plan.PlanHints;
import io.imageloop.engine.recipe.MotionRecipe;
import io.imageloop.server.store.MediaStore.MediaRecord;
import io.imageloop.timeline.edit.LoopPlanner;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's planner for the agent: {@code Engine.plan} on the uploaded file, the same call
 * the CLI makes. Plans are deterministic, so they are kept (a bounded cache by file, hints,
 * aspect and length): asking again, as edits that re-plan do, costs nothing.
 */
public final class ChatPlanner {

    private static final int CACHE = 256;

    private final Engine engine;
    private final Map<String, MotionRecipe> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, MotionRecipe> eldest) {
            return size() > CACHE;
        }
    });

    public ChatPlanner(Engine engine) {
        this.engine = engine;
    }

    /** The planner for one session's media: media ids resolve to the uploaded files. */
    public LoopPlanner forMedia(List<MediaRecord> media) {
        return (id, hints, aspect, seconds) -> {
            MediaRecord m = media.stream().filter(r -> r.id().equals(id)).findFirst()
                    .orElseThrow(() -> new LoopException(LoopException.Kind.INPUT_NOT_FOUND, "no uploaded photo " + id));
            return plan(Path.of(m.path()), hints, aspect, seconds);
        };
    }

    public MotionRecipe plan(Path photo, PlanHints hints, Aspect aspect, double seconds) {
        // The hints as their JSON (sets sorted), so equal hints always make the same key.
        String key = photo.toAbsolutePath() + "|" + io.imageloop.timeline.edit.Planned.hintsKey(hints) + "|" + aspect.label() + "|" + seconds;
        MotionRecipe hit = cache.get(key);
        if (hit != null) return hit;
        MotionRecipe r = engine.plan(photo, hints, aspect, seconds);
        cache.put(key, r);
        return r;
    }
}
