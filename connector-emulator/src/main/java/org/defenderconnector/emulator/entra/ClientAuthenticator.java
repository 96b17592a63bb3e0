package org.defenderconnector.emulator.entra;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.defenderconnector.emulator.EmulatorConfig;
import org.defenderconnector.emulator.directory.RegisteredCertificate;
import org.defenderconnector.emulator.directory.TenantDirectory;
import org.defenderconnector.emulator.jwt.Jwt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates the client of a token request with a client secret or a certificate-signed client assertion
 * (private_key_jwt, shared/reference/microsoft-api.md §1.3), against the credentials on the app registration.
 */
public final class ClientAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(ClientAuthenticator.class);

    /** How the client proved its identity; reflected in the token's {@code appidacr} claim. */
    public enum Method {
        SECRET("1"), CERTIFICATE("2");

        private final String appidacr;

        Method(String appidacr) {
            this.appidacr = appidacr;
        }

        public String appidacr() {
            return appidacr;
        }
    }

    /** Tolerated clock difference for an assertion's {@code nbf} (client clocks run ahead). */
    private static final Duration NOT_BEFORE_SKEW = Duration.ofMinutes(5);

    private final Clock clock;

    public ClientAuthenticator(Clock clock) {
        this.clock = clock;
    }

    /** Fails early when the request carries no credential at all (checked before the resource). */
    public static void requireCredential(TokenRequest request) {
        if (request.param("client_secret") == null && request.param("client_assertion") == null) {
            throw AadError.CREDENTIAL_MISSING.exception();
        }
    }

    public Method authenticate(TokenRequest request, TenantDirectory.Tenant tenant, TenantDirectory.Application app) {
        requireCredential(request);
        if (request.param("client_assertion") != null) {
            verifyAssertion(request, tenant, app);
            return Method.CERTIFICATE;
        }
        verifySecret(request.param("client_secret"), app);
        return Method.SECRET;
    }

    private void verifySecret(String presented, TenantDirectory.Application app) {
        byte[] presentedBytes = presented.getBytes(StandardCharsets.UTF_8);
        Optional<EmulatorConfig.Secret> match = app.secrets().stream()
                .filter(secret -> MessageDigest.isEqual(secret.value().getBytes(StandardCharsets.UTF_8), presentedBytes))
                .findFirst();
        if (match.isEmpty()) {
            throw AadError.INVALID_CLIENT_SECRET.exception(app.clientId());
        }
        Instant expires = match.get().expires();
        if (expires != null && !clock.instant().isBefore(expires)) {
            throw AadError.CLIENT_SECRET_EXPIRED.exception(app.clientId());
        }
    }

    private void verifyAssertion(TokenRequest request, TenantDirectory.Tenant tenant, TenantDirectory.Application app) {
        String type = request.param("client_assertion_type");
        if (type == null) {
            throw AadError.PARAMETER_MISSING.exception("client_assertion_type");
        }
        if (!TokenRequest.ASSERTION_TYPE_JWT_BEARER.equals(type)) {
            throw AadError.ASSERTION_MALFORMED.exception("client_assertion_type must be '"
                    + TokenRequest.ASSERTION_TYPE_JWT_BEARER + "'.");
        }
        Jwt assertion;
        try {
            assertion = Jwt.parse(request.param("client_assertion"));
        } catch (Jwt.MalformedJwtException e) {
            throw AadError.ASSERTION_MALFORMED.exception("The client assertion: " + e.getMessage() + ".");
        }
        if (!"RS256".equals(assertion.alg()) && !"PS256".equals(assertion.alg())) {
            throw AadError.ASSERTION_MALFORMED.exception("Unsupported client assertion algorithm '" + assertion.alg()
                    + "'; use PS256 (or RS256).");
        }
        LOG.debug("Client assertion from app {}: alg {}, x5t#S256 {}, x5t {}, x5c {}", app.clientId(), assertion.alg(),
                assertion.header().has("x5t#S256"), assertion.header().has("x5t"), assertion.header().has("x5c"));
        RegisteredCertificate certificate = registeredCertificate(assertion, app);
        if (!assertion.verify(certificate.certificate().getPublicKey())) {
            throw AadError.ASSERTION_BAD_SIGNATURE.exception(app.clientId());
        }
        if (!app.clientId().equalsIgnoreCase(String.valueOf(assertion.claim("iss")))
                || !app.clientId().equalsIgnoreCase(String.valueOf(assertion.claim("sub")))) {
            throw AadError.ASSERTION_CLIENT_MISMATCH.exception(app.clientId());
        }
        checkAudience(assertion, request, tenant);
        checkTimes(assertion);
    }

    /** The certificate the header's {@code x5t#S256} (preferred) or {@code x5t} names. */
    private static RegisteredCertificate registeredCertificate(Jwt assertion, TenantDirectory.Application app) {
        String sha256 = assertion.header().path("x5t#S256").asText(null);
        String sha1 = assertion.header().path("x5t").asText(null);
        for (RegisteredCertificate certificate : app.certificates()) {
            if (sha256 != null ? certificate.hasSha256Thumbprint(sha256) : certificate.hasSha1Thumbprint(sha1)) {
                return certificate;
            }
        }
        String sent = sha256 != null ? sha256 : sha1 != null ? sha1 : "(no x5t#S256 or x5t header)";
        throw AadError.ASSERTION_KEY_NOT_REGISTERED.exception(sent, app.clientId());
    }

    /**
     * {@code aud} must be the token endpoint the assertion was posted to: v1 or v2 form, tenant by id or by any
     * of its domains, reached under this emulator's authority.
     */
    private static void checkAudience(Jwt assertion, TokenRequest request, TenantDirectory.Tenant tenant) {
        String audience = assertion.claim("aud");
        List<String> tenantNames = new java.util.ArrayList<>(tenant.domains());
        tenantNames.add(0, tenant.id());
        List<String> accepted = request.authorities().stream()
                .flatMap(authority -> tenantNames.stream().flatMap(name -> Stream.of(
                        "https://" + authority + "/" + name + "/oauth2/v2.0/token",
                        "https://" + authority + "/" + name + "/oauth2/token")))
                .toList();
        String normalized = audience == null ? "" : stripSlash(audience.toLowerCase(Locale.ROOT));
        if (accepted.stream().noneMatch(url -> url.toLowerCase(Locale.ROOT).equals(normalized))) {
            String expected = "https://" + request.authorities().get(0) + "/" + request.tenantSegment()
                    + (request.version() == TokenRequest.Version.V2 ? "/oauth2/v2.0/token" : "/oauth2/token");
            throw AadError.ASSERTION_AUDIENCE.exception(audience, "'" + expected + "'");
        }
    }

    private void checkTimes(Jwt assertion) {
        long now = clock.instant().getEpochSecond();
        Long exp = assertion.numericClaim("exp");
        if (exp == null) {
            throw AadError.ASSERTION_TIME_RANGE.exception("The assertion has no 'exp' claim.");
        }
        if (exp <= now) {
            throw AadError.ASSERTION_TIME_RANGE.exception("It expired at " + Instant.ofEpochSecond(exp)
                    + "; the current time is " + Instant.ofEpochSecond(now) + ".");
        }
        Long nbf = assertion.numericClaim("nbf");
        if (nbf != null && nbf > now + NOT_BEFORE_SKEW.toSeconds()) {
            throw AadError.ASSERTION_TIME_RANGE.exception("It is not valid before " + Instant.ofEpochSecond(nbf)
                    + "; the current time is " + Instant.ofEpochSecond(now) + ". Check the client's clock.");
        }
    }

    private static String stripSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
