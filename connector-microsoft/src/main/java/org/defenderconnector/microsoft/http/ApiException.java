package org.defenderconnector.microsoft.http;

import org.defenderconnector.api.SourceException;

import java.time.Duration;

/**
 * A call to a Microsoft API failed. Adds what callers need to decide what to do next: the HTTP
 * status (0 when no response came) and the kind of failure. Sources use the kind to tell a fault
 * of one query window (server error, timeout, broken body) from a fault of the whole stream
 * (credentials, permissions, throttling).
 */
public class ApiException extends SourceException {
    /** Why the call failed. */
    public enum Kind {
        /** 401 twice: the token is not accepted. */
        UNAUTHORIZED,
        /** 403: the app lacks the permission. */
        FORBIDDEN,
        /** 404: the call site decides (the machine list returns 404 when empty). */
        NOT_FOUND,
        /** Any other 4xx: the request is wrong; repeating it will not help. */
        BAD_REQUEST,
        /** 429 that outlasted the retries, or the client-side budget could not be had in time. */
        THROTTLED,
        /** 5xx after every retry. */
        SERVER_ERROR,
        /** No response: connection refused or reset, timeout. */
        TRANSPORT,
        /** A 2xx whose body was cut short or not the documented JSON. */
        MALFORMED_BODY
    }

    private final int status;
    private final Kind kind;
    private final String apiMessage;
    private Duration retryAfter;

    public ApiException(Kind kind, int status, String message, boolean retryable, String fix, String apiMessage,
                        Throwable cause) {
        super(message, retryable, fix, cause);
        this.kind = kind;
        this.status = status;
        this.apiMessage = apiMessage;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }

    /** The API's own error message, or null. */
    public String apiMessage() {
        return apiMessage;
    }

    /**
     * The wait the API asked for in a Retry-After header (429), or null. Set once, by the client that
     * read the response, before the exception is thrown.
     */
    public Duration retryAfter() {
        return retryAfter;
    }

    ApiException withRetryAfter(Duration wait) {
        this.retryAfter = wait;
        return this;
    }

    /** True for failures that may be tied to what was asked (one time window), not to the whole stream. */
    public boolean isQueryFault() {
        return kind == Kind.SERVER_ERROR || kind == Kind.TRANSPORT || kind == Kind.MALFORMED_BODY;
    }
}
