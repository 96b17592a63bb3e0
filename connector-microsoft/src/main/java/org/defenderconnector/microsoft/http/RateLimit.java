package org.defenderconnector.microsoft.http;

/** How many calls a family may make in any sliding minute and any sliding hour. */
public record RateLimit(int perMinute, int perHour) {
    public RateLimit {
        if (perMinute < 1 || perHour < 1) {
            throw new IllegalArgumentException("rate limits must be at least 1 call, got " + perMinute + "/min "
                    + perHour + "/h");
        }
    }

    @Override
    public String toString() {
        return perMinute + "/min, " + perHour + "/h";
    }
}
