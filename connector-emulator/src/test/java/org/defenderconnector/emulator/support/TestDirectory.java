package org.defenderconnector.emulator.support;

/**
 * The directory most tests run against, as YAML (the format users write):
 * <ul>
 * <li>Contoso (home of the multi-tenant app {@link #APP}): the app has Defender, XDR and Graph grants, and
 *     ThreatHunting.Read.All requested but never consented.</li>
 * <li>Fabrikam: the same app is present but nothing was ever consented (tokens carry no roles).</li>
 * <li>Northwind: the app was never consented there (no service principal: AADSTS700016).</li>
 * <li>{@link #ROTATING_APP}: a single-tenant app in Contoso with two secrets and its own grants, for tests that
 *     change the directory at run time.</li>
 * </ul>
 */
public final class TestDirectory {

    public static final String CONTOSO = "c0a70500-0000-4000-8000-000000000001";
    public static final String CONTOSO_DOMAIN = "contoso.onmicrosoft.com";
    public static final String FABRIKAM = "fab00000-0000-4000-8000-000000000002";
    public static final String NORTHWIND = "a0b70000-0000-4000-8000-000000000003";
    public static final String UNKNOWN_TENANT = "0bad0000-0000-4000-8000-000000000009";

    public static final String APP = "a9900000-0000-4000-8000-0000000000a1";
    public static final String SECRET_ID = "5ec00000-0000-4000-8000-0000000000a1";
    public static final String SECRET = "abc~Valid-Secret-Value.0000000000000000001";
    public static final String EXPIRED_SECRET_ID = "5ec00000-0000-4000-8000-0000000000a2";
    public static final String EXPIRED_SECRET = "abc~Expired-Secret-Value.00000000000000002";

    public static final String ROTATING_APP = "a9900000-0000-4000-8000-0000000000b1";
    public static final String ROTATING_SECRET_1_ID = "5ec00000-0000-4000-8000-0000000000b1";
    public static final String ROTATING_SECRET_1 = "rot~First-Secret-Value.000000000000000001";
    public static final String ROTATING_SECRET_2_ID = "5ec00000-0000-4000-8000-0000000000b2";
    public static final String ROTATING_SECRET_2 = "rot~Second-Secret-Value.00000000000000002";

    public static final String FABRIKAM_ONLY_APP = "a9900000-0000-4000-8000-0000000000c1";

    public static final String WDATP = "https://api.securitycenter.microsoft.com";
    public static final String WDATP_ALT = "https://securitycenter.onmicrosoft.com/windowsatpservice";
    public static final String MTP = "https://api.security.microsoft.com";
    public static final String GRAPH = "https://graph.microsoft.com";

    private TestDirectory() {
    }

    /** The YAML, with {@code certificatePem} registered on {@link #APP}. */
    public static String yaml(String certificatePem) {
        String indentedPem = certificatePem.strip().replace("\n", "\n          ");
        return """
                tokenLifetimeSeconds: 3599
                applications:
                  - clientId: %s
                    displayName: defender-connector tests
                    homeTenant: %s
                    multiTenant: true
                    secrets:
                      - id: %s
                        value: "%s"
                        expires: 2099-06-30T00:00:00Z
                      - id: %s
                        value: "%s"
                        expires: 2020-01-01T00:00:00Z
                    certificates:
                      - pem: |
                          %s
                  - clientId: %s
                    displayName: rotating
                    homeTenant: %s
                    secrets:
                      - id: %s
                        value: "%s"
                      - id: %s
                        value: "%s"
                  - clientId: %s
                    displayName: fabrikam line-of-business app
                    homeTenant: %s
                    secrets:
                      - id: 5ec00000-0000-4000-8000-0000000000c1
                        value: "fab~secret"
                tenants:
                  - id: %s
                    domains: [%s]
                    servicePrincipals:
                      - clientId: %s
                        grants:
                          WindowsDefenderATP: [Alert.Read.All, Machine.Read.All]
                          Microsoft Threat Protection: [Incident.Read.All]
                          Microsoft Graph: [SecurityIncident.Read.All, SecurityAlert.Read.All]
                        requestedNotConsented:
                          Microsoft Graph: [ThreatHunting.Read.All]
                      - clientId: %s
                        grants:
                          WindowsDefenderATP: [Alert.Read.All, Vulnerability.Read.All]
                  - id: %s
                    domains: [fabrikam.onmicrosoft.com]
                    servicePrincipals:
                      - clientId: %s
                        requestedNotConsented:
                          WindowsDefenderATP: [Alert.Read.All]
                          Microsoft Graph: [SecurityIncident.Read.All]
                  - id: %s
                    domains: [northwind.onmicrosoft.com]
                """.formatted(APP, CONTOSO, SECRET_ID, SECRET, EXPIRED_SECRET_ID, EXPIRED_SECRET, indentedPem,
                ROTATING_APP, CONTOSO, ROTATING_SECRET_1_ID, ROTATING_SECRET_1, ROTATING_SECRET_2_ID,
                ROTATING_SECRET_2, FABRIKAM_ONLY_APP, FABRIKAM, CONTOSO, CONTOSO_DOMAIN, APP, ROTATING_APP, FABRIKAM,
                APP, NORTHWIND);
    }
}
