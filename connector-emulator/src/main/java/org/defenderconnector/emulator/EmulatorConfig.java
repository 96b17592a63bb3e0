package org.defenderconnector.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.defenderconnector.emulator.data.DataSettings;
import org.defenderconnector.emulator.directory.ResourceApi;
import org.defenderconnector.emulator.faults.FaultRule;
import org.defenderconnector.emulator.hunting.HuntingSettings;
import org.defenderconnector.emulator.limits.RateLimitSettings;

/**
 * What the emulated Entra directory holds: app registrations (with their credentials, which live on the
 * application object in its home tenant) and tenants (with the service principals present in each, the
 * application permissions granted to them with admin consent, and their generated data); and how the APIs
 * behave: call quotas, advanced hunting limits, injected faults. Read from YAML or JSON.
 *
 * @param tokenLifetimeSeconds access token lifetime; {@value #DEFAULT_TOKEN_LIFETIME_SECONDS} when absent
 * @param applications         app registrations
 * @param tenants              tenants, their service principals and data
 * @param limits               call quotas; the documented ones when absent
 * @param hunting              advanced hunting limits; the documented ones when absent
 * @param faults               faults injected from the start
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmulatorConfig(Integer tokenLifetimeSeconds, List<Application> applications, List<Tenant> tenants,
                             RateLimitSettings limits, HuntingSettings hunting, List<FaultRule> faults) {

    public static final int DEFAULT_TOKEN_LIFETIME_SECONDS = 3599;

    public EmulatorConfig {
        tokenLifetimeSeconds = tokenLifetimeSeconds == null ? DEFAULT_TOKEN_LIFETIME_SECONDS : tokenLifetimeSeconds;
        applications = applications == null ? List.of() : List.copyOf(applications);
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
        limits = limits == null ? RateLimitSettings.documented() : limits;
        hunting = hunting == null ? HuntingSettings.documented() : hunting;
        faults = faults == null ? List.of() : List.copyOf(faults);
    }

    /** A directory with the documented limits, no faults. */
    public EmulatorConfig(Integer tokenLifetimeSeconds, List<Application> applications, List<Tenant> tenants) {
        this(tokenLifetimeSeconds, applications, tenants, null, null, null);
    }

    /**
     * An app registration.
     *
     * @param clientId     application (client) id, a GUID
     * @param displayName  name shown in error messages
     * @param homeTenant   tenant id where the app is registered (it has a service principal there implicitly)
     * @param multiTenant  whether other tenants may consent to it ("Accounts in any organizational directory")
     * @param secrets      client secrets
     * @param certificates certificate credentials (public part only)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Application(String clientId, String displayName, String homeTenant, boolean multiTenant,
                              List<Secret> secrets, List<Certificate> certificates) {
        public Application {
            secrets = secrets == null ? List.of() : List.copyOf(secrets);
            certificates = certificates == null ? List.of() : List.copyOf(certificates);
        }
    }

    /**
     * A client secret.
     *
     * @param id      the "Secret ID" GUID the portal shows (users sometimes paste it instead of the value)
     * @param value   the secret value
     * @param expires end of validity; never expires when absent
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Secret(String id, String value, Instant expires) {
        /** Never prints the value: configs end up in logs and exception texts. */
        @Override
        public String toString() {
            return "Secret[id=" + id + ", value=***, expires=" + expires + "]";
        }
    }

    /**
     * A certificate credential: exactly one of {@code pem} (inline X.509 PEM) or {@code path} (a PEM file,
     * relative to the config file's directory).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Certificate(String pem, String path) {
    }

    /**
     * A tenant.
     *
     * @param id                tenant id, a GUID
     * @param domains           verified domain names, usable instead of the id in token URLs
     * @param servicePrincipals apps present (consented or installed) in this tenant
     * @param data              generated data; none (empty lists, 404 for machines) when absent
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Tenant(String id, List<String> domains, List<ServicePrincipal> servicePrincipals,
                         DataSettings data) {
        public Tenant {
            domains = domains == null ? List.of() : List.copyOf(domains);
            servicePrincipals = servicePrincipals == null ? List.of() : List.copyOf(servicePrincipals);
        }

        /** A tenant without generated data. */
        public Tenant(String id, List<String> domains, List<ServicePrincipal> servicePrincipals) {
            this(id, domains, servicePrincipals, null);
        }
    }

    /**
     * An app's service principal in a tenant.
     *
     * @param clientId              the application's client id
     * @param grants                API name (e.g. {@code WindowsDefenderATP}) to application permissions granted
     *                              with admin consent; they appear in the token's {@code roles}
     * @param requestedNotConsented permissions added on the app but never consented; they never reach a token
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServicePrincipal(String clientId, Map<String, List<String>> grants,
                                   Map<String, List<String>> requestedNotConsented) {
        public ServicePrincipal {
            grants = copy(grants);
            requestedNotConsented = copy(requestedNotConsented);
        }

        private static Map<String, List<String>> copy(Map<String, List<String>> map) {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            if (map != null) {
                map.forEach((api, roles) -> copy.put(api, roles == null ? List.of() : List.copyOf(roles)));
            }
            return java.util.Collections.unmodifiableMap(copy);
        }
    }

    public Duration tokenLifetime() {
        return Duration.ofSeconds(tokenLifetimeSeconds);
    }

    /** Reads a YAML or JSON file; certificate {@code path}s are resolved against the file's directory. */
    public static EmulatorConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EmulatorConfigException("Cannot read the emulator config " + file + ": " + e.getMessage(), e);
        }
        Path base = file.toAbsolutePath().getParent();
        return read(text, base, file.toString());
    }

    /** Parses YAML or JSON text; certificate {@code path}s are resolved against the working directory. */
    public static EmulatorConfig parse(String yamlOrJson) {
        return read(yamlOrJson, Path.of("").toAbsolutePath(), "the emulator config");
    }

    /**
     * One tenant and one app registration holding every permission the emulator knows, with admin consent, a
     * known secret and a certificate credential. The identifiers and credentials are in {@link DemoCredentials}.
     */
    public static EmulatorConfig demo() {
        Map<String, List<String>> everything = new LinkedHashMap<>();
        for (ResourceApi api : ResourceApi.values()) {
            everything.put(api.displayName(), api.knownRoles().stream().sorted().toList());
        }
        Application app = new Application(DemoCredentials.CLIENT_ID, DemoCredentials.APP_DISPLAY_NAME,
                DemoCredentials.TENANT_ID, false,
                List.of(new Secret(DemoCredentials.SECRET_ID, DemoCredentials.SECRET_VALUE, null)),
                List.of(new Certificate(DemoCredentials.get().certificatePem(), null)));
        Tenant tenant = new Tenant(DemoCredentials.TENANT_ID, List.of(DemoCredentials.TENANT_DOMAIN),
                List.of(new ServicePrincipal(DemoCredentials.CLIENT_ID, everything, Map.of())),
                DataSettings.defaults());
        return new EmulatorConfig(DEFAULT_TOKEN_LIFETIME_SECONDS, List.of(app), List.of(tenant));
    }

    /**
     * The config as YAML (for {@code defender-connector emulator --print-config} style output). It includes the
     * secret values: print it only where the user asked for it, never into a log.
     */
    public String toYaml() {
        try {
            return mapper(true).writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy with a different token lifetime. */
    public EmulatorConfig withTokenLifetime(Duration lifetime) {
        return new EmulatorConfig(Math.toIntExact(lifetime.toSeconds()), applications, tenants, limits, hunting,
                faults);
    }

    /** A copy in which tenant {@code tenantId} has generated data. */
    public EmulatorConfig withData(String tenantId, DataSettings data) {
        List<Tenant> changed = new ArrayList<>();
        boolean found = false;
        for (Tenant tenant : tenants) {
            if (tenant.id().equalsIgnoreCase(tenantId)) {
                changed.add(new Tenant(tenant.id(), tenant.domains(), tenant.servicePrincipals(), data));
                found = true;
            } else {
                changed.add(tenant);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no tenant " + tenantId + " in the config");
        }
        return new EmulatorConfig(tokenLifetimeSeconds, applications, changed, limits, hunting, faults);
    }

    /** A copy with other call quotas. */
    public EmulatorConfig withLimits(RateLimitSettings newLimits) {
        return new EmulatorConfig(tokenLifetimeSeconds, applications, tenants, newLimits, hunting, faults);
    }

    /** A copy with other advanced hunting limits. */
    public EmulatorConfig withHunting(HuntingSettings newHunting) {
        return new EmulatorConfig(tokenLifetimeSeconds, applications, tenants, limits, newHunting, faults);
    }

    /** A copy with faults injected from the start. */
    public EmulatorConfig withFaults(List<FaultRule> newFaults) {
        return new EmulatorConfig(tokenLifetimeSeconds, applications, tenants, limits, hunting, newFaults);
    }

    private static EmulatorConfig read(String text, Path base, String origin) {
        EmulatorConfig config;
        try {
            config = mapper(!text.stripLeading().startsWith("{")).readValue(text, EmulatorConfig.class);
        } catch (JsonProcessingException e) {
            throw new EmulatorConfigException("Invalid " + origin + ": " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
        if (config == null) {
            throw new EmulatorConfigException(origin + " is empty");
        }
        config = config.withCertificateFilesRead(base);
        EmulatorConfigValidator.requireValid(config);
        return config;
    }

    /** Replaces every certificate {@code path} by its PEM content, so that the rest only deals with PEM. */
    private EmulatorConfig withCertificateFilesRead(Path base) {
        List<Application> resolved = new ArrayList<>();
        for (Application app : applications) {
            List<Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : app.certificates()) {
                if (certificate.path() != null && certificate.pem() == null) {
                    Path file = base.resolve(certificate.path());
                    try {
                        certificates.add(new Certificate(Files.readString(file, StandardCharsets.US_ASCII),
                                file.toString()));
                    } catch (IOException e) {
                        throw new EmulatorConfigException("applications[clientId=" + app.clientId()
                                + "].certificates: cannot read " + file + ": " + e.getMessage(), e);
                    }
                } else {
                    certificates.add(certificate);
                }
            }
            resolved.add(new Application(app.clientId(), app.displayName(), app.homeTenant(), app.multiTenant(),
                    app.secrets(), certificates));
        }
        return new EmulatorConfig(tokenLifetimeSeconds, resolved, tenants, limits, hunting, faults);
    }

    private static ObjectMapper mapper(boolean yaml) {
        ObjectMapper mapper = yaml ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper();
        return mapper.registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
