package io.imageloop.server.chat.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A model server speaking the OpenAI-compatible chat/completions API with tool calls (Ollama,
 * llama.cpp server, vLLM or a hosted one).
 *
 * @param url   the API base ({@code http://localhost:11434/v1}) or the full chat/completions URL
 * @param model the model name the server knows
 * @param key   a bearer key, or null for servers without one
 */
public record LlmConfig(String url, String model, String key, Duration timeout) {

    public LlmConfig {
        if (url == null || url.isBlank()) throw new IllegalArgumentException("a model server URL is required");
        URI u = URI.create(url.trim());
        if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) {
            throw new IllegalArgumentException("the model server URL must be http or https, got " + url);
        }
        if (model == null || model.isBlank()) throw new IllegalArgumentException("a model name is required with a model server URL");
        if (timeout == null) timeout = Duration.ofSeconds(60);
    }

    /** {@code IMAGELOOP_LLM_URL}, {@code IMAGELOOP_LLM_MODEL}, {@code IMAGELOOP_LLM_KEY}; empty when no URL is set. */
    public static Optional<LlmConfig> fromEnv(Map<String, String> env) {
        return of(env.get("IMAGELOOP_LLM_URL"), env.get("IMAGELOOP_LLM_MODEL"), env.get("IMAGELOOP_LLM_KEY"));
    }

    /** A config from values that may be missing; empty when there is no URL. */
    public static Optional<LlmConfig> of(String url, String model, String key) {
        if (url == null || url.isBlank()) return Optional.empty();
        return Optional.of(new LlmConfig(url.trim(), model == null ? null : model.trim(), key == null || key.isBlank() ? null : key.trim(), null));
    }

    /** Where the requests go. */
    public URI endpoint() {
        String u = url.replaceAll("/+$", "");
        return URI.create(u.endsWith("/chat/completions") ? u : u + "/chat/completions");
    }
}
