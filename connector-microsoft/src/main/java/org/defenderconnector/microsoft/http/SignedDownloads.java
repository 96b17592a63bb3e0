package org.defenderconnector.microsoft.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GETs of files behind a {@link SignedUrl} (Azure Storage blobs). Unlike {@link ApiClient}, a download
 * carries no Authorization header at all: the SAS in the URL is the credential, the file host is not a
 * Microsoft API, and an Entra token sent there would be a token handed to another service. Nor does a
 * download take a permit from the tenant's {@link RateBudget}: Storage is not the API whose calls it counts.
 *
 * <p>Connection failures and 5xx (Storage answers 503 ServerBusy when loaded) are retried with the
 * client's backoff; a 4xx is returned at once as an {@link ApiException} of kind UNAUTHORIZED (401),
 * FORBIDDEN (403: expired or altered signature), NOT_FOUND (404) or BAD_REQUEST, for the caller to decide
 * (a new listing gives new URLs). Messages name the file by its URL without the query.
 */
public final class SignedDownloads {
    private static final Logger LOG = LoggerFactory.getLogger(SignedDownloads.class);
    private static final int MAX_ERROR_BODY = 16 * 1024;
    private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Pattern DETAIL = Pattern.compile("<AuthenticationErrorDetail>([^<]*)</AuthenticationErrorDetail>");
    private static final String FAMILY = "Azure Storage";

    private final HttpClient http;
    private final HttpSettings settings;
    private final Pause pause;
    private final BodyWatchdog watchdog;

    SignedDownloads(HttpClient http, HttpSettings settings, Pause pause, BodyWatchdog watchdog) {
        this.http = http;
        this.settings = settings;
        this.pause = pause;
        this.watchdog = watchdog;
    }

    /** Opens the file; the caller reads and closes the stream (a stalled body fails like any broken one). */
    public InputStream open(SignedUrl url) throws ApiException {
        RetryPolicy retry = settings.retry();
        int failures = 0;
        while (true) {
            // Deliberately nothing but Accept: no Authorization, whatever the host.
            HttpRequest request = HttpRequest.newBuilder(url.uri()).timeout(settings.requestTimeout())
                    .header("Accept", "application/octet-stream").GET().build();
            HttpResponse<InputStream> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                failures++;
                String what = e instanceof HttpTimeoutException ? "no response within "
                        + settings.requestTimeout().toSeconds() + " s" : "connection failed (" + url.redact(e.toString()) + ")";
                LOG.warn("{} {}: {} on attempt {} of {}", FAMILY, url, what, failures, retry.maxAttempts());
                if (failures >= retry.maxAttempts()) {
                    throw new ApiException(ApiException.Kind.TRANSPORT, 0, FAMILY + " " + url + ": " + what + ", "
                            + failures + " attempts", true, "check network access to " + url.uri().getHost()
                            + " (proxy, firewall, DNS): the export files are downloaded from Azure Storage, not from the"
                            + " Defender API host", null, safeCause(url, e));
                }
                sleep(retry.backoff(failures), url);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(ApiException.Kind.TRANSPORT, 0, FAMILY + " " + url
                        + ": interrupted (the connector is stopping)", true, null, null, null);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return watchdog.watch(response.body());
            }
            String body = readErrorBody(response);
            String code = first(CODE, body);
            String detail = first(DETAIL, body);
            String requestId = response.headers().firstValue("x-ms-request-id").orElse("none");
            String described = url.redact((code == null ? "no error code" : code) + (detail == null ? ""
                    : ": " + withoutStringToSign(detail)));
            LOG.warn("{} {} answered HTTP {} ({}; request id {})", FAMILY, url, status, described, requestId);
            String message = FAMILY + " answered HTTP " + status + " (" + described + ") for the export file " + url;
            if (status >= 500) {
                failures++;
                if (failures >= retry.maxAttempts()) {
                    throw new ApiException(ApiException.Kind.SERVER_ERROR, status, message + ", " + failures
                            + " times in a row", true, null, code, null);
                }
                sleep(retry.backoff(failures), url);
                continue;
            }
            ApiException.Kind kind = switch (status) {
                case 401 -> ApiException.Kind.UNAUTHORIZED;
                case 403 -> ApiException.Kind.FORBIDDEN;
                case 404 -> ApiException.Kind.NOT_FOUND;
                case 429 -> ApiException.Kind.THROTTLED;
                default -> ApiException.Kind.BAD_REQUEST;
            };
            throw new ApiException(kind, status, message, true, "the download URLs expire (1 to 6 hours after the"
                    + " export listing); the connector asks for a new listing when one is refused", code, null);
        }
    }

    /** Storage's detail for a bad signature quotes the string it signed: not needed in a log. */
    private static String withoutStringToSign(String detail) {
        int at = detail.indexOf("String to sign");
        return at < 0 ? detail.trim() : detail.substring(0, at).trim();
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** The cause, unless its message would carry the signature. */
    private static Throwable safeCause(SignedUrl url, IOException e) {
        return url.redact(String.valueOf(e.getMessage())).equals(String.valueOf(e.getMessage())) ? e : null;
    }

    private static String readErrorBody(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            return new String(in.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private void sleep(java.time.Duration duration, SignedUrl url) throws ApiException {
        try {
            pause.pause(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ApiException.Kind.TRANSPORT, 0, FAMILY + " " + url
                    + ": interrupted (the connector is stopping)", true, null, null, e);
        }
    }
}
