package org.defenderconnector.emulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.defenderconnector.emulator.data.DataControl;
import org.defenderconnector.emulator.data.EmulatorData;
import org.defenderconnector.emulator.directory.ResourceApi;
import org.defenderconnector.emulator.directory.TenantDirectory;
import org.defenderconnector.emulator.entra.TokenIssuer;
import org.defenderconnector.emulator.entra.TokenRequestCounter;
import org.defenderconnector.emulator.exportfiles.ExportFiles;
import org.defenderconnector.emulator.faults.Faults;
import org.defenderconnector.emulator.hunting.AdvancedHunting;
import org.defenderconnector.emulator.limits.RateLimits;

/**
 * Run-time control of a running emulator, for tests and for the HTTP admin endpoints: change the directory the
 * way an administrator would in the portal, read the token request counters, and reach each tenant's data, the
 * injected faults, the call quotas and the advanced hunting limits. Directory changes affect token requests made
 * afterwards; tokens already issued keep their roles until they expire, as with Entra.
 * Invalid arguments (unknown tenant, app, secret, API or grant) throw {@link IllegalArgumentException}.
 */
public final class EmulatorAdmin {

    private final TenantDirectory directory;
    private final TokenIssuer issuer;
    private final TokenRequestCounter counter;
    private final EmulatorData data;
    private final Faults faults;
    private final RateLimits limits;
    private final AdvancedHunting hunting;
    private final ExportFiles exportFiles;

    EmulatorAdmin(TenantDirectory directory, TokenIssuer issuer, TokenRequestCounter counter, EmulatorData data,
                  Faults faults, RateLimits limits, AdvancedHunting hunting, ExportFiles exportFiles) {
        this.directory = directory;
        this.issuer = issuer;
        this.counter = counter;
        this.data = data;
        this.faults = faults;
        this.limits = limits;
        this.hunting = hunting;
        this.exportFiles = exportFiles;
    }

    /** The data of a configured tenant (by id or verified domain): add and change records, regenerate. */
    public DataControl data(String tenantIdOrDomain) {
        String tenantId = directory.tenant(tenantIdOrDomain).map(TenantDirectory.Tenant::id)
                .orElseThrow(() -> new IllegalArgumentException("Unknown tenant '" + tenantIdOrDomain + "'"));
        return new DataControl(data, tenantId);
    }

    /** Injected faults: add and remove rules, invalidate tokens. */
    public Faults faults() {
        return faults;
    }

    /** Call quotas: change the numbers, turn them off, forget counted calls. */
    public RateLimits limits() {
        return limits;
    }

    /** Advanced hunting: row cap, result size, CPU budget, quota usage. */
    public AdvancedHunting hunting() {
        return hunting;
    }

    /** The vulnerability export's files: rows per file, a one-shot cut, the requests received (headers included). */
    public ExportFiles exportFiles() {
        return exportFiles;
    }

    /** Deletes a client secret from the app registration; requests with it then fail with AADSTS7000215. */
    public void revokeSecret(String clientId, String secretId) {
        directory.revokeSecret(clientId, secretId);
    }

    /**
     * Revokes the admin consent of one application permission.
     *
     * @param api the API's portal name ({@code WindowsDefenderATP}, {@code Microsoft Threat Protection},
     *            {@code Microsoft Graph}) or one of its identifier URIs
     */
    public void removePermission(String tenantId, String clientId, String api, String role) {
        directory.removeGrant(tenantId, clientId, resourceApi(api), role);
    }

    /** Grants one application permission with admin consent (creating the service principal if needed). */
    public void grantPermission(String tenantId, String clientId, String api, String role) {
        ResourceApi resource = resourceApi(api);
        if (resource.knownRoles().isEmpty()) {
            throw new IllegalArgumentException(resource.displayName() + " defines no application permissions: access"
                    + " to it is granted by Azure role assignments on the resource, which the emulator does not model");
        }
        directory.grant(tenantId, clientId, resource, role);
    }

    /** Lifetime of tokens issued from now on. */
    public void setTokenLifetime(Duration lifetime) {
        issuer.setLifetime(lifetime);
    }

    public Duration tokenLifetime() {
        return issuer.lifetime();
    }

    /**
     * Token requests received for (tenant, client, resource), successful or not. The tenant may be given by id
     * or domain; the resource as URI with or without {@code /.default} or a trailing slash.
     */
    public long tokenRequestCount(String tenantId, String clientId, String resource) {
        String tenant = directory.tenant(tenantId).map(TenantDirectory.Tenant::id).orElse(tenantId);
        return counter.count(TokenRequestCounter.Key.of(tenant, clientId, resource));
    }

    /** Every counter; keys are "tenantId clientId resource". */
    public Map<String, Long> tokenRequestCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counter.snapshot().forEach((key, count) -> counts.put(key.toString(), count));
        return counts;
    }

    /** Every counter as its key record (for the HTTP admin endpoint). */
    Map<TokenRequestCounter.Key, Long> tokenRequestCounters() {
        return counter.snapshot();
    }

    public void resetCounters() {
        counter.reset();
    }

    private static ResourceApi resourceApi(String api) {
        return ResourceApi.byNameOrIdentifier(api).orElseThrow(() -> new IllegalArgumentException(
                "Unknown API '" + api + "' (known: WindowsDefenderATP, Microsoft Threat Protection, Microsoft Graph,"
                        + " Azure Storage)"));
    }
}
