package io.imageloop.server.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imageloop.server.chat.llm.ChatCompletions;
import io.imageloop.server.chat.llm.LlmConfig;
import io.imageloop.server.chat.llm.ToolSpecs;
import io.imageloop.server.chat.reply.Say;
import io.imageloop.server.chat.tools.Focus;
import io.imageloop.server.chat.tools.Outcome;
import io.imageloop.server.chat.tools.ToolCall;
import io.imageloop.server.chat.understand.Reader;
import io.imageloop.server.http.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An agent driven by a language model the user runs (Ollama, llama.cpp server, vLLM or a
 * hosted one) through the OpenAI-compatible chat/completions API: the model sees the same
 * tools ({@link ToolSpecs}) and calls them; the tools, the saving and the reply are the built-in
 * agent's, so the answer still says what the draft shows, never what the model claims. When
 * the model server cannot be reached before any tool ran, the built-in understanding answers
 * the turn instead.
 */
public final class LlmAgent implements ChatAgent {

    private static final Logger LOG = LoggerFactory.getLogger(LlmAgent.class);
    private static final int MAX_ROUNDS = 6;

    private final ChatCompletions client;
    private final RuleAgent rules;

    public LlmAgent(LlmConfig config, RuleAgent rules) {
        this.client = new ChatCompletions(config);
        this.rules = rules;
    }

    @Override
    public Turn handle(SessionContext session, String message, EventSink events) throws Exception {
        Focus focus = rules.memory().get(session);
        TurnRun run = new TurnRun(session, rules.planner().forMedia(session.media()), rules.tools(), focus, events);
        Say say = Say.of(Reader.chinese(message, session.chinese()));
        run.language(say);
        ArrayNode messages = Json.MAPPER.createArrayNode();
        messages.addObject().put("role", "system").put("content", Prompt.system(session, run.workspace(), focus));
        messages.addObject().put("role", "user").put("content", message);
        String text = null;
        int calls = 0;
        try {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                ChatCompletions.Reply reply = client.complete(messages, ToolSpecs.tools());
                messages.add(reply.message());
                if (reply.calls().isEmpty()) {
                    text = reply.content();
                    break;
                }
                for (ChatCompletions.Call c : reply.calls()) {
                    ObjectNode result;
                    JsonNode args = arguments(c.arguments());
                    if (args == null) {
                        result = Json.MAPPER.createObjectNode().put("status", "refused").put("message", "the arguments are not a JSON object");
                    } else {
                        Outcome o = run.call(new ToolCall(c.name(), (ObjectNode) args));
                        result = run.result(o);
                    }
                    calls++;
                    messages.addObject().put("role", "tool").put("tool_call_id", c.id()).put("content", Json.stringify(result));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (calls == 0) {
                LOG.warn("session {}: model server failed ({}); the built-in understanding answers", session.sessionId(), e.getMessage());
                return rules.handle(session, message, events);
            }
            LOG.warn("session {}: model server failed after {} tool calls ({}); keeping what they did", session.sessionId(), calls, e.getMessage());
        }
        List<Outcome> notes = new ArrayList<>();
        if (text != null && !text.isBlank() && run.quiet()) {
            String t = text.strip();
            // The model's words, and plainly that nothing was changed by them.
            notes.add(Outcome.answer(s -> t + "\n" + s.s("(The draft is unchanged.)", "（草稿未改动。）")));
        }
        return run.finish(notes, rules.memory());
    }

    private static JsonNode arguments(String text) {
        try {
            JsonNode n = Json.MAPPER.readTree(text == null || text.isBlank() ? "{}" : text);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }
}
