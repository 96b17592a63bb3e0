package org.defenderconnector.engine;

/**
 * The result of one poll-deliver-commit cycle.
 *
 * @param more      the source has more to read right away
 * @param retryable for failures: whether retrying soon can help (rate limit, 5xx) or the user must act
 */
public record PollOutcome(boolean ok, int records, boolean more, boolean retryable) {
    static PollOutcome delivered(int records, boolean more) {
        return new PollOutcome(true, records, more, true);
    }

    static PollOutcome failed(boolean retryable) {
        return new PollOutcome(false, 0, false, retryable);
    }
}
