package org.defenderconnector.microsoft.hunting;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a throttled hunting call may be made again. MDE and XDR say the 429 body tells "what limit
 * was reached" and "the time until the quota you reached is reset" (api-incident.md, api terms),
 * without fixing a format; the Retry-After header may be there or not. This reads whatever is given:
 * the header, an ISO-8601 instant after the word "reset" or "again", or a number of seconds
 * ("in 840 seconds", "Try again in 23 seconds"), and takes the latest of them.
 */
final class QuotaReset {
    private static final Pattern INSTANT = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?(?:Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern SECONDS = Pattern.compile("(?:in|after)\\s+(\\d{1,6})\\s*(?:seconds|secs|sec|s)\\b");

    private QuotaReset() {
    }

    /** The reset instant, or {@code fallback} when neither header nor body says anything. */
    static Instant of(Duration retryAfter, String message, Instant now, Instant fallback) {
        Instant reset = null;
        if (retryAfter != null) {
            reset = now.plus(retryAfter);
        }
        if (message != null) {
            String lower = message.toLowerCase(Locale.ROOT);
            Matcher at = INSTANT.matcher(message);
            while (at.find()) {
                String before = lower.substring(Math.max(0, at.start() - 40), at.start());
                if (before.contains("reset") || before.contains("again") || before.contains("until")) {
                    try {
                        reset = later(reset, Instant.parse(at.group()));
                    } catch (DateTimeParseException ignored) {
                        // Not an instant after all.
                    }
                }
            }
            Matcher in = SECONDS.matcher(lower);
            if (in.find()) {
                reset = later(reset, now.plusSeconds(Long.parseLong(in.group(1))));
            }
        }
        return reset != null && reset.isAfter(now) ? reset : fallback;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
