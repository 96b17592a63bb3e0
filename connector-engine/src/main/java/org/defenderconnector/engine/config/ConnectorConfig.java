package org.defenderconnector.engine.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The whole `run` configuration, validated: every field here has been checked by {@link ConfigLoader}. */
public record ConnectorConfig(StoreSettings store, List<SinkSettings> sinks, List<TenantSettings> tenants) {

    public record StoreSettings(Path path, Duration retention) {
    }

    /** @param path for ndjson: a file, or null for stdout */
    public record SinkSettings(String type, Path path) {
    }

    /**
     * One integration: a tenant reached with one app registration.
     *
     * @param name          the integration's name, used as the StreamId tenant and in the store
     * @param clientSecret  set when authenticating with a secret
     * @param certificate   set when authenticating with a certificate
     * @param endpoints     custom base URLs, only with allowCustomEndpoints
     */
    public record TenantSettings(String name, String tenantId, String clientId, Secret clientSecret,
                                 CertificateSettings certificate, String cloud, String region,
                                 CustomEndpoints endpoints, boolean allowCustomEndpoints, Path caCertificate,
                                 List<StreamSettings> streams) {
    }

    /** @param password for PKCS#12 files; null for PEM */
    public record CertificateSettings(Path path, Secret password) {
    }

    public record CustomEndpoints(String login, String mde, String xdr, String graph) {
    }

    /**
     * @param overlap  how far before the watermark each incremental query starts (late-arriving updates)
     * @param backfill how far back the first run reaches
     * @param pageSize null for the API's documented maximum
     * @param options  stream-specific settings as configured text (hunting: api, lag, rowCap ...; see
     *                 HuntingOptions); empty for the REST streams
     */
    public record StreamSettings(String name, Duration interval, Duration overlap, Duration backfill, Integer pageSize,
                                 Map<String, String> options) {
        public StreamSettings {
            options = Map.copyOf(options);
        }

        public StreamSettings(String name, Duration interval, Duration overlap, Duration backfill, Integer pageSize) {
            this(name, interval, overlap, backfill, pageSize, Map.of());
        }
    }
}
