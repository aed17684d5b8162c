package io.imageloop.timeline.edit;

import java.util.Map;

/**
 * An edit that cannot be made as asked: a precondition failed (no such photo, a loop length
 * outside 1-60 s, no music to adjust). The draft is left as it was. {@link #problem()} and
 * {@link #details()} let the caller explain it in the user's language; the message is a plain
 * English sentence for logs and English replies.
 */
public final class EditException extends RuntimeException {

    /** Why an edit was refused. */
    public enum Problem {
        /** The draft has no photo loop yet. */
        NO_LOOPS,
        /** A target names a photo or segment that is not there ({@code asked}, {@code count}). */
        NO_SUCH_SEGMENT,
        /** A loop length outside what the product makes ({@code min}, {@code max}, {@code asked} in seconds). */
        LENGTH_OUT_OF_RANGE,
        /** A repeat count outside 1..{@code max}. */
        REPEATS_OUT_OF_RANGE,
        /** Motion already as strong or as gentle as it goes ({@code limit}). */
        STRENGTH_LIMIT,
        /** Removing this would leave nothing to play. */
        WOULD_EMPTY_TIMELINE,
        /** The edit would leave the loop with nothing that moves. */
        NOTHING_WOULD_MOVE,
        /** Nothing flows in the loop, so there is no direction to change. */
        NOTHING_FLOWS,
        /** Faces and people are always held still. */
        PEOPLE_HOLD_STILL,
        /** The segment is a video clip: it plays as it is, with no motion to edit. */
        NOT_A_PHOTO,
        /** No text on the timeline (or none matching, {@code asked}). */
        NO_TEXT,
        /** Text content that is empty or too long ({@code max}). */
        BAD_TEXT,
        /** A time outside the timeline ({@code asked}, {@code length} in seconds). */
        TIME_OUT_OF_RANGE,
        /** No music on the timeline. */
        NO_MUSIC,
        /** Volume outside 0-200% ({@code asked}). */
        VOLUME_OUT_OF_RANGE,
        /** A fade longer than the timeline ({@code asked}, {@code length}). */
        FADE_TOO_LONG
    }

    private final Problem problem;
    private final Map<String, Object> details;

    public EditException(Problem problem, String message, Map<String, Object> details) {
        super(message);
        this.problem = problem;
        this.details = Map.copyOf(details);
    }

    public EditException(Problem problem, String message) {
        this(problem, message, Map.of());
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, Object> details() {
        return details;
    }
}
