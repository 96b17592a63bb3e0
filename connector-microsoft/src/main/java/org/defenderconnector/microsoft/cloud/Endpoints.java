package org.defenderconnector.microsoft.cloud;

import java.net.URI;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the connector sends requests and which audiences it asks tokens for: the login authority,
 * the base URL and the token resource of each {@link Api}.
 *
 * <p>Normal use is a {@link Cloud} preset, optionally with a {@link Region}. Anything else (the
 * emulator, a proxy) is a <em>custom</em> endpoint set, which must be allowed explicitly so that a
 * typo in a configuration file cannot silently send credentials to an unexpected host. Custom
 * endpoints still use HTTPS with certificate verification; trust an extra CA with {@link TlsTrust}.
 * Audiences stay the real Microsoft resource URIs: only hosts differ.
 */
public final class Endpoints {
    private final Cloud cloud;
    private final Region region;
    private final URI loginAuthority;
    private final Map<Api, URI> baseUrls;
    private final Map<Api, String> resources;
    private final boolean custom;

    private Endpoints(Cloud cloud, Region region, URI loginAuthority, Map<Api, URI> baseUrls,
                      Map<Api, String> resources, boolean custom) {
        this.cloud = cloud;
        this.region = region;
        this.loginAuthority = loginAuthority;
        this.baseUrls = Collections.unmodifiableMap(new EnumMap<>(baseUrls));
        this.resources = Collections.unmodifiableMap(new EnumMap<>(resources));
        this.custom = custom;
    }

    /** The documented endpoints of a cloud. */
    public static Endpoints of(Cloud cloud) {
        Objects.requireNonNull(cloud, "cloud");
        Map<Api, URI> bases = new EnumMap<>(Api.class);
        Map<Api, String> res = new EnumMap<>(Api.class);
        for (Api api : Api.values()) {
            bases.put(api, cloud.baseUrl(api));
            res.put(api, cloud.resource(api));
        }
        return new Endpoints(cloud, null, cloud.loginAuthority(), bases, res, false);
    }

    /**
     * The documented endpoints of a cloud with the MDE and XDR APIs on a geo-local host.
     *
     * @throws IllegalArgumentException when the cloud has no regional hosts (all but global)
     */
    public static Endpoints of(Cloud cloud, Region region) {
        Endpoints base = of(cloud);
        if (region == null) {
            return base;
        }
        if (cloud != Cloud.GLOBAL) {
            throw new IllegalArgumentException("Regional API hosts (" + region.baseUrl().getHost()
                    + ") exist only in the global (commercial) cloud; the " + cloud.id()
                    + " cloud uses " + cloud.baseUrl(Api.DEFENDER_ENDPOINT).getHost()
                    + ". Remove the region setting.");
        }
        Map<Api, URI> bases = new EnumMap<>(base.baseUrls);
        bases.put(Api.DEFENDER_ENDPOINT, region.baseUrl());
        bases.put(Api.DEFENDER_XDR, region.baseUrl());
        return new Endpoints(cloud, region, base.loginAuthority, bases, base.resources, false);
    }

    /**
     * One custom host serving login, MDE, XDR and Graph (the emulator), with the global cloud's
     * audiences.
     *
     * @param allowCustomEndpoints must be true; it is the explicit opt-in
     *                             ({@code --allow-custom-endpoints}) the design requires
     */
    public static Endpoints custom(URI base, boolean allowCustomEndpoints) {
        return custom(Cloud.GLOBAL, base, base, base, base, allowCustomEndpoints);
    }

    /**
     * Custom hosts per API (e.g. a forward proxy per service), with the audiences of
     * {@code audiencesOf}.
     */
    public static Endpoints custom(Cloud audiencesOf, URI login, URI mde, URI xdr, URI graph,
                                   boolean allowCustomEndpoints) {
        if (!allowCustomEndpoints) {
            throw new IllegalArgumentException("Custom endpoint URLs are refused unless explicitly allowed"
                    + " (allowCustomEndpoints=true, or --allow-custom-endpoints on the command line)."
                    + " They are meant for the emulator or a proxy you control.");
        }
        Map<Api, URI> bases = new EnumMap<>(Api.class);
        bases.put(Api.DEFENDER_ENDPOINT, requireHttps(mde, "MDE base URL"));
        bases.put(Api.DEFENDER_XDR, requireHttps(xdr, "XDR base URL"));
        bases.put(Api.GRAPH, requireHttps(graph, "Graph base URL"));
        Map<Api, String> res = new EnumMap<>(Api.class);
        for (Api api : Api.values()) {
            res.put(api, audiencesOf.resource(api));
        }
        return new Endpoints(audiencesOf, null, requireHttps(login, "login authority"), bases, res, true);
    }

    /**
     * The same endpoints with another token resource for one API. Microsoft does not document the
     * US Government token audiences, so they are configurable.
     */
    public Endpoints withResource(Api api, String resource) {
        Objects.requireNonNull(resource, "resource");
        String trimmed = resource.endsWith("/.default")
                ? resource.substring(0, resource.length() - "/.default".length()) : resource;
        Map<Api, String> res = new EnumMap<>(resources);
        res.put(api, trimmed);
        return new Endpoints(cloud, region, loginAuthority, baseUrls, res, custom);
    }

    /**
     * The same endpoints with the token resources of some APIs replaced (configuration {@code audiences:},
     * CLI {@code --audience}); APIs not in the map keep theirs. A resource is an App ID URI
     * ({@code https://...}) or an application id (a GUID); a trailing {@code /.default} is dropped.
     *
     * @throws IllegalArgumentException naming the API when a resource is neither
     */
    public Endpoints withResources(Map<Api, String> overrides) {
        Endpoints result = this;
        for (Map.Entry<Api, String> override : overrides.entrySet()) {
            String resource = override.getValue() == null ? "" : override.getValue().strip();
            if (!isResource(resource)) {
                throw new IllegalArgumentException("The token audience for " + override.getKey().id() + " ('" + resource
                        + "') must be an https:// App ID URI or an application id (GUID), e.g. "
                        + cloud.resource(override.getKey()));
            }
            result = result.withResource(override.getKey(), resource);
        }
        return result;
    }

    /** Whether the resource of an API differs from its cloud's default (an override is in effect). */
    public boolean resourceOverridden(Api api) {
        return !cloud.resource(api).equals(resources.get(api));
    }

    private static boolean isResource(String resource) {
        if (resource.matches("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            return true;
        }
        try {
            URI uri = new URI(resource);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static URI requireHttps(URI uri, String what) {
        Objects.requireNonNull(uri, what);
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("The " + what + " must be an https:// URL with a host, got '"
                    + uri + "'. TLS is always on (MSAL also refuses http authorities).");
        }
        String s = uri.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return URI.create(s);
    }

    /** The cloud whose audiences (and, unless custom, hosts) these endpoints use. */
    public Cloud cloud() {
        return cloud;
    }

    public Optional<Region> region() {
        return Optional.ofNullable(region);
    }

    /** True for emulator/proxy endpoints set with {@link #custom}. */
    public boolean isCustom() {
        return custom;
    }

    /** Login host without tenant, e.g. {@code https://login.microsoftonline.us}. */
    public URI loginAuthority() {
        return loginAuthority;
    }

    /** The MSAL authority for one tenant: {@code {login}/{tenant}/}. */
    public String authorityFor(String tenant) {
        return loginAuthority + "/" + tenant + "/";
    }

    /** The v2 token endpoint of a tenant (also the {@code aud} of a certificate assertion). */
    public URI tokenEndpoint(String tenant) {
        return URI.create(loginAuthority + "/" + tenant + "/oauth2/v2.0/token");
    }

    public URI baseUrl(Api api) {
        return baseUrls.get(api);
    }

    /** The token resource (App ID URI) of an API, e.g. {@code https://api.securitycenter.microsoft.com}. */
    public String resource(Api api) {
        return resources.get(api);
    }

    /** The v2 client-credentials scope of an API: its resource plus {@code /.default}. */
    public String scope(Api api) {
        return resource(api) + "/.default";
    }

    /**
     * Whether MSAL may ask {@code login.microsoftonline.com} which hosts are Entra instances. It must
     * stay on for real clouds; for custom endpoints it would leave loopback, so it is off.
     */
    public boolean instanceDiscovery() {
        return !custom;
    }

    /** One line for logs and reports, e.g. {@code cloud=global region=eu}. Never contains a credential. */
    public String describe() {
        StringBuilder sb = new StringBuilder("cloud=").append(cloud.id());
        if (region != null) {
            sb.append(" region=").append(region.id());
        }
        if (custom) {
            sb.append(" custom login=").append(loginAuthority);
            boolean oneHost = baseUrls.values().stream().distinct().count() == 1 && baseUrl(Api.GRAPH).equals(loginAuthority);
            if (!oneHost) {
                for (Api api : Api.values()) {
                    sb.append(' ').append(api.id()).append('=').append(baseUrl(api));
                }
            }
        }
        for (Api api : Api.values()) {
            if (resourceOverridden(api)) {
                sb.append(' ').append(api.id()).append("-audience=").append(resource(api));
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "Endpoints[" + describe() + "]";
    }
}
