package io.imageloop.engine.media;

import io.imageloop.engine.LoopException;

/**
 * Input larger than imageloop accepts. A {@link LoopException} of kind
 * {@link LoopException.Kind#INPUT_TOO_LARGE} that also says which limit, the size found and the
 * size allowed, so callers can map each limit to a code of its own.
 */
public final class LimitExceeded extends LoopException {

    private final Limit limit;
    private final long actual;
    private final long allowed;

    public LimitExceeded(Limit limit, long actual, long allowed, String message) {
        super(Kind.INPUT_TOO_LARGE, message);
        this.limit = limit;
        this.actual = actual;
        this.allowed = allowed;
    }

    public Limit limit() {
        return limit;
    }

    public long actual() {
        return actual;
    }

    public long allowed() {
        return allowed;
    }
}
