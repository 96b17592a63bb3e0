package org.defenderconnector.microsoft.hunting;

import org.defenderconnector.microsoft.http.ApiException;

import java.time.Instant;

/**
 * A hunting query asked for more than one answer can hold: the API refused the result ("Query
 * execution has exceeded the allowed result size", HTTP 400), the query ran out of its time limit,
 * or the body grew past the connector's own byte limit. Either way the query must be asked again
 * over a shorter time window; nothing of this answer is used.
 */
public final class QueryTooLargeException extends ApiException {
    private final transient Instant lastTimestamp;

    /**
     * @param lastTimestamp the Timestamp of the last row read before the limit was reached, or null: the
     *                      window up to it is known to fit, which helps choose where to split
     */
    public QueryTooLargeException(int status, String message, String apiMessage, Instant lastTimestamp,
                                   Throwable cause) {
        super(Kind.BAD_REQUEST, status, message, true, "the window is split and read again", apiMessage, cause);
        this.lastTimestamp = lastTimestamp;
    }

    public Instant lastTimestamp() {
        return lastTimestamp;
    }
}
