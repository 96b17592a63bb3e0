package org.defenderconnector.microsoft.sources;

import java.net.URI;
import java.util.Objects;

/**
 * The API hosts of one tenant's cloud (the onboarding code knows the sovereign and regional ones).
 * Against the emulator all three are its base URL.
 */
public record ApiEndpoints(URI mde, URI xdr, URI graph) {
    public ApiEndpoints {
        Objects.requireNonNull(mde, "mde");
        Objects.requireNonNull(xdr, "xdr");
        Objects.requireNonNull(graph, "graph");
    }

    /** The commercial cloud. */
    public static ApiEndpoints commercial() {
        return new ApiEndpoints(URI.create("https://api.security.microsoft.com"),
                URI.create("https://api.security.microsoft.com"), URI.create("https://graph.microsoft.com"));
    }

    /** One host for everything (the emulator). */
    public static ApiEndpoints all(URI base) {
        return new ApiEndpoints(base, base, base);
    }
}
