package org.defenderconnector.app.onboarding;

import org.defenderconnector.microsoft.cloud.Api;
import org.defenderconnector.microsoft.cloud.Cloud;
import org.defenderconnector.microsoft.cloud.Endpoints;
import org.defenderconnector.microsoft.cloud.Region;
import org.defenderconnector.microsoft.cloud.TlsTrust;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Where to connect: cloud, region, or custom endpoints (emulator, proxy) with an extra CA. Shared by the onboarding commands. */
public final class EndpointOptions {
    @Option(names = "--cloud", paramLabel = "CLOUD", defaultValue = "global",
            description = "Microsoft cloud: global, gcc, gcc-high, dod (default: ${DEFAULT-VALUE})")
    String cloud;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Geo-local MDE/XDR host in the global cloud: us, eu, uk, au, swa, ina, aea")
    String region;

    @Option(names = "--endpoint-base", paramLabel = "URL",
            description = "One https base URL serving login, MDE, XDR and Graph (the emulator, a proxy); needs --allow-custom-endpoints")
    String endpointBase;

    @Option(names = "--allow-custom-endpoints",
            description = "Allow --endpoint-base. Required so that a typo cannot send credentials to a host that is not Microsoft's.")
    boolean allowCustomEndpoints;

    @Option(names = "--audience", paramLabel = "API=URI",
            description = "Token audience for one API (mde, xdr or graph) instead of the cloud's default; repeatable."
                    + " Microsoft does not document the US Government audiences: set the one your tenant's API accepts")
    Map<String, String> audiences = new LinkedHashMap<>();

    @Option(names = "--ca-cert", paramLabel = "PATH",
            description = "PEM file with an extra CA certificate to trust (added to the default trust store)")
    Path caCert;

    /**
     * @throws IllegalArgumentException with a user-facing message for bad combinations
     */
    public Endpoints endpoints() {
        return hosts().withResources(audienceOverrides());
    }

    private Map<Api, String> audienceOverrides() {
        Map<Api, String> overrides = new EnumMap<>(Api.class);
        audiences.forEach((name, resource) -> overrides.put(Api.byId(name)
                .orElseThrow(() -> new IllegalArgumentException("--audience " + name + "=...: unknown API '" + name
                        + "'; use mde, xdr or graph")), resource));
        return overrides;
    }

    private Endpoints hosts() {
        Cloud c = Cloud.fromId(cloud);
        if (endpointBase != null) {
            if (region != null) {
                throw new IllegalArgumentException("--region and --endpoint-base exclude each other");
            }
            URI base;
            try {
                base = new URI(endpointBase.strip());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("--endpoint-base is not a URL: " + endpointBase);
            }
            if (!allowCustomEndpoints) {
                throw new IllegalArgumentException("--endpoint-base needs --allow-custom-endpoints (custom endpoints are"
                        + " for the emulator or a proxy you control)");
            }
            Endpoints custom = Endpoints.custom(base, true);
            return c == Cloud.GLOBAL ? custom : Endpoints.custom(c, base, base, base, base, true);
        }
        if (allowCustomEndpoints) {
            throw new IllegalArgumentException("--allow-custom-endpoints only makes sense with --endpoint-base");
        }
        return region == null ? Endpoints.of(c) : Endpoints.of(c, Region.fromId(region));
    }

    public TlsTrust tls() {
        return TlsTrust.of(Optional.ofNullable(caCert));
    }
}
