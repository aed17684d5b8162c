package io.imageloop.server.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** A failure the client is told about: a code from {@link ErrorCode}, a plain message, optional data. */
public final class ApiException extends RuntimeException {

    private final ErrorCode error;
    private final Map<String, Object> data = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiException(ErrorCode error, String message) {
        super(message == null ? error.message() : message);
        this.error = error;
    }

    public ApiException(ErrorCode error) {
        this(error, null);
    }

    public ErrorCode error() {
        return error;
    }

    public Map<String, Object> data() {
        return data;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public ApiException with(String key, Object value) {
        data.put(key, value);
        return this;
    }

    public ApiException header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
