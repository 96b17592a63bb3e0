package org.defenderconnector.streaming.storage;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import reactor.core.publisher.Mono;

import javax.net.ssl.SSLHandshakeException;

/** Turns a failed TLS handshake of each try into an {@link UntrustedCertificateException} the SDK does not retry. */
final class UntrustedCertificatePolicy implements HttpPipelinePolicy {
    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        return next.process().onErrorMap(UntrustedCertificatePolicy::isHandshakeFailure,
                e -> new UntrustedCertificateException(handshakeMessage(e)));
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        try {
            return next.processSync();
        } catch (RuntimeException e) {
            if (isHandshakeFailure(e)) {
                throw new UntrustedCertificateException(handshakeMessage(e));
            }
            throw e;
        }
    }

    /** Placed after the retry policy: it sees every try. */
    @Override
    public HttpPipelinePosition getPipelinePosition() {
        return HttpPipelinePosition.PER_RETRY;
    }

    private static boolean isHandshakeFailure(Throwable e) {
        return handshake(e) != null;
    }

    private static SSLHandshakeException handshake(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLHandshakeException handshake) {
                return handshake;
            }
        }
        return null;
    }

    private static String handshakeMessage(Throwable e) {
        String message = handshake(e).getMessage();
        return message == null ? "TLS handshake failed" : message;
    }
}
