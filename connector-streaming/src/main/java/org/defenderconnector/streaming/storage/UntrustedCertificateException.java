package org.defenderconnector.streaming.storage;

/**
 * The storage endpoint's TLS certificate was not trusted. Raised by {@link UntrustedCertificatePolicy} in
 * place of the handshake failure, so that the SDK does not retry it until the call times out and the cause
 * is lost: a certificate that was not trusted will not be trusted on the next try either.
 */
final class UntrustedCertificateException extends RuntimeException {
    UntrustedCertificateException(String handshakeFailure) {
        // No cause on purpose: the SDK's retry policy retries anything caused by an IOException.
        super(handshakeFailure);
    }
}
