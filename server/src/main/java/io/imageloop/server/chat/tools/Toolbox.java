package io.imageloop.server.chat.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.engine.LoopException;
import io.imageloop.server.http.Json;
import io.imageloop.timeline.edit.EditException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The agent's tools over the draft, by name, each a thin adapter from JSON arguments to the
 * timeline's edit functions: targets resolved, preconditions checked, refusals explained. The
 * names and arguments are those of {@code tools.json}, which a language model sees.
 */
public final class Toolbox {

    /** One tool: reads its arguments, edits the workspace's draft or answers. */
    @FunctionalInterface
    public interface Tool {
        Outcome run(ObjectNode args, Workspace ws);
    }

    private final Map<String, Tool> tools = new LinkedHashMap<>();

    public Toolbox() {
        LoopTools.register(tools);
        tools.put("set_motion", MotionTool::run);
        SequenceTools.register(tools);
        TextTools.register(tools);
        MusicTools.register(tools);
        HistoryTools.register(tools);
        InfoTools.register(tools);
    }

    public Set<String> names() {
        return tools.keySet();
    }

    /** Runs one call; a refused precondition or an unknown tool is an outcome, never an exception. */
    public Outcome run(ToolCall call, Workspace ws) {
        Tool tool = tools.get(call.name());
        if (tool == null) return Outcome.refused(say -> say.unknownTool(call.name()));
        ObjectNode args = call.args() == null ? Json.MAPPER.createObjectNode() : call.args();
        try {
            return tool.run(args, ws);
        } catch (EditException e) {
            return Outcome.refused(say -> say.problem(e));
        } catch (LoopException e) {
            return Outcome.refused(say -> say.engineProblem(e.getMessage()));
        }
    }
}
