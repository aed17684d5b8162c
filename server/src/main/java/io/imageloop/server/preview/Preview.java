package io.imageloop.server.preview;

/**
 * Where one preview stands.
 *
 * @param status       {@link Status}
 * @param posterReady  the poster frame can be fetched
 * @param videoReady   the looping video can be fetched
 * @param retryAfterMs while waiting for the session's rate limit: how long until it starts
 * @param posterMillis how long the poster took (0 when it came from the cache or is not made yet)
 * @param loopMillis   how long the video took, likewise
 */
public record Preview(String sessionId, String key, int draftVersion, int segment, String media, Status status,
                      boolean posterReady, boolean videoReady, int width, int height, long durationMs, long retryAfterMs,
                      long posterMillis, long loopMillis, String error, long updatedAt) {

    public enum Status {
        /** Waiting for a render thread. */
        QUEUED,
        /** Held back by the session's rate limit; starts after {@code retryAfterMs}. */
        WAITING,
        /** The poster is being drawn. */
        RENDERING,
        /** The poster is ready, the video is being rendered. */
        POSTER,
        READY,
        FAILED,
        /** A newer edit replaced the loop before its preview was done. */
        CANCELLED;

        public boolean finished() {
            return this == READY || this == FAILED || this == CANCELLED;
        }

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    Preview with(Status s, long now) {
        return new Preview(sessionId, key, draftVersion, segment, media, s, posterReady || s == Status.POSTER || s == Status.READY,
                videoReady || s == Status.READY, width, height, durationMs, s == Status.WAITING ? retryAfterMs : 0,
                posterMillis, loopMillis, error, now);
    }

    Preview waiting(long retryAfter, long now) {
        return new Preview(sessionId, key, draftVersion, segment, media, Status.WAITING, false, false, width, height, durationMs,
                retryAfter, 0, 0, null, now);
    }

    Preview posterDone(long millis, long now) {
        return new Preview(sessionId, key, draftVersion, segment, media, Status.POSTER, true, false, width, height, durationMs, 0,
                millis, 0, null, now);
    }

    Preview loopDone(long millis, long now) {
        return new Preview(sessionId, key, draftVersion, segment, media, Status.READY, true, true, width, height, durationMs, 0,
                posterMillis, millis, null, now);
    }

    Preview failed(String message, long now) {
        return new Preview(sessionId, key, draftVersion, segment, media, Status.FAILED, posterReady, false, width, height, durationMs,
                0, posterMillis, 0, message, now);
    }

    /** The same preview as listed for a newer draft version that still shows this loop. */
    public Preview forVersion(int version, int index) {
        return new Preview(sessionId, key, version, index, media, status, posterReady, videoReady, width, height, durationMs,
                retryAfterMs, posterMillis, loopMillis, error, updatedAt);
    }
}
