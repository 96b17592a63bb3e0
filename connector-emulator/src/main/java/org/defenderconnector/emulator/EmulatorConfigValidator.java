package org.defenderconnector.emulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.defenderconnector.emulator.directory.RegisteredCertificate;
import org.defenderconnector.emulator.directory.ResourceApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that a config describes a directory Entra could actually hold: GUID identifiers, references that
 * resolve, single-tenant apps only in their home tenant, known API names. Every problem is reported at once.
 */
final class EmulatorConfigValidator {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorConfigValidator.class);
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int MAX_LIFETIME_SECONDS = 86_400;

    private final List<String> problems = new ArrayList<>();

    private EmulatorConfigValidator() {
    }

    static void requireValid(EmulatorConfig config) {
        EmulatorConfigValidator validator = new EmulatorConfigValidator();
        validator.check(config);
        if (!validator.problems.isEmpty()) {
            throw new EmulatorConfigException("Invalid emulator config:\n  - " + String.join("\n  - ", validator.problems));
        }
    }

    private void check(EmulatorConfig config) {
        if (config.tokenLifetimeSeconds() < 1 || config.tokenLifetimeSeconds() > MAX_LIFETIME_SECONDS) {
            problems.add("tokenLifetimeSeconds must be between 1 and " + MAX_LIFETIME_SECONDS);
        }
        problems.addAll(config.limits().problems("limits"));
        problems.addAll(config.hunting().problems("hunting"));
        for (int f = 0; f < config.faults().size(); f++) {
            problems.addAll(config.faults().get(f).problems("faults[" + f + "]"));
        }
        Set<String> tenantIds = new HashSet<>();
        Set<String> domains = new HashSet<>();
        for (int t = 0; t < config.tenants().size(); t++) {
            EmulatorConfig.Tenant tenant = config.tenants().get(t);
            String where = "tenants[" + t + "]";
            if (tenant.data() != null) {
                problems.addAll(tenant.data().problems(where + ".data"));
            }
            if (requireGuid(where + ".id", tenant.id()) && !tenantIds.add(lower(tenant.id()))) {
                problems.add(where + ".id " + tenant.id() + " appears twice");
            }
            for (String domain : tenant.domains()) {
                if (domain == null || !domain.contains(".")) {
                    problems.add(where + ".domains: '" + domain + "' is not a domain name");
                } else if (!domains.add(lower(domain))) {
                    problems.add(where + ".domains: " + domain + " is already a domain of another tenant");
                }
            }
        }
        Map<String, EmulatorConfig.Application> apps = new java.util.HashMap<>();
        for (int a = 0; a < config.applications().size(); a++) {
            EmulatorConfig.Application app = config.applications().get(a);
            String where = "applications[" + a + "]";
            if (requireGuid(where + ".clientId", app.clientId()) && apps.putIfAbsent(lower(app.clientId()), app) != null) {
                problems.add(where + ".clientId " + app.clientId() + " appears twice");
            }
            if (requireGuid(where + ".homeTenant", app.homeTenant()) && !tenantIds.contains(lower(app.homeTenant()))) {
                problems.add(where + ".homeTenant " + app.homeTenant() + " is not one of the configured tenants");
            }
            checkCredentials(where, app);
        }
        for (int t = 0; t < config.tenants().size(); t++) {
            EmulatorConfig.Tenant tenant = config.tenants().get(t);
            Set<String> seen = new HashSet<>();
            for (int s = 0; s < tenant.servicePrincipals().size(); s++) {
                EmulatorConfig.ServicePrincipal sp = tenant.servicePrincipals().get(s);
                String where = "tenants[" + t + "].servicePrincipals[" + s + "]";
                if (!requireGuid(where + ".clientId", sp.clientId())) {
                    continue;
                }
                if (!seen.add(lower(sp.clientId()))) {
                    problems.add(where + ".clientId " + sp.clientId() + " appears twice in this tenant");
                }
                EmulatorConfig.Application app = apps.get(lower(sp.clientId()));
                if (app == null) {
                    problems.add(where + ".clientId " + sp.clientId() + " is not one of the configured applications");
                } else if (!app.multiTenant() && app.homeTenant() != null
                        && !app.homeTenant().equalsIgnoreCase(tenant.id())) {
                    problems.add(where + ": application " + sp.clientId() + " is single-tenant (home tenant "
                            + app.homeTenant() + ") and cannot be consented in tenant " + tenant.id()
                            + "; set multiTenant: true on the application");
                }
                checkPermissions(where + ".grants", sp.grants());
                checkPermissions(where + ".requestedNotConsented", sp.requestedNotConsented());
            }
        }
    }

    private void checkCredentials(String where, EmulatorConfig.Application app) {
        Set<String> secretIds = new HashSet<>();
        for (int s = 0; s < app.secrets().size(); s++) {
            EmulatorConfig.Secret secret = app.secrets().get(s);
            if (requireGuid(where + ".secrets[" + s + "].id", secret.id()) && !secretIds.add(lower(secret.id()))) {
                problems.add(where + ".secrets[" + s + "].id " + secret.id() + " appears twice");
            }
            if (secret.value() == null || secret.value().isBlank()) {
                problems.add(where + ".secrets[" + s + "].value is missing");
            }
        }
        for (int c = 0; c < app.certificates().size(); c++) {
            EmulatorConfig.Certificate certificate = app.certificates().get(c);
            if (certificate.pem() == null) {
                problems.add(where + ".certificates[" + c + "] needs 'pem' or 'path'");
                continue;
            }
            try {
                RegisteredCertificate.fromPem(certificate.pem());
            } catch (IllegalArgumentException e) {
                problems.add(where + ".certificates[" + c + "]: " + e.getMessage());
            }
        }
    }

    private void checkPermissions(String where, Map<String, List<String>> permissions) {
        permissions.forEach((apiName, roles) -> {
            var api = ResourceApi.byNameOrIdentifier(apiName);
            if (api.isEmpty()) {
                problems.add(where + ": unknown API '" + apiName + "' (known: " + String.join(", ",
                        Arrays.stream(ResourceApi.values()).map(ResourceApi::displayName).toList()) + ")");
                return;
            }
            if (api.get().knownRoles().isEmpty() && !roles.isEmpty()) {
                problems.add(where + ": " + api.get().displayName() + " defines no application permissions (access"
                        + " to it is granted by Azure role assignments on the resource); remove " + roles);
                return;
            }
            for (String role : roles) {
                if (!api.get().knownRoles().contains(role)) {
                    // Not an error: the emulator's list of app roles is not exhaustive.
                    LOG.warn("{}: '{}' is not an application permission the emulator knows for {}", where, role,
                            api.get().displayName());
                }
            }
        });
    }

    private boolean requireGuid(String where, String value) {
        if (value == null || !GUID.matcher(value).matches()) {
            problems.add(where + " must be a GUID, got '" + value + "'");
            return false;
        }
        return true;
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
