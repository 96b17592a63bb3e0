package org.defenderconnector.microsoft.testsupport;

import org.defenderconnector.emulator.Emulator;
import org.defenderconnector.emulator.EmulatorConfig;
import org.defenderconnector.emulator.EmulatorConfig.Application;
import org.defenderconnector.emulator.EmulatorConfig.Certificate;
import org.defenderconnector.emulator.EmulatorConfig.Secret;
import org.defenderconnector.emulator.EmulatorConfig.ServicePrincipal;
import org.defenderconnector.emulator.EmulatorConfig.Tenant;
import org.defenderconnector.emulator.EmulatorOptions;
import org.defenderconnector.microsoft.cloud.Endpoints;
import org.defenderconnector.microsoft.cloud.TlsTrust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An emulated Entra directory with the situations onboarding must diagnose, and a running emulator
 * serving it over HTTPS on a free loopback port.
 */
public final class EmulatorDirectory implements AutoCloseable {
    public static final String CONTOSO = "c0000000-0000-4000-8000-000000000001";
    public static final String CONTOSO_DOMAIN = "contoso.onmicrosoft.com";
    public static final String FABRIKAM = "c0000000-0000-4000-8000-000000000002";
    public static final String UNKNOWN_TENANT = "c0000000-0000-4000-8000-0000000000ff";

    /** Multi-tenant app with collection permissions in Contoso (and alerts in Fabrikam). */
    public static final String FULL_APP = "a0000000-0000-4000-8000-000000000001";
    public static final String FULL_SECRET_ID = "5ec00000-0000-4000-8000-000000000001";
    /** Distinctive so that a leak is found by a plain substring search. */
    public static final String FULL_SECRET = "Zq8~Distinct1ve.Secret-Value_ForLeakTest42";
    public static final String EXPIRED_SECRET_ID = "5ec00000-0000-4000-8000-000000000002";
    public static final String EXPIRED_SECRET = "Old8~Expired.Secret-Value_NoLongerValid77";

    /** App with Machine.Read.All only, and Graph permissions added but never consented. */
    public static final String PARTIAL_APP = "a0000000-0000-4000-8000-000000000002";
    public static final String PARTIAL_SECRET = "Prt8~Partial.Secret-Value_OnlyMachines123";

    /** Multi-tenant app registered in Fabrikam that no Contoso admin consented to. */
    public static final String FOREIGN_APP = "a0000000-0000-4000-8000-000000000003";
    public static final String FOREIGN_SECRET = "Frn8~Foreign.Secret-Value_Fabrikam00000";

    /** The certificate registered on FULL_APP (one per JVM: generating RSA keys is slow). */
    public static final TestCertificates REGISTERED_CERTIFICATE = TestCertificates.generate("defender-connector test app");

    public final Emulator emulator;

    private EmulatorDirectory() {
        try {
            this.emulator = Emulator.start(buildConfig(REGISTERED_CERTIFICATE), EmulatorOptions.defaults());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static EmulatorDirectory start() {
        return new EmulatorDirectory();
    }

    private static EmulatorConfig buildConfig(TestCertificates cert) {
        Application full = new Application(FULL_APP, "defender-connector test", CONTOSO, true,
                List.of(new Secret(FULL_SECRET_ID, FULL_SECRET, null),
                        new Secret(EXPIRED_SECRET_ID, EXPIRED_SECRET, Instant.parse("2024-01-01T00:00:00Z"))),
                List.of(new Certificate(cert.certificatePem(), null)));
        Application partial = new Application(PARTIAL_APP, "half configured", CONTOSO, false,
                List.of(new Secret("5ec00000-0000-4000-8000-000000000003", PARTIAL_SECRET, null)), List.of());
        Application foreign = new Application(FOREIGN_APP, "fabrikam tool", FABRIKAM, true,
                List.of(new Secret("5ec00000-0000-4000-8000-000000000004", FOREIGN_SECRET, null)), List.of());
        Tenant contoso = new Tenant(CONTOSO, List.of(CONTOSO_DOMAIN), List.of(
                new ServicePrincipal(FULL_APP, Map.of(
                        "WindowsDefenderATP", List.of("Alert.Read.All", "Machine.Read.All", "Vulnerability.Read.All",
                                "Software.Read.All", "Score.Read.All", "Ti.ReadWrite.All"),
                        "Microsoft Threat Protection", List.of("Incident.Read.All"),
                        "Microsoft Graph", List.of("SecurityIncident.Read.All", "SecurityAlert.Read.All", "ThreatHunting.Read.All")),
                        Map.of()),
                new ServicePrincipal(PARTIAL_APP, Map.of("WindowsDefenderATP", List.of("Machine.Read.All")),
                        Map.of("Microsoft Graph", List.of("SecurityIncident.Read.All")))));
        Tenant fabrikam = new Tenant(FABRIKAM, List.of("fabrikam.onmicrosoft.com"), List.of(
                new ServicePrincipal(FULL_APP, Map.of("WindowsDefenderATP", List.of("Alert.Read.All")), Map.of()),
                new ServicePrincipal(FOREIGN_APP, Map.of("WindowsDefenderATP", List.of("Alert.Read.All")), Map.of())));
        return new EmulatorConfig(3599, List.of(full, partial, foreign), List.of(contoso, fabrikam));
    }

    /** The emulator's endpoints (explicitly allowed custom endpoints). */
    public Endpoints endpoints() {
        return Endpoints.custom(emulator.baseUri(), true);
    }

    /** Default trust store plus the emulator's self-signed certificate. */
    public TlsTrust tls() {
        return TlsTrust.withExtraCa(emulator.caCertificatePath());
    }

    public long tokenRequests(String tenant, String clientId, String resource) {
        return emulator.admin().tokenRequestCount(tenant, clientId, resource);
    }

    @Override
    public void close() {
        emulator.close();
    }
}
