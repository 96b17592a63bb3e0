package org.defenderconnector.emulator.directory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.defenderconnector.emulator.EmulatorConfig;

/**
 * The emulated directory: tenants, app registrations and the service principals present in each tenant with
 * their admin-consented application permissions. Lookups are case-insensitive like Entra's. It changes at run
 * time (secrets revoked, permissions granted or removed), so every method is synchronized; the directory is
 * small and lookups are cheap.
 */
public final class TenantDirectory {

    /** A tenant: its id and verified domains. */
    public record Tenant(String id, List<String> domains) {
        /** How Entra names a tenant in messages: its first domain, else its id. */
        public String displayName() {
            return domains.isEmpty() ? id : domains.get(0);
        }
    }

    /** An app registration with its current credentials. */
    public record Application(String clientId, String displayName, String homeTenant, boolean multiTenant,
                              List<EmulatorConfig.Secret> secrets, List<RegisteredCertificate> certificates) {
    }

    private final Map<String, Tenant> tenantsById = new HashMap<>();
    private final Map<String, String> tenantIdsByDomain = new HashMap<>();
    private final Map<String, Application> applications = new HashMap<>();
    /** Key: tenant id + "|" + client id (lower case). Presence means the service principal exists. */
    private final Map<String, Map<ResourceApi, Set<String>>> servicePrincipals = new HashMap<>();

    public TenantDirectory(EmulatorConfig config) {
        for (EmulatorConfig.Tenant tenant : config.tenants()) {
            String id = lower(tenant.id());
            tenantsById.put(id, new Tenant(id, List.copyOf(tenant.domains())));
            tenant.domains().forEach(domain -> tenantIdsByDomain.put(lower(domain), id));
        }
        for (EmulatorConfig.Application app : config.applications()) {
            List<RegisteredCertificate> certificates = app.certificates().stream()
                    .map(certificate -> RegisteredCertificate.fromPem(certificate.pem())).toList();
            applications.put(lower(app.clientId()), new Application(lower(app.clientId()),
                    app.displayName() == null ? app.clientId() : app.displayName(), lower(app.homeTenant()),
                    app.multiTenant(), List.copyOf(app.secrets()), certificates));
            // Registering an app in the portal creates its service principal in the home tenant.
            servicePrincipals.put(key(app.homeTenant(), app.clientId()), new EnumMap<>(ResourceApi.class));
        }
        for (EmulatorConfig.Tenant tenant : config.tenants()) {
            for (EmulatorConfig.ServicePrincipal sp : tenant.servicePrincipals()) {
                Map<ResourceApi, Set<String>> grants = new EnumMap<>(ResourceApi.class);
                sp.grants().forEach((apiName, roles) -> ResourceApi.byNameOrIdentifier(apiName)
                        .ifPresent(api -> grants.computeIfAbsent(api, a -> new LinkedHashSet<>()).addAll(roles)));
                servicePrincipals.put(key(tenant.id(), sp.clientId()), grants);
            }
        }
    }

    /** Resolves a tenant GUID or verified domain. */
    public synchronized Optional<Tenant> tenant(String idOrDomain) {
        String wanted = lower(idOrDomain);
        Tenant byId = tenantsById.get(wanted);
        if (byId != null) {
            return Optional.of(byId);
        }
        return Optional.ofNullable(tenantIdsByDomain.get(wanted)).map(tenantsById::get);
    }

    public synchronized Optional<Application> application(String clientId) {
        return Optional.ofNullable(applications.get(lower(clientId)));
    }

    /** True when the app has a service principal in the tenant (registered there, or consented). */
    public synchronized boolean hasServicePrincipal(String tenantId, String clientId) {
        return servicePrincipals.containsKey(key(tenantId, clientId));
    }

    /** The admin-consented application permissions of the app on {@code api} in the tenant; empty when none. */
    public synchronized List<String> grantedRoles(String tenantId, String clientId, ResourceApi api) {
        Map<ResourceApi, Set<String>> grants = servicePrincipals.get(key(tenantId, clientId));
        if (grants == null || !grants.containsKey(api)) {
            return List.of();
        }
        return List.copyOf(grants.get(api));
    }

    /** Deletes a client secret from the app registration (as in the portal's "Certificates &amp; secrets"). */
    public synchronized void revokeSecret(String clientId, String secretId) {
        Application app = requireApplication(clientId);
        List<EmulatorConfig.Secret> remaining = new ArrayList<>(app.secrets());
        if (!remaining.removeIf(secret -> secret.id().equalsIgnoreCase(secretId))) {
            throw new IllegalArgumentException("Application " + clientId + " has no secret with id " + secretId);
        }
        applications.put(app.clientId(), new Application(app.clientId(), app.displayName(), app.homeTenant(),
                app.multiTenant(), List.copyOf(remaining), app.certificates()));
    }

    /**
     * Grants an application permission with admin consent. Consent in a tenant where the app has no service
     * principal yet creates it, as admin consent does (only for multi-tenant apps outside their home tenant).
     */
    public synchronized void grant(String tenantIdOrDomain, String clientId, ResourceApi api, String role) {
        Tenant tenant = requireTenant(tenantIdOrDomain);
        Application app = requireApplication(clientId);
        if (!app.multiTenant() && !app.homeTenant().equals(tenant.id())) {
            throw new IllegalArgumentException("Application " + clientId + " is single-tenant and cannot be "
                    + "consented in tenant " + tenant.id());
        }
        servicePrincipals.computeIfAbsent(key(tenant.id(), app.clientId()), k -> new EnumMap<>(ResourceApi.class))
                .computeIfAbsent(api, a -> new LinkedHashSet<>()).add(role);
    }

    /** Removes a granted application permission (revokes its admin consent). */
    public synchronized void removeGrant(String tenantIdOrDomain, String clientId, ResourceApi api, String role) {
        Tenant tenant = requireTenant(tenantIdOrDomain);
        Map<ResourceApi, Set<String>> grants = servicePrincipals.get(key(tenant.id(), clientId));
        if (grants == null) {
            throw new IllegalArgumentException("Application " + clientId + " has no service principal in tenant "
                    + tenant.id());
        }
        Set<String> roles = grants.get(api);
        if (roles == null || !roles.remove(role)) {
            throw new IllegalArgumentException("Application " + clientId + " has no granted permission " + role
                    + " on " + api.displayName() + " in tenant " + tenant.id());
        }
        if (roles.isEmpty()) {
            grants.remove(api);
        }
    }

    private Tenant requireTenant(String idOrDomain) {
        return tenant(idOrDomain).orElseThrow(() -> new IllegalArgumentException("Unknown tenant " + idOrDomain));
    }

    private Application requireApplication(String clientId) {
        return application(clientId).orElseThrow(() -> new IllegalArgumentException("Unknown application " + clientId));
    }

    private static String key(String tenantId, String clientId) {
        return lower(tenantId) + "|" + lower(clientId);
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }
}
