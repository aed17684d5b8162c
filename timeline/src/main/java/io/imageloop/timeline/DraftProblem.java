package io.imageloop.timeline;

import io.imageloop.engine.LoopException;
import io.imageloop.engine.LoopException.Kind;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One thing wrong with a draft, at a JSON-pointer-like path in short-key form, e.g.
 * {@code t[2].sg[0].d: duration must be > 0}. Paths name JSON keys so that a client (or the chat
 * agent) can point at the exact field to fix.
 */
public record DraftProblem(String path, String message) {

    /** At most this many problems are spelled out in an exception's one-line message. */
    private static final int LISTED = 5;

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }

    /** One {@link Kind#INVALID_PARAMETER} exception listing the problems on one line. */
    public static LoopException toException(List<DraftProblem> problems) {
        if (problems.isEmpty()) throw new IllegalArgumentException("no problems");
        String listed = problems.stream().limit(LISTED).map(DraftProblem::toString).collect(Collectors.joining("; "));
        if (problems.size() > LISTED) listed += "; and " + (problems.size() - LISTED) + " more";
        return new LoopException(Kind.INVALID_PARAMETER, "invalid draft: " + listed);
    }
}
