package org.defenderconnector.api;

/**
 * A stream could not be read. Carries what a user needs: whether retrying can help, and the fix.
 * The message must never contain a secret or a token.
 */
public class SourceException extends Exception {
    private final boolean retryable;
    private final String fix;

    public SourceException(String message, boolean retryable, String fix, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.fix = fix;
    }

    public SourceException(String message, boolean retryable, String fix) {
        this(message, retryable, fix, null);
    }

    public boolean retryable() {
        return retryable;
    }

    /** What the user should do, or null when there is nothing to do but wait. */
    public String fix() {
        return fix;
    }
}
