package io.imageloop.server.chat;

/**
 * Handles one user turn of a session's chat. Implementations read the session, may save a new
 * draft version, and report what they do through the sink; the HTTP layer turns that into the
 * {@code /run_sse} event stream. Replace this to plug in a richer agent.
 */
public interface ChatAgent {

    Turn handle(SessionContext session, String message, EventSink events) throws Exception;
}
