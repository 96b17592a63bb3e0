package org.defenderconnector.emulator.faults;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

import org.defenderconnector.emulator.api.ApiFamily;
import org.defenderconnector.emulator.api.ApiPolicy;
import org.defenderconnector.emulator.api.ApiRequest;
import org.defenderconnector.emulator.api.ApiResponse;
import org.defenderconnector.emulator.api.ApiRoute;
import org.defenderconnector.emulator.http.ConnectionAbort;
import org.defenderconnector.emulator.odata.TimeWindow;

/**
 * Applies {@link Faults} to API requests: refuses invalidated tokens, then runs the matching rules in order
 * (latency delays and carries on; throttle, server errors and failing windows answer instead of the handler;
 * truncation cuts the handler's answer).
 */
public final class FaultPolicy implements ApiPolicy {

    private final Faults faults;
    private final RequestWindows windows;

    public FaultPolicy(Faults faults, RequestWindows windows) {
        this.faults = faults;
        this.windows = windows;
    }

    @Override
    public ApiResponse before(ApiRequest request, ApiRoute route) {
        String tenant = request.caller().tenantId();
        for (Faults.Active active : faults.matching(request.path(), tenant)) {
            FaultRule rule = active.rule;
            switch (rule.kind()) {
                case EXPIRE_TOKENS -> {
                    int after = rule.afterRequests() == null ? 0 : rule.afterRequests();
                    if (active.seen() > after && active.hit()) {
                        if (rule.tenants().isEmpty()) {
                            faults.expireTokensNow();
                        } else {
                            rule.tenants().forEach(faults::expireTokensNow);
                        }
                    }
                }
                case LATENCY -> {
                    if (active.hit()) {
                        sleep(rule.latencyMillis() == null ? 1_000 : rule.latencyMillis());
                    }
                }
                default -> {
                }
            }
        }
        ApiResponse expired = expiredToken(request);
        if (expired != null) {
            return expired;
        }
        for (Faults.Active active : faults.matching(request.path(), tenant)) {
            FaultRule rule = active.rule;
            switch (rule.kind()) {
                case THROTTLE -> {
                    if (active.hit()) {
                        int seconds = rule.retryAfterSeconds() == null ? 1 : rule.retryAfterSeconds();
                        return request.error(429, "TooManyRequests", "Rate limit is exceeded. Try again in "
                                + seconds + " seconds.").withHeader("Retry-After", Integer.toString(seconds));
                    }
                }
                case SERVER_ERROR -> {
                    if (active.hit()) {
                        return serverError(request, rule);
                    }
                }
                case FAIL_WINDOW -> {
                    Optional<TimeWindow> window = windows.of(request);
                    if (window.isPresent() && window.get().contains(rule.time()) && active.hit()) {
                        return serverError(request, rule);
                    }
                }
                default -> {
                }
            }
        }
        return null;
    }

    @Override
    public ApiResponse after(ApiRequest request, ApiRoute route, ApiResponse response) {
        if (response.status() != 200) {
            return response;
        }
        for (Faults.Active active : faults.matching(request.path(), request.caller().tenantId())) {
            if (active.rule.kind() == FaultKind.TRUNCATE && active.hit()) {
                return truncated(response, active.rule.afterBytes());
            }
        }
        return response;
    }

    private ApiResponse expiredToken(ApiRequest request) {
        if (!faults.refused(request.caller().tenantId(), request.caller().tokenId())) {
            return null;
        }
        boolean graph = request.family() == ApiFamily.GRAPH;
        return request.error(401, graph ? "InvalidAuthenticationToken" : "Unauthorized", graph
                        ? "Lifetime validation failed, the token is expired."
                        : "The access token has expired or was revoked. Acquire a new token.")
                .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }

    /** 500/503 bodies as documented: MDE/XDR InternalServerError ("retry the operation"); Graph's error codes. */
    private static ApiResponse serverError(ApiRequest request, FaultRule rule) {
        int status = rule.status() == null ? 500 : rule.status();
        boolean graph = request.family() == ApiFamily.GRAPH;
        if (status == 503) {
            int seconds = rule.retryAfterSeconds() == null ? 1 : rule.retryAfterSeconds();
            return request.error(503, graph ? "serviceNotAvailable" : "ServiceUnavailable",
                            "The service is temporarily unavailable. Retry the request after a delay.")
                    .withHeader("Retry-After", Integer.toString(seconds));
        }
        return request.error(500, graph ? "generalException" : "InternalServerError",
                graph ? "An unspecified error has occurred." : "An internal error occurred; retry the operation.");
    }

    static ApiResponse truncated(ApiResponse response, Integer afterBytes) {
        if (response.stream() == null) {
            byte[] body = response.body();
            int keep = Math.max(0, Math.min(afterBytes == null ? body.length / 2 : afterBytes, body.length - 1));
            return new ApiResponse(response.status(), response.headers(), response.contentType(), null, out -> {
                out.write(body, 0, keep);
                out.flush();
                throw new ConnectionAbort("fault injection: truncated after " + keep + " of " + body.length + " bytes");
            });
        }
        int keep = afterBytes == null ? 1_024 : afterBytes;
        return new ApiResponse(response.status(), response.headers(), response.contentType(), null, out -> {
            response.stream().writeTo(new CuttingStream(out, keep));
            out.flush();
            throw new ConnectionAbort("fault injection: the body ended before " + keep + " bytes; dropped at its end");
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Passes {@code limit} bytes through, then drops the connection. */
    private static final class CuttingStream extends OutputStream {
        private final OutputStream out;
        private long remaining;

        CuttingStream(OutputStream out, long limit) {
            this.out = out;
            this.remaining = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            int allowed = (int) Math.min(length, remaining);
            out.write(bytes, offset, allowed);
            remaining -= allowed;
            if (allowed < length) {
                out.flush();
                throw new ConnectionAbort("fault injection: truncated the streamed body");
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
