package io.imageloop.server.preview;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * At most {@code perWindow} starts in any window of {@code windowMs}: a sliding log of the
 * granted start times. Not thread-safe; the owner synchronises.
 */
final class RateLimit {

    private final int perWindow;
    private final long windowMs;
    private final Deque<Long> starts = new ArrayDeque<>();

    RateLimit(int perWindow, long windowMs) {
        this.perWindow = perWindow;
        this.windowMs = windowMs;
    }

    /**
     * Reserves the earliest start at or after {@code now} and returns how long to wait for it
     * (0 when a start is free now).
     */
    long reserve(long now) {
        while (!starts.isEmpty() && starts.peekFirst() <= now - windowMs) starts.pollFirst();
        long at = now;
        if (starts.size() >= perWindow) {
            // Reservations are in time order: the one perWindow back must leave the window first.
            Long[] all = starts.toArray(new Long[0]);
            at = Math.max(now, all[all.length - perWindow] + windowMs);
        }
        starts.addLast(at);
        return at - now;
    }

    /** Gives back a reservation that was never used (its render was superseded before it started). */
    void release(long at) {
        starts.removeLastOccurrence(at);
    }
}
