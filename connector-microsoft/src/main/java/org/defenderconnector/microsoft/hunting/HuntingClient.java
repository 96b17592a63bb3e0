package org.defenderconnector.microsoft.hunting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.microsoft.http.AccessToken;
import org.defenderconnector.microsoft.http.ApiClient;
import org.defenderconnector.microsoft.http.ApiException;
import org.defenderconnector.microsoft.http.ApiFamily;
import org.defenderconnector.microsoft.http.ApiRequest;
import org.defenderconnector.microsoft.http.ApiResponse;
import org.defenderconnector.microsoft.sources.ApiEndpoints;
import org.defenderconnector.microsoft.sources.ApiTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Runs one advanced hunting query against Graph runHuntingQuery or one of the legacy APIs, through
 * the tenant's {@link ApiClient} (rate budget of the HUNTING family, token refresh, Retry-After,
 * retries of 5xx and broken bodies). Turns the answers that mean "ask for less" into a
 * {@link QueryTooLargeException} and a refused query into an error that says how to check it.
 */
public final class HuntingClient {
    private static final Logger LOG = LoggerFactory.getLogger(HuntingClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The documented result size limit (run-advanced-query-api.md: 124 MB); our default stays below it. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;

    private final ApiClient client;
    private final HuntingApi api;
    private final URI uri;
    private final AccessToken token;
    private final HuntingResultReader reader;

    public HuntingClient(ApiClient client, HuntingApi api, URI uri, AccessToken token, long maxResponseBytes) {
        this.client = Objects.requireNonNull(client, "client");
        this.api = Objects.requireNonNull(api, "api");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.token = Objects.requireNonNull(token, "token");
        this.reader = new HuntingResultReader(maxResponseBytes);
    }

    /** The client of {@code api} at the tenant's endpoints, with the token of that API's audience. */
    public static HuntingClient of(ApiClient client, HuntingApi api, ApiEndpoints endpoints, ApiTokens tokens,
                                   long maxResponseBytes) {
        return new HuntingClient(client, api, api.uri(endpoints), api.token(tokens), maxResponseBytes);
    }

    public HuntingApi api() {
        return api;
    }

    /**
     * Runs {@code query}. {@code timespan} (ISO 8601 interval, e.g. {@code 2024-02-01T08:00:00Z/2024-02-15T08:00:00Z})
     * is sent to Graph only, which otherwise applies 30 days; null for none.
     *
     * @throws QueryTooLargeException when the query must be asked again over less data
     * @throws ApiException           for every other failure, with its cause and fix
     */
    public HuntingResult run(String query, String timespan) throws ApiException {
        ObjectNode body = JSON.createObjectNode().put("Query", query);
        if (timespan != null && api.acceptsTimespan()) {
            body.put("Timespan", timespan);
        }
        ApiRequest request = ApiRequest.post(uri, ApiFamily.HUNTING, token, api.permission(), body.toString());
        int maxAttempts = client.retryPolicy().maxAttempts();
        for (int attempt = 1; ; attempt++) {
            long sent = System.nanoTime();
            try (ApiResponse response = client.open(request)) {
                return reader.read(response.body(), sent);
            } catch (HuntingResultReader.TooLarge e) {
                throw new QueryTooLargeException(200, api.id() + " hunting " + request.path() + ": " + e.getMessage()
                        + " (the connector's response size limit)", null, e.lastTimestamp, e);
            } catch (IOException broken) {
                LOG.warn("{} hunting {}: response body broken on attempt {} of {}: {}", api.id(), request.path(),
                        attempt, maxAttempts, broken.getMessage());
                if (attempt >= maxAttempts) {
                    throw ApiClient.brokenBody(request, broken, attempt);
                }
                client.backOff(request, attempt);
            } catch (ApiException e) {
                throw translate(e, request);
            }
        }
    }

    private ApiException translate(ApiException e, ApiRequest request) {
        if (e.kind() != ApiException.Kind.BAD_REQUEST) {
            return e;
        }
        String said = (e.apiMessage() == null ? e.getMessage() : e.apiMessage());
        String lower = said.toLowerCase(Locale.ROOT);
        if (lower.contains("allowed result size") || (lower.contains("exceeded") && (lower.contains("time")
                || lower.contains("memory") || lower.contains("resource")))) {
            return new QueryTooLargeException(e.status(), api.id() + " hunting " + request.path() + " answered HTTP "
                    + e.status() + ": " + said, e.apiMessage(), null, e);
        }
        return new ApiException(ApiException.Kind.BAD_REQUEST, e.status(), e.getMessage(), false,
                "check the query: run it with 'defender-connector hunt' to see Microsoft's error; a table missing from"
                        + " the tenant (Identity*, Email*, UrlClickEvents need Defender for Identity or Defender for"
                        + " Office 365 data) is refused as an unknown name", e.apiMessage(), e);
    }
}
