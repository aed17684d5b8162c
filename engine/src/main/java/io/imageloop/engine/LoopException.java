package io.imageloop.engine;

/**
 * A failure the user can act on: bad input, an unwritable output, an unsupported format.
 * The message is one plain sentence meant for people; {@link #kind()} lets callers map it to
 * exit codes (CLI) or error codes (service) without parsing text.
 */
public class LoopException extends RuntimeException {

    /** Why a loop could not be made. */
    public enum Kind {
        INPUT_NOT_FOUND,
        UNSUPPORTED_FORMAT,
        CORRUPT_INPUT,
        INPUT_TOO_LARGE,
        INVALID_PARAMETER,
        OUTPUT_NOT_WRITABLE,
        ENCODE_FAILED,
        CANCELLED
    }

    private final Kind kind;

    public LoopException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public LoopException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
