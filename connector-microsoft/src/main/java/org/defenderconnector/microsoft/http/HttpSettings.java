package org.defenderconnector.microsoft.http;

import java.time.Duration;

/**
 * Timeouts and retries of the HTTP client.
 *
 * @param connectTimeout  TCP + TLS connect
 * @param requestTimeout  until the response headers arrive
 * @param bodyIdleTimeout longest silence while a body is being read; a stalled download is cut and retried
 */
public record HttpSettings(Duration connectTimeout, Duration requestTimeout, Duration bodyIdleTimeout,
                           RetryPolicy retry) {
    public static final HttpSettings DEFAULT = new HttpSettings(Duration.ofSeconds(20), Duration.ofSeconds(120),
            Duration.ofSeconds(120), RetryPolicy.DEFAULT);

    public HttpSettings withRetry(RetryPolicy retry) {
        return new HttpSettings(connectTimeout, requestTimeout, bodyIdleTimeout, retry);
    }

    public HttpSettings withTimeouts(Duration connect, Duration request, Duration bodyIdle) {
        return new HttpSettings(connect, request, bodyIdle, retry);
    }
}
