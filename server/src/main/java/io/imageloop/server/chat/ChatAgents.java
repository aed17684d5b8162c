package io.imageloop.server.chat;

import io.imageloop.server.chat.llm.LlmConfig;

import java.util.Map;
import java.util.Optional;

/** The agent the service runs: the built-in one, or a model-driven one when a model server is configured. */
public final class ChatAgents {

    private ChatAgents() {
    }

    public static ChatAgent create(Optional<LlmConfig> llm) {
        RuleAgent rules = new RuleAgent();
        return llm.<ChatAgent>map(c -> new LlmAgent(c, rules)).orElse(rules);
    }

    /** From {@code IMAGELOOP_LLM_URL}, {@code IMAGELOOP_LLM_MODEL} and {@code IMAGELOOP_LLM_KEY}. */
    public static ChatAgent fromEnvironment(Map<String, String> env) {
        return create(LlmConfig.fromEnv(env));
    }
}
