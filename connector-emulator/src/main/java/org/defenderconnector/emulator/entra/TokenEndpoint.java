package org.defenderconnector.emulator.entra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import org.defenderconnector.emulator.directory.ResourceApi;
import org.defenderconnector.emulator.directory.TenantDirectory;
import org.defenderconnector.emulator.http.Exchanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /{tenant}/oauth2/token} (v1) and {@code POST /{tenant}/oauth2/v2.0/token} (v2), client credentials
 * grant only. Validates in the order that names the most fundamental problem first: tenant, grant type,
 * parameters, client registration, credential presence, resource/scope, then the credential itself.
 */
public final class TokenEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(TokenEndpoint.class);
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final TenantDirectory directory;
    private final ClientAuthenticator authenticator;
    private final TokenIssuer issuer;
    private final TokenRequestCounter counter;
    private final Clock clock;

    public TokenEndpoint(TenantDirectory directory, ClientAuthenticator authenticator, TokenIssuer issuer,
                         TokenRequestCounter counter, Clock clock) {
        this.directory = directory;
        this.authenticator = authenticator;
        this.issuer = issuer;
        this.counter = counter;
        this.clock = clock;
    }

    /**
     * @param authorities host[:port] values that name this server, the request's Host header first
     */
    public void handle(HttpExchange exchange, String tenantSegment, TokenRequest.Version version,
                       List<String> authorities) throws IOException {
        String traceId = UUID.randomUUID().toString();
        String clientRequestId = exchange.getRequestHeaders().getFirst("client-request-id");
        // Entra reports the caller's client-request-id as the correlation id; otherwise it makes one up.
        String correlationId = clientRequestId != null && GUID.matcher(clientRequestId).matches()
                ? clientRequestId : UUID.randomUUID().toString();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cache-Control", "no-store, no-cache");
        headers.put("Pragma", "no-cache");
        headers.put("x-ms-request-id", traceId);
        if (clientRequestId != null) {
            headers.put("client-request-id", clientRequestId);
        }
        try {
            if (!"POST".equals(exchange.getRequestMethod())) {
                throw AadError.POST_REQUIRED.exception(exchange.getRequestMethod());
            }
            String body = new String(Exchanges.readBody(exchange, MAX_BODY_BYTES), StandardCharsets.UTF_8);
            TokenRequest request = new TokenRequest(version, tenantSegment, Exchanges.parseForm(body), authorities);
            ObjectNode success = issue(request);
            Exchanges.sendJson(exchange, 200, success, headers);
        } catch (AadException failure) {
            LOG.info("Token request to tenant '{}' refused: {}", tenantSegment, failure.getMessage());
            Exchanges.sendJson(exchange, failure.error().httpStatus(),
                    AadErrorResponse.body(failure, traceId, correlationId, clock.instant()), headers);
        }
    }

    private ObjectNode issue(TokenRequest request) {
        TenantDirectory.Tenant tenant = directory.tenant(request.tenantSegment()).orElse(null);
        counter.record(TokenRequestCounter.Key.of(tenant == null ? request.tenantSegment() : tenant.id(),
                request.param("client_id"), request.requestedResource()));
        if (tenant == null) {
            throw AadError.TENANT_NOT_FOUND.exception(request.tenantSegment());
        }
        String grantType = request.param("grant_type");
        if (grantType == null) {
            throw AadError.PARAMETER_MISSING.exception("grant_type");
        }
        if (!"client_credentials".equals(grantType)) {
            throw AadError.UNSUPPORTED_GRANT_TYPE.exception(grantType);
        }
        if (request.version() == TokenRequest.Version.V2 && request.param("resource") != null) {
            throw AadError.RESOURCE_ON_V2.exception();
        }
        String clientId = request.param("client_id");
        if (clientId == null) {
            throw AadError.PARAMETER_MISSING.exception("client_id");
        }
        TenantDirectory.Application app = directory.application(clientId)
                .filter(registered -> directory.hasServicePrincipal(tenant.id(), registered.clientId()))
                .orElseThrow(() -> AadError.APPLICATION_NOT_FOUND.exception(clientId, tenant.displayName()));
        ClientAuthenticator.requireCredential(request);
        ResourceApi api = resolveResource(request, tenant);
        ClientAuthenticator.Method method = authenticator.authenticate(request, tenant, app);
        List<String> roles = directory.grantedRoles(tenant.id(), app.clientId(), api);
        String audience = request.requestedResource().trim();
        TokenIssuer.IssuedToken token = issuer.issue(tenant, app.clientId(), audience, roles, method);
        LOG.debug("Issued a token for app {} in tenant {} on {} with roles {}", app.clientId(), tenant.id(),
                audience, roles);
        return request.version() == TokenRequest.Version.V2 ? v2Body(token) : v1Body(token, audience);
    }

    private static ResourceApi resolveResource(TokenRequest request, TenantDirectory.Tenant tenant) {
        if (request.version() == TokenRequest.Version.V1) {
            String resource = request.param("resource");
            if (resource == null) {
                throw AadError.PARAMETER_MISSING.exception("resource");
            }
            return ResourceApi.byIdentifier(resource)
                    .orElseThrow(() -> AadError.RESOURCE_NOT_FOUND.exception(resource, tenant.displayName()));
        }
        String scope = request.param("scope");
        List<String> scopes = request.resourceScopes();
        if (scope == null || scopes.isEmpty()) {
            throw AadError.PARAMETER_MISSING.exception("scope");
        }
        if (scopes.size() > 1 || !scopes.get(0).endsWith("/.default")) {
            throw AadError.INVALID_SCOPE.exception(scope);
        }
        String resource = request.requestedResource();
        return ResourceApi.byIdentifier(resource)
                .orElseThrow(() -> AadError.SCOPE_RESOURCE_NOT_FOUND.exception(resource, tenant.displayName()));
    }

    /** v2: numbers are JSON numbers (samples/aad-token-response-v2.txt). */
    private static ObjectNode v2Body(TokenIssuer.IssuedToken token) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("token_type", "Bearer");
        body.put("expires_in", token.expiresInSeconds());
        body.put("ext_expires_in", token.expiresInSeconds());
        body.put("access_token", token.accessToken());
        return body;
    }

    /** v1: numbers are strings, plus expires_on, not_before and resource (reference §1.1). */
    private static ObjectNode v1Body(TokenIssuer.IssuedToken token, String resource) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("token_type", "Bearer");
        body.put("expires_in", Long.toString(token.expiresInSeconds()));
        body.put("ext_expires_in", Long.toString(token.expiresInSeconds()));
        body.put("expires_on", Long.toString(token.expiresOn().getEpochSecond()));
        body.put("not_before", Long.toString(token.notBefore().getEpochSecond()));
        body.put("resource", resource);
        body.put("access_token", token.accessToken());
        return body;
    }
}
