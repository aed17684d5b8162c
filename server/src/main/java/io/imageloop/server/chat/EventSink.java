package io.imageloop.server.chat;

import com.fasterxml.jackson.databind.JsonNode;

/** Where an agent reports a turn as it happens. Calls are cheap and never throw on a gone client. */
public interface EventSink {

    /** Text for the user. */
    void text(String text);

    /** A tool the agent calls; clients process these internally. */
    void functionCall(String callId, String name, JsonNode args);

    /** The result of the call with the same id. */
    void functionResponse(String callId, String name, JsonNode response);

    /** Progress of longer work, 0..1, with a short label. */
    void progress(String stage, double fraction, String label);
}
