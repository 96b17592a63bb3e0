package org.defenderconnector.microsoft.auth;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Entra ID did not issue a token. Carries what diagnosis needs — the AADSTS code, Entra's
 * {@code error}, the HTTP status, trace and correlation ids — and never the secret: the message is
 * built from Entra's description only, and scrubbed of the credential as a second guard.
 */
public final class TokenException extends RuntimeException {
    /** Why no token came back. */
    public enum Kind {
        /** Entra answered with an error body (AADSTS code). */
        REJECTED,
        /** The server's TLS certificate is not trusted (custom endpoint without its CA, TLS inspection). */
        TLS_UNTRUSTED,
        /** The login host could not be reached (DNS, connection refused, timeout). */
        UNREACHABLE,
        /** Anything else: an unexpected response or client-side failure. */
        FAILED
    }

    private final Kind kind;
    private final TokenKey key;
    private final Integer httpStatus;
    private final String error;
    private final Integer aadstsCode;
    private final String traceId;
    private final String correlationId;
    private final String description;

    public TokenException(Kind kind, TokenKey key, Integer httpStatus, String error, Integer aadstsCode,
                          String traceId, String correlationId, String description, Throwable cause) {
        super(buildMessage(kind, key, httpStatus, error, aadstsCode, traceId, correlationId, description), cause);
        this.kind = kind;
        this.key = key;
        this.httpStatus = httpStatus;
        this.error = error;
        this.aadstsCode = aadstsCode;
        this.traceId = traceId;
        this.correlationId = correlationId;
        this.description = description;
    }

    private static String buildMessage(Kind kind, TokenKey key, Integer httpStatus, String error, Integer code,
                                       String traceId, String correlationId, String description) {
        StringBuilder sb = new StringBuilder("No token for ").append(key).append(": ");
        if (code != null) {
            sb.append("AADSTS").append(code).append(' ');
        }
        if (error != null) {
            sb.append(error).append(' ');
        }
        if (httpStatus != null) {
            sb.append("(HTTP ").append(httpStatus).append(") ");
        }
        if (kind != Kind.REJECTED) {
            sb.append('[').append(kind).append("] ");
        }
        if (description != null && !description.isBlank()) {
            sb.append("- ").append(description);
        }
        if (traceId != null) {
            sb.append(" Trace ID: ").append(traceId);
        }
        if (correlationId != null) {
            sb.append(" Correlation ID: ").append(correlationId);
        }
        return sb.toString().strip();
    }

    public Kind kind() {
        return kind;
    }

    public TokenKey key() {
        return key;
    }

    public OptionalInt httpStatus() {
        return httpStatus == null ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** Entra's {@code error}, e.g. {@code invalid_client}; the field Microsoft says to react on. */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /** The AADSTS number, e.g. 7000215 for an invalid secret. */
    public OptionalInt aadstsCode() {
        return aadstsCode == null ? OptionalInt.empty() : OptionalInt.of(aadstsCode);
    }

    public Optional<String> traceId() {
        return Optional.ofNullable(traceId);
    }

    public Optional<String> correlationId() {
        return Optional.ofNullable(correlationId);
    }

    /** Entra's first description line (no trace lines), or the local failure's summary. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /**
     * True when trying again later may succeed: the login host was unreachable, Entra had a server
     * error or asked to slow down. False for configuration errors (wrong secret, unknown tenant...).
     */
    public boolean isTransient() {
        if (kind == Kind.UNREACHABLE || kind == Kind.FAILED) {
            return true;
        }
        if (kind != Kind.REJECTED) {
            return false;
        }
        if (httpStatus != null && httpStatus >= 500) {
            return true;
        }
        if ("temporarily_unavailable".equals(error)) {
            return true;
        }
        return aadstsCode != null && (aadstsCode == 90055 || aadstsCode == 50196);
    }

    /** True when the same credential will fail for every API of this tenant (not just one resource). */
    public boolean isCredentialProblem() {
        if (kind != Kind.REJECTED) {
            return kind == Kind.TLS_UNTRUSTED || kind == Kind.UNREACHABLE;
        }
        return aadstsCode == null || !(aadstsCode == 500011 || aadstsCode == 70011);
    }
}
