package io.imageloop.server.http;

import io.imageloop.engine.media.LimitExceeded;

/** Domain failures as API answers: each limit has its own code, with the size found and the size allowed. */
public final class ApiErrors {

    private ApiErrors() {
    }

    public static ApiException of(LimitExceeded e) {
        return new ApiException(ErrorCode.of(e.limit()), e.getMessage())
                .with("limit", e.limit().name().toLowerCase(java.util.Locale.ROOT))
                .with("actual", e.actual())
                .with("allowed", e.allowed());
    }
}
