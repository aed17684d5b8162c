package io.imageloop.server.chat.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One tool the agent calls on the draft, with its arguments in the shape of the tool's JSON
 * schema ({@code tools.json}); the built-in understanding and a language model make the same calls.
 */
public record ToolCall(String name, ObjectNode args) {
}
