package io.imageloop.server.http;

/**
 * Every {@code code} the API answers with, and its HTTP status. The contract fixes the first
 * block; the rest are this server's own and are listed in {@code /openapi.json}.
 */
public enum ErrorCode {
    OK(0, 200, "ok"),

    // From the contract.
    BAD_TOKEN(1001, 401, "bad or expired token"),
    SESSION_NOT_FOUND(1002, 404, "session not found"),
    OPERATOR_FORBIDDEN(1003, 403, "operator calls need the server's operator secret"),
    NO_CREDITS(2001, 402, "not enough credits"),
    UNSUPPORTED_FILE(4001, 415, "unsupported file type"),
    FILE_TOO_LARGE(4002, 413, "file too large"),
    MISSING_CLIENT_ID(400, 400, "missing X-Client-Id header"),
    PLAN_BLOCKED(402, 402, "your plan does not allow this export"),
    RATE_LIMITED(429, 429, "rate limit: one anonymous token per client every 7 days"),

    // This server's own.
    RENDER_NOT_FOUND(3001, 404, "render job not found"),
    DRAFT_INVALID(3003, 400, "the draft cannot be rendered"),
    MEDIA_NOT_FOUND(3004, 404, "media not found"),
    RENDER_NOT_READY(3005, 409, "the render is not finished"),
    DRAFT_TOO_LARGE(3006, 413, "the draft's JSON is larger than allowed"),
    TOO_MANY_SEGMENTS(3007, 413, "the draft has more segments than allowed"),
    TOO_MANY_TRACKS(3008, 413, "the draft has more tracks than allowed"),
    TEXT_TOO_LONG(3009, 413, "a text overlay is longer than allowed"),
    DRAFT_CONFLICT(3010, 409, "the draft changed since it was loaded"),
    PREVIEW_NOT_FOUND(3011, 404, "preview not found"),
    PREVIEW_NOT_READY(3012, 409, "the preview is not ready yet"),
    BAD_REQUEST(4000, 400, "bad request"),
    DAMAGED_FILE(4003, 422, "the file is damaged or cannot be read"),
    URL_REFUSED(4004, 400, "this URL cannot be fetched"),
    URL_FETCH_FAILED(4005, 502, "the URL could not be downloaded"),
    NO_FILE(4006, 400, "no file or url in the request"),
    IMAGE_TOO_LARGE(4007, 413, "the picture has more pixels than allowed"),
    VIDEO_TOO_LARGE(4008, 413, "the video's frames are larger than allowed"),
    MESSAGE_TOO_LONG(4009, 413, "the chat message is longer than allowed"),
    RANGE_NOT_SATISFIABLE(4016, 416, "requested range not satisfiable"),
    NO_SUCH_ENDPOINT(4040, 404, "no such endpoint"),
    METHOD_NOT_ALLOWED(4050, 405, "method not allowed"),
    INTERNAL(5000, 500, "internal error"),
    RENDER_FAILED(5001, 500, "the render failed"),
    RENDER_ABANDONED(5002, 500, "the render was interrupted too many times"),
    RENDER_TIMEOUT(5003, 500, "the render took longer than its time limit");

    private final int code;
    private final int http;
    private final String message;

    ErrorCode(int code, int http, String message) {
        this.code = code;
        this.http = http;
        this.message = message;
    }

    public int code() {
        return code;
    }

    public int http() {
        return http;
    }

    public String message() {
        return message;
    }

    /** The code for input over one of the engine's limits. */
    public static ErrorCode of(io.imageloop.engine.media.Limit limit) {
        return switch (limit) {
            case PHOTO_PIXELS -> IMAGE_TOO_LARGE;
            case VIDEO_PIXELS -> VIDEO_TOO_LARGE;
            case DRAFT_BYTES -> DRAFT_TOO_LARGE;
            case SEGMENTS -> TOO_MANY_SEGMENTS;
            case TRACKS -> TOO_MANY_TRACKS;
            case TEXT_LENGTH, TEXT_LINES -> TEXT_TOO_LONG;
            case MESSAGE_LENGTH -> MESSAGE_TOO_LONG;
        };
    }
}
