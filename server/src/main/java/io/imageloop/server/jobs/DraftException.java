package io.imageloop.server.jobs;

/** The draft cannot be rendered as it is; the message says what to change. */
public final class DraftException extends RuntimeException {

    public DraftException(String message) {
        super(message);
    }
}
