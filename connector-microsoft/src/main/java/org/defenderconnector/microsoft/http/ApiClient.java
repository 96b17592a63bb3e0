package org.defenderconnector.microsoft.http;

import org.defenderconnector.api.SourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * GETs (and the POSTs of advanced hunting) against the Defender, XDR and Graph APIs with everything the docs ask of a client: a permit
 * from the tenant's {@link RateBudget} before each call, one token refresh on 401, Retry-After on
 * 429, jittered backoff with bounded attempts on 5xx, timeouts and broken bodies, and failures that
 * name the cause and the fix. Error bodies are logged with their correlation id (MDE {@code target},
 * Graph {@code request-id}); the Authorization header is never logged.
 *
 * <p>Thread-safe; one client serves every stream of a tenant.
 */
public final class ApiClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiClient.class);
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final HttpClient http;
    private final HttpSettings settings;
    private final RateBudget budget;
    private final Pause pause;
    private final Clock clock;
    private final BodyWatchdog watchdog;
    private final SignedDownloads downloads;

    public ApiClient(SSLContext sslContext, HttpSettings settings, RateBudget budget, Pause pause, Clock clock) {
        this.http = HttpClient.newBuilder()
                .sslContext(sslContext)
                .connectTimeout(settings.connectTimeout())
                // Never forward the bearer token to wherever a redirect points.
                .followRedirects(HttpClient.Redirect.NEVER)
                // One connection per download: a 200 MB export page streamed across polls must not
                // hold up the other streams' requests multiplexed on the same HTTP/2 connection.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.settings = settings;
        this.budget = budget;
        this.pause = pause;
        this.clock = clock;
        this.watchdog = new BodyWatchdog(settings.bodyIdleTimeout());
        this.downloads = new SignedDownloads(http, settings, pause, watchdog);
    }

    public ApiClient(SSLContext sslContext, RateBudget budget) {
        this(sslContext, HttpSettings.DEFAULT, budget, Pause.SLEEP, Clock.systemUTC());
    }

    public RateBudget budget() {
        return budget;
    }

    /** Downloads from SAS-signed URLs (export files): no token, no budget permit. */
    public SignedDownloads downloads() {
        return downloads;
    }

    public RetryPolicy retryPolicy() {
        return settings.retry();
    }

    /**
     * Sends the request and reads the whole body with {@code reader}; a body that breaks while being
     * read (cut short, not JSON, stalled) is fetched again, within the same attempt bound as a 5xx.
     */
    public <T> T get(ApiRequest request, BodyReader<T> reader) throws ApiException {
        RetryPolicy retry = settings.retry();
        for (int attempt = 1; ; attempt++) {
            try (ApiResponse response = open(request)) {
                return reader.read(response.body());
            } catch (IOException broken) {
                LOG.warn("{} {}: response body broken on attempt {} of {}: {}", request.family().displayName(),
                        request.path(), attempt, retry.maxAttempts(), broken.getMessage());
                if (attempt >= retry.maxAttempts()) {
                    throw brokenBody(request, broken, attempt);
                }
                sleep(retry.backoff(attempt), request);
            }
        }
    }

    /**
     * Waits the policy's backoff after the {@code failures}-th broken body of a stream the caller
     * reads itself (a download kept open across polls), before it opens the request again.
     */
    public void backOff(ApiRequest request, int failures) throws ApiException {
        sleep(settings.retry().backoff(failures), request);
    }

    /** The failure to report for a body that could not be read, after the retries the caller made. */
    public static ApiException brokenBody(ApiRequest request, IOException broken, int attempts) {
        return new ApiException(ApiException.Kind.MALFORMED_BODY, 200, request.family().displayName() + " "
                + request.path() + ": the response body was broken " + attempts + " time(s) in a row ("
                + broken.getMessage() + ")", true, null, null, broken);
    }

    /**
     * Sends the request, handling every non-2xx status as documented, and returns the open 2xx
     * response for the caller to stream. The caller closes it.
     */
    public ApiResponse open(ApiRequest request) throws ApiException {
        RetryPolicy retry = settings.retry();
        int failures = 0;
        int throttles = 0;
        boolean refreshed = false;
        while (true) {
            budget.acquire(request.family());
            String bearer = bearer(request);
            HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                    .timeout(settings.requestTimeout())
                    .header("Authorization", "Bearer " + bearer)
                    .header("Accept", "application/json");
            if (request.isPost()) {
                // Graph asks for an explicit charset when a hunting query holds non-ANSI characters.
                builder.header("Content-Type", "application/json; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(request.jsonBody(), StandardCharsets.UTF_8));
            } else {
                builder.GET();
            }
            HttpRequest http = builder.build();
            HttpResponse<InputStream> response;
            try {
                response = this.http.send(http, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                failures++;
                String what = e instanceof HttpTimeoutException ? "no response within "
                        + settings.requestTimeout().toSeconds() + " s" : "connection failed (" + e + ")";
                LOG.warn("{} {}: {} on attempt {} of {}", request.family().displayName(), request.path(), what,
                        failures, retry.maxAttempts());
                if (failures >= retry.maxAttempts()) {
                    throw new ApiException(ApiException.Kind.TRANSPORT, 0, request.family().displayName() + " "
                            + request.path() + ": " + what + ", " + failures + " attempts", true,
                            "check network access to " + request.uri().getHost() + " (proxy, firewall, DNS)", null, e);
                }
                sleep(retry.backoff(failures), request);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted(request, e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new ApiResponse(request, status, watchdog.watch(response.body()));
            }
            MicrosoftError error = MicrosoftError.parse(readErrorBody(response));
            // A 404 is often an answer, not a failure (the machine list is 404 when empty): the call site decides.
            if (status == 404) {
                LOG.debug("{} {} answered HTTP 404 ({}; correlation id {})", request.family().displayName(), request.path(),
                        error.describe(), error.correlationId() == null ? "none" : error.correlationId());
            } else {
                LOG.warn("{} {} answered HTTP {} ({}; correlation id {})", request.family().displayName(), request.path(),
                        status, error.describe(), error.correlationId() == null ? "none" : error.correlationId());
            }
            String prefix = request.family().displayName() + " " + request.path() + " answered HTTP " + status;
            switch (status) {
                case 401 -> {
                    // Tokens expire or get revoked mid-paging: one fresh token is worth a try, a second 401 is not.
                    request.token().invalidate();
                    if (!refreshed) {
                        refreshed = true;
                        continue;
                    }
                    throw new ApiException(ApiException.Kind.UNAUTHORIZED, status, prefix + " Unauthorized twice, with a"
                            + " freshly issued token (" + error.describe() + ")", false,
                            request.permission().tokenFix(), error.message(), null);
                }
                case 403 -> {
                    // The next try must not reuse a token minted before the admin grants consent.
                    request.token().invalidate();
                    throw new ApiException(ApiException.Kind.FORBIDDEN, status, prefix + " Forbidden: "
                            + error.describe() + " (accepted permissions: "
                            + String.join(", ", request.permission().roles()) + ")", false,
                            request.permission().grantFix(), error.message(), null);
                }
                case 404 -> throw new ApiException(ApiException.Kind.NOT_FOUND, status, prefix + ": "
                        + error.describe(), false, null, error.message(), null);
                case 429 -> {
                    throttles++;
                    Optional<Duration> asked = retryAfter(response);
                    Duration wait = asked.isPresent() ? asked.get() : retry.backoff(throttles);
                    budget.holdOff(request.family(), clock.instant().plus(wait));
                    if (throttles > retry.maxThrottleRetries() || wait.compareTo(retry.maxRetryAfter()) > 0) {
                        throw new ApiException(ApiException.Kind.THROTTLED, status, prefix + " Too Many Requests ("
                                + error.describe() + "); Microsoft asks to wait " + wait.toSeconds() + " s", true,
                                "if this persists, another client may be using the same app registration's quota,"
                                        + " or intervals are too short for the tenant's size", error.message(), null)
                                .withRetryAfter(asked.orElse(null));
                    }
                    // The budget now holds every call of this family (all streams of the tenant) until the
                    // wait is over; the next acquire() does the waiting.
                    LOG.info("{} {}: throttled, waiting {} ms ({})", request.family().displayName(), request.path(),
                            wait.toMillis(), asked.isPresent() ? "Retry-After" : "backoff");
                }
                default -> {
                    // 501 Not Implemented says the request will never work (an unsupported $expand): no retries.
                    if (status >= 500 && status != 501) {
                        failures++;
                        if (failures >= retry.maxAttempts()) {
                            throw new ApiException(ApiException.Kind.SERVER_ERROR, status, prefix + " "
                                    + failures + " times in a row (" + error.describe() + ")", true, null,
                                    error.message(), null);
                        }
                        sleep(retry.backoff(failures), request);
                    } else {
                        throw new ApiException(ApiException.Kind.BAD_REQUEST, status, prefix + ": " + error.describe(),
                                false, null, error.message(), null);
                    }
                }
            }
        }
    }

    private static String bearer(ApiRequest request) throws ApiException {
        try {
            return request.token().bearer();
        } catch (ApiException e) {
            throw e;
        } catch (SourceException e) {
            // Token failures carry their own cause and fix (AADSTS codes); keep them as they are.
            throw new ApiException(ApiException.Kind.UNAUTHORIZED, 0, e.getMessage(), e.retryable(), e.fix(), null, e);
        }
    }

    /** Retry-After as delta-seconds or as an HTTP-date (RFC 9110 §10.2.3). */
    Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException unreadable) {
                LOG.warn("ignoring an unreadable Retry-After header '{}'", value);
                return Optional.empty();
            }
        }
    }

    private static String readErrorBody(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            return new String(in.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private void sleep(Duration duration, ApiRequest request) throws ApiException {
        try {
            pause.pause(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(request, e);
        }
    }

    private static ApiException interrupted(ApiRequest request, InterruptedException e) {
        return new ApiException(ApiException.Kind.TRANSPORT, 0, request.family().displayName() + " "
                + request.path() + ": interrupted (the connector is stopping)", true, null, null, e);
    }

    @Override
    public void close() {
        watchdog.close();
    }
}
