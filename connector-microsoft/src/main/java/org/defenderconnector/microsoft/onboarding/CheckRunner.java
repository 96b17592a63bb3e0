package org.defenderconnector.microsoft.onboarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.defenderconnector.microsoft.auth.AccessToken;
import org.defenderconnector.microsoft.auth.JwtClaims;
import org.defenderconnector.microsoft.auth.TokenException;
import org.defenderconnector.microsoft.auth.TokenSource;
import org.defenderconnector.microsoft.cloud.Api;
import org.defenderconnector.microsoft.permissions.DefenderStream;
import org.defenderconnector.microsoft.permissions.PermissionCatalog;
import org.defenderconnector.microsoft.permissions.StreamRequirement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Diagnoses an app registration for the requested streams.
 *
 * <ol>
 *   <li>per API the streams need: get a token and decode it (tid, aud, exp, roles);</li>
 *   <li>no {@code roles} claim: admin consent was never granted for that API;</li>
 *   <li>per stream: is one of its accepted permissions in the roles?</li>
 *   <li>per stream: one cheap read (e.g. {@code GET /api/alerts?$top=1}).</li>
 * </ol>
 * Later steps are skipped when an earlier one failed, and a credential error (wrong secret,
 * unknown tenant) is reported once rather than per API. Every failure carries its {@link Guidance}.
 */
public final class CheckRunner {
    private static final Logger log = LoggerFactory.getLogger(CheckRunner.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<CheckRequest, TokenSource> tokenSources;
    private final Clock clock;
    private final Duration probeTimeout;

    /** A runner using msal4j tokens and real HTTPS probes. */
    public CheckRunner() {
        this(req -> TokenSource.create(req.endpoints(), req.tls(), req.clientId(), req.credential()),
                Clock.systemUTC(), Duration.ofSeconds(60));
    }

    public CheckRunner(Function<CheckRequest, TokenSource> tokenSources, Clock clock, Duration probeTimeout) {
        this.tokenSources = tokenSources;
        this.clock = clock;
        this.probeTimeout = probeTimeout;
    }

    public CheckReport run(CheckRequest request) {
        log.info("Checking client {} in tenant {} ({}) for streams {}", request.clientId(), request.tenant(),
                request.endpoints().describe(), request.streams().stream().map(DefenderStream::id).toList());
        FailureDiagnosis diagnosis = new FailureDiagnosis(request);
        ApiProbe probe = new ApiProbe(request.tls(), probeTimeout);
        TokenSource tokens = tokenSources.apply(request);
        List<Check> checks = new ArrayList<>();
        Map<DefenderStream, CheckStatus> streams = new LinkedHashMap<>();
        request.streams().forEach(s -> streams.put(s, CheckStatus.FAIL));

        Map<Api, List<StreamRequirement>> byApi = new EnumMap<>(Api.class);
        for (DefenderStream s : request.streams()) {
            StreamRequirement r = PermissionCatalog.requirement(s);
            byApi.computeIfAbsent(r.api(), a -> new ArrayList<>()).add(r);
        }

        TokenException credentialFailure = null;
        Api credentialFailureApi = null;
        for (Map.Entry<Api, List<StreamRequirement>> entry : byApi.entrySet()) {
            Api api = entry.getKey();
            List<StreamRequirement> reqs = entry.getValue();
            String tokenId = "token:" + api.id();
            String tokenTitle = "token for " + api.entraName();
            if (credentialFailure != null) {
                checks.add(new Check(tokenId, CheckStatus.SKIP, tokenTitle,
                        "not attempted: the credential was already refused for " + credentialFailureApi.entraName(),
                        api, null, null));
                skipStreams(checks, reqs, "no token");
                continue;
            }
            AccessToken token;
            JwtClaims claims;
            try {
                token = tokens.accessToken(request.tenant(), api);
                claims = token.claims();
            } catch (TokenException e) {
                log.info("Token request failed: {}", e.getMessage());
                checks.add(new Check(tokenId, CheckStatus.FAIL, tokenTitle, e.getMessage(), api, null,
                        diagnosis.forToken(e, api)));
                if (e.isCredentialProblem()) {
                    credentialFailure = e;
                    credentialFailureApi = api;
                }
                skipStreams(checks, reqs, "no token");
                continue;
            } catch (IllegalArgumentException notAJwt) {
                checks.add(new Check(tokenId, CheckStatus.FAIL, tokenTitle,
                        "the token endpoint returned something that is not a JWT", api, null, null));
                skipStreams(checks, reqs, "no usable token");
                continue;
            }
            checks.add(new Check(tokenId, CheckStatus.PASS, tokenTitle, describe(claims, token), api, null, null));

            Api audienceOwner = ownerOfAudience(request, claims.audience());
            if (audienceOwner != null && audienceOwner != api) {
                checks.add(new Check("audience:" + api.id(), CheckStatus.FAIL, "audience for " + api.entraName(),
                        "the token is for " + audienceOwner.entraName() + " (" + claims.audience() + ")", api, null,
                        diagnosis.wrongAudience(api, claims.audience())));
                skipStreams(checks, reqs, "token for the wrong API");
                continue;
            }

            if (!claims.hasRolesClaim()) {
                Set<String> needed = new LinkedHashSet<>();
                reqs.forEach(r -> needed.add(r.leastPrivileged()));
                checks.add(new Check("consent:" + api.id(), CheckStatus.FAIL, "admin consent for " + api.entraName(),
                        "the token has no roles claim: no " + api.entraName() + " permission is granted with admin consent",
                        api, null, diagnosis.noConsent(api, String.join(", ", needed))));
                for (StreamRequirement r : reqs) {
                    checks.add(new Check("permission:" + r.stream().id(), CheckStatus.FAIL, permissionTitle(r),
                            r.leastPrivileged() + " not granted (no admin consent for " + api.entraName() + ")",
                            api, r.stream(), null));
                    checks.add(new Check("read:" + r.stream().id(), CheckStatus.SKIP, readTitle(r),
                            "not attempted: permission missing", api, r.stream(), null));
                }
                continue;
            }

            for (StreamRequirement r : reqs) {
                if (!r.satisfiedBy(claims.roles())) {
                    checks.add(new Check("permission:" + r.stream().id(), CheckStatus.FAIL, permissionTitle(r),
                            "none of " + String.join(", ", r.acceptedPermissions()) + " is in the token's roles",
                            api, r.stream(), diagnosis.missingPermission(r, claims)));
                    checks.add(new Check("read:" + r.stream().id(), CheckStatus.SKIP, readTitle(r),
                            "not attempted: permission missing", api, r.stream(), null));
                    continue;
                }
                String granted = r.acceptedPermissions().stream().filter(claims::hasRole).findFirst().orElseThrow();
                String permDetail = granted + " granted";
                if (r.caveat().isPresent() && !granted.equals(r.leastPrivileged())) {
                    permDetail += " (note: " + r.caveat().get() + ")";
                }
                checks.add(new Check("permission:" + r.stream().id(), CheckStatus.PASS, permissionTitle(r), permDetail,
                        api, r.stream(), null));
                Check read = read(request, diagnosis, probe, token, claims, r);
                checks.add(read);
                if (read.status() == CheckStatus.PASS) {
                    streams.put(r.stream(), CheckStatus.PASS);
                }
            }
        }
        CheckReport report = new CheckReport(request.tenant(), request.clientId(), request.credential().describe(),
                request.endpoints().describe(), checks, streams);
        log.info("Check finished: {} passed, {} failed, {} skipped; ok={}", report.count(CheckStatus.PASS),
                report.count(CheckStatus.FAIL), report.count(CheckStatus.SKIP), report.ok());
        return report;
    }

    private Check read(CheckRequest request, FailureDiagnosis diagnosis, ApiProbe probe, AccessToken token,
                       JwtClaims claims, StreamRequirement r) {
        Api api = r.api();
        URI base = request.endpoints().baseUrl(api);
        String id = "read:" + r.stream().id();
        try {
            ApiProbe.Response resp = probe.send(base, r.probe(), token.value());
            int status = resp.status();
            if (status >= 200 && status < 300) {
                return new Check(id, CheckStatus.PASS, readTitle(r), "HTTP " + status + successDetail(resp.body()),
                        api, r.stream(), null);
            }
            if (status == 404 && r.probe().notFoundMeansEmpty()) {
                return new Check(id, CheckStatus.PASS, readTitle(r),
                        "HTTP 404: nothing to list yet (Microsoft answers 404 for an empty list here)", api, r.stream(), null);
            }
            String message = FailureDiagnosis.errorMessage(resp.body());
            return new Check(id, CheckStatus.FAIL, readTitle(r),
                    "HTTP " + status + (message == null ? "" : ": " + abbreviate(message)),
                    api, r.stream(), diagnosis.forResponse(r, claims, resp));
        } catch (IOException e) {
            return new Check(id, CheckStatus.FAIL, readTitle(r),
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + abbreviate(e.getMessage())),
                    api, r.stream(), diagnosis.forIo(api, base, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Check(id, CheckStatus.FAIL, readTitle(r), "interrupted", api, r.stream(), null);
        }
    }

    /** The API whose documented audience {@code aud} is in this cloud, or null when it is none of them. */
    private static Api ownerOfAudience(CheckRequest request, String aud) {
        if (aud == null) {
            return null;
        }
        String wanted = normalize(aud);
        for (Api candidate : Api.values()) {
            if (normalize(request.endpoints().cloud().resource(candidate)).equals(wanted)) {
                return candidate;
            }
        }
        // MDE's second documented App ID URI (reference §1.2).
        if (wanted.equals("https://securitycenter.onmicrosoft.com/windowsatpservice")) {
            return Api.DEFENDER_ENDPOINT;
        }
        return null;
    }

    private static String normalize(String resource) {
        String s = resource.strip().toLowerCase(java.util.Locale.ROOT);
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static void skipStreams(List<Check> checks, List<StreamRequirement> reqs, String why) {
        for (StreamRequirement r : reqs) {
            checks.add(new Check("permission:" + r.stream().id(), CheckStatus.SKIP, permissionTitle(r),
                    "not attempted: " + why, r.api(), r.stream(), null));
            checks.add(new Check("read:" + r.stream().id(), CheckStatus.SKIP, readTitle(r),
                    "not attempted: " + why, r.api(), r.stream(), null));
        }
    }

    private String describe(JwtClaims claims, AccessToken token) {
        Instant exp = claims.expiry().orElse(token.expiresOn());
        long minutes = Math.max(0, Duration.between(clock.instant(), exp).toMinutes());
        return "tid=" + claims.tenantId() + ", aud=" + claims.audience() + ", expires "
                + exp.truncatedTo(ChronoUnit.SECONDS) + " (in " + minutes + " min), roles: "
                + (claims.hasRolesClaim() ? (claims.roles().isEmpty() ? "(empty)" : String.join(", ", claims.roles()))
                : "none (no roles claim)");
    }

    private static String successDetail(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            JsonNode value = node.get("value");
            if (value != null && value.isArray()) {
                return ", " + value.size() + (value.size() == 1 ? " record" : " records");
            }
            JsonNode results = node.has("results") ? node.get("results") : node.get("Results");
            if (results != null && results.isArray()) {
                return ", " + results.size() + (results.size() == 1 ? " row" : " rows");
            }
            return "";
        } catch (IOException | RuntimeException notJson) {
            return "";
        }
    }

    private static String permissionTitle(StreamRequirement r) {
        return "permission for " + r.stream().id();
    }

    private static String readTitle(StreamRequirement r) {
        return "read " + r.stream().id() + ": " + r.probe();
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 300 ? one.substring(0, 300) + "..." : one;
    }
}
