package org.defenderconnector.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.defenderconnector.microsoft.cloud.Api;
import org.defenderconnector.microsoft.cloud.Cloud;
import org.defenderconnector.microsoft.cloud.Endpoints;
import org.defenderconnector.microsoft.sources.RestSources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the YAML configuration of {@code run}. Every error names the key (as a path such as
 * {@code tenants[0].cloud}), the bad value (never a secret) and the fix. Unknown keys are errors too:
 * a misspelt key silently ignored is the hardest configuration bug to find.
 */
public final class ConfigLoader {
    /** The REST streams: exactly what {@link RestSources} creates, so the two lists cannot drift apart. */
    public static final List<String> STREAMS = Stream.concat(RestSources.STREAMS.stream(),
            Stream.of(RestSources.XDR_INCIDENTS)).toList();
    public static final List<String> CLOUDS = List.of("global", "gcc", "gcc-high", "dod");
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);
    private static final Duration DEFAULT_OVERLAP = Duration.ofMinutes(5);
    private static final Duration DEFAULT_BACKFILL = Duration.ofDays(7);

    private final SecretResolver secrets;

    public ConfigLoader(SecretResolver secrets) {
        this.secrets = secrets;
    }

    public static ConnectorConfig load(Path file) {
        Path base = file.toAbsolutePath().getParent();
        return new ConfigLoader(SecretResolver.system(base)).parse(read(file), base);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException("--config", "cannot read " + file + " (" + e.getClass().getSimpleName() + ")",
                    "check the path");
        }
    }

    public ConnectorConfig parse(String yaml, Path baseDir) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new ConfigException("(file)", "is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""),
                    "fix the YAML syntax at the line given");
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException("(file)", "is empty or not a mapping", "start from docs/configuration.md");
        }
        allowOnly(root, "", Set.of("store", "sinks", "tenants"));
        ConnectorConfig.StoreSettings store = store(root.path("store"), baseDir);
        List<ConnectorConfig.SinkSettings> sinks = sinks(root.path("sinks"), baseDir);
        List<ConnectorConfig.TenantSettings> tenants = tenants(root.path("tenants"), baseDir);
        return new ConnectorConfig(store, sinks, tenants);
    }

    private ConnectorConfig.StoreSettings store(JsonNode node, Path baseDir) {
        if (node.isMissingNode() || node.isNull()) {
            return new ConnectorConfig.StoreSettings(Path.of("data", "defender-connector.db"), Duration.ofDays(30));
        }
        allowOnly(node, "store", Set.of("path", "retention"));
        Path path = node.has("path") ? resolve(baseDir, node.get("path").asText()) : Path.of("data", "defender-connector.db");
        Duration retention = node.has("retention") ? Durations.parse("store.retention", node.get("retention").asText())
                : Duration.ofDays(30);
        return new ConnectorConfig.StoreSettings(path, retention);
    }

    private List<ConnectorConfig.SinkSettings> sinks(JsonNode node, Path baseDir) {
        List<ConnectorConfig.SinkSettings> sinks = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            sinks.add(new ConnectorConfig.SinkSettings("store", null));
            return sinks;
        }
        if (!node.isArray()) {
            throw new ConfigException("sinks", "must be a list", "write e.g. sinks: [{type: store}, {type: ndjson, path: out.ndjson}]");
        }
        for (int i = 0; i < node.size(); i++) {
            String key = "sinks[" + i + "]";
            JsonNode sink = node.get(i);
            allowOnly(sink, key, Set.of("type", "path"));
            String type = required(sink, key, "type").toLowerCase(Locale.ROOT);
            switch (type) {
                case "store" -> sinks.add(new ConnectorConfig.SinkSettings("store", null));
                case "ndjson" -> {
                    String path = sink.path("path").asText("-");
                    sinks.add(new ConnectorConfig.SinkSettings("ndjson", path.equals("-") ? null : resolve(baseDir, path)));
                }
                default -> throw new ConfigException(key + ".type", "'" + type + "' is not a sink type",
                        "use one of: store, ndjson");
            }
        }
        return sinks;
    }

    private List<ConnectorConfig.TenantSettings> tenants(JsonNode node, Path baseDir) {
        if (!node.isArray() || node.isEmpty()) {
            throw new ConfigException("tenants", "must be a non-empty list", "add at least one tenant (see docs/configuration.md)");
        }
        List<ConnectorConfig.TenantSettings> tenants = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            ConnectorConfig.TenantSettings tenant = tenant(node.get(i), "tenants[" + i + "]", baseDir);
            if (!names.add(tenant.name())) {
                throw new ConfigException("tenants[" + i + "].name", "'" + tenant.name() + "' is used twice",
                        "give every tenant a unique name");
            }
            tenants.add(tenant);
        }
        return tenants;
    }

    private ConnectorConfig.TenantSettings tenant(JsonNode node, String key, Path baseDir) {
        allowOnly(node, key, Set.of("name", "tenantId", "clientId", "clientSecret", "certificate", "cloud", "region",
                "endpoints", "allowCustomEndpoints", "caCertificate", "streams", "interval", "overlap", "backfill",
                "storage", "eventHubs", "audiences"));
        String name = required(node, key, "name");
        if (!NAME.matcher(name).matches()) {
            throw new ConfigException(key + ".name", "'" + name + "' is not a valid name",
                    "use letters, digits, '.', '_' or '-' (at most 64)");
        }
        String tenantId = required(node, key, "tenantId");
        if (!GUID.matcher(tenantId).matches() && !tenantId.contains(".")) {
            throw new ConfigException(key + ".tenantId", "'" + tenantId + "' is neither a GUID nor a domain",
                    "copy the Directory (tenant) ID from Entra ID > Overview");
        }
        String clientId = required(node, key, "clientId");
        if (!GUID.matcher(clientId).matches()) {
            throw new ConfigException(key + ".clientId", "'" + clientId + "' is not a GUID",
                    "copy the Application (client) ID from Entra ID > App registrations > your app > Overview");
        }
        Secret secret = node.has("clientSecret") ? secrets.resolve(key + ".clientSecret", node.get("clientSecret").asText()) : null;
        ConnectorConfig.CertificateSettings certificate = null;
        if (node.has("certificate")) {
            JsonNode cert = node.get("certificate");
            allowOnly(cert, key + ".certificate", Set.of("path", "password"));
            certificate = new ConnectorConfig.CertificateSettings(resolve(baseDir, required(cert, key + ".certificate", "path")),
                    cert.has("password") ? secrets.resolve(key + ".certificate.password", cert.get("password").asText()) : null);
        }
        if ((secret == null) == (certificate == null)) {
            throw new ConfigException(key, "needs exactly one of clientSecret or certificate",
                    "set clientSecret: ${env:NAME} or certificate: {path: cert.pem}");
        }
        String cloud = node.path("cloud").asText("global").toLowerCase(Locale.ROOT);
        if (!CLOUDS.contains(cloud)) {
            throw new ConfigException(key + ".cloud", "'" + cloud + "' is not a cloud", "use one of: " + String.join(", ", CLOUDS));
        }
        String region = node.hasNonNull("region") ? node.get("region").asText() : null;
        boolean allowCustom = node.path("allowCustomEndpoints").asBoolean(false);
        ConnectorConfig.CustomEndpoints endpoints = null;
        if (node.has("endpoints")) {
            JsonNode e = node.get("endpoints");
            allowOnly(e, key + ".endpoints", Set.of("login", "mde", "xdr", "graph", "all"));
            if (!allowCustom) {
                throw new ConfigException(key + ".endpoints", "custom API endpoints are set but not allowed",
                        "set allowCustomEndpoints: true to confirm you trust them (emulator, proxy)");
            }
            String all = e.path("all").asText(null);
            endpoints = new ConnectorConfig.CustomEndpoints(httpsUrl(key + ".endpoints.login", e.path("login").asText(all)),
                    httpsUrl(key + ".endpoints.mde", e.path("mde").asText(all)),
                    httpsUrl(key + ".endpoints.xdr", e.path("xdr").asText(all)),
                    httpsUrl(key + ".endpoints.graph", e.path("graph").asText(all)));
        }
        Path ca = node.hasNonNull("caCertificate") ? resolve(baseDir, node.get("caCertificate").asText()) : null;
        Duration interval = node.has("interval") ? Durations.parse(key + ".interval", node.get("interval").asText()) : DEFAULT_INTERVAL;
        Duration overlap = node.has("overlap") ? Durations.parse(key + ".overlap", node.get("overlap").asText()) : DEFAULT_OVERLAP;
        Duration backfill = node.has("backfill") ? Durations.parse(key + ".backfill", node.get("backfill").asText()) : DEFAULT_BACKFILL;
        // Hunting streams have their own defaults (HuntingOptions); only what the tenant sets explicitly applies to them.
        Map<String, String> huntingDefaults = new LinkedHashMap<>();
        for (String k : List.of("overlap", "backfill")) {
            if (node.has(k)) {
                huntingDefaults.put(k, node.get(k).asText());
            }
        }
        List<ConnectorConfig.StreamSettings> streams = streams(node.path("streams"), key + ".streams", interval, overlap, backfill,
                huntingDefaults);
        // The Streaming API (docs/configuration.md): each section goes with its stream.
        ConnectorConfig.StreamingStorageSettings storage = node.has("storage")
                ? StreamingSections.storage(node.get("storage"), key + ".storage", cloud, allowCustom, secrets) : null;
        ConnectorConfig.EventHubsSettings eventHubs = node.has("eventHubs")
                ? StreamingSections.eventHubs(node.get("eventHubs"), key + ".eventHubs", name, secrets) : null;
        StreamingSections.checkStreams(key, streams, storage, eventHubs);
        return new ConnectorConfig.TenantSettings(name, tenantId, clientId, secret, certificate, cloud, region, endpoints,
                allowCustom, ca, streams, storage, eventHubs, audiences(node.path("audiences"), key + ".audiences", cloud));
    }

    /**
     * {@code audiences: {mde: URI, xdr: URI, graph: URI}}: the token resource per API where the cloud's default is
     * not the one the tenant's API accepts (Microsoft does not document the US Government audiences).
     */
    private static Map<Api, String> audiences(JsonNode node, String key, String cloud) {
        if (node.isMissingNode() || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new ConfigException(key, "must be a map of API to token audience", "e.g. audiences: {mde: "
                    + Cloud.fromId(cloud).resource(Api.DEFENDER_ENDPOINT) + "}");
        }
        allowOnly(node, key, Set.of("mde", "xdr", "graph"));
        Map<Api, String> audiences = new EnumMap<>(Api.class);
        for (Api api : Api.values()) {
            if (node.hasNonNull(api.id())) {
                String value = node.get(api.id()).asText();
                try {
                    Endpoints.of(Cloud.fromId(cloud)).withResources(Map.of(api, value));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(key + "." + api.id(), "'" + value + "' is not a token audience",
                            "use the API's App ID URI (https://...) or application id (GUID), e.g. "
                                    + Cloud.fromId(cloud).resource(api));
                }
                audiences.put(api, value.strip());
            }
        }
        return audiences;
    }

    private List<ConnectorConfig.StreamSettings> streams(JsonNode node, String key, Duration interval, Duration overlap,
                                                         Duration backfill, Map<String, String> huntingDefaults) {
        if (!node.isArray() || node.isEmpty()) {
            throw new ConfigException(key, "must list the streams to collect", "e.g. streams: [" + String.join(", ", STREAMS) + "]");
        }
        List<ConnectorConfig.StreamSettings> streams = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode stream = node.get(i);
            String streamKey = key + "[" + i + "]";
            if (HuntingStreams.isHunting(stream)) {
                for (ConnectorConfig.StreamSettings hunting : HuntingStreams.parse(stream, streamKey, interval, huntingDefaults)) {
                    if (!seen.add(hunting.name())) {
                        throw new ConfigException(streamKey, "'" + hunting.name() + "' is listed twice", "list each table once");
                    }
                    streams.add(hunting);
                }
                continue;
            }
            String name;
            Duration streamInterval = interval;
            Duration streamOverlap = overlap;
            Duration streamBackfill = backfill;
            Integer pageSize = null;
            Map<String, String> options = Map.of();
            if (stream.isTextual()) {
                name = stream.asText();
            } else {
                allowOnly(stream, streamKey, Set.of("name", "interval", "overlap", "backfill", "pageSize", "export"));
                name = required(stream, streamKey, "name");
                if (stream.has("interval")) {
                    streamInterval = Durations.parse(streamKey + ".interval", stream.get("interval").asText());
                }
                if (stream.has("overlap")) {
                    streamOverlap = Durations.parse(streamKey + ".overlap", stream.get("overlap").asText());
                }
                if (stream.has("backfill")) {
                    streamBackfill = Durations.parse(streamKey + ".backfill", stream.get("backfill").asText());
                }
                if (stream.has("pageSize")) {
                    if (!stream.get("pageSize").canConvertToInt() || stream.get("pageSize").asInt() < 1) {
                        throw new ConfigException(streamKey + ".pageSize", "'" + stream.get("pageSize").asText()
                                + "' is not a positive number", "leave it out to use the API's documented maximum");
                    }
                    pageSize = stream.get("pageSize").asInt();
                }
                if (stream.has("export")) {
                    options = Map.of("export", exportMode(stream, streamKey));
                }
            }
            if (!STREAMS.contains(name) && !StreamingSections.STREAMS.contains(name)) {
                throw new ConfigException(streamKey, "'" + name + "' is not a stream", "use one of: " + String.join(", ", STREAMS)
                        + ", " + String.join(", ", StreamingSections.STREAMS)
                        + ", or hunting / hunting:<Table> / {name: hunting, tables: [...]}");
            }
            if (!seen.add(name)) {
                throw new ConfigException(streamKey, "'" + name + "' is listed twice", "list each stream once");
            }
            streams.add(new ConnectorConfig.StreamSettings(name, streamInterval, streamOverlap, streamBackfill, pageSize,
                    options));
        }
        return streams;
    }

    /** {@code export: json | files}: how the vulnerabilities stream reads its full export. */
    private static String exportMode(JsonNode stream, String streamKey) {
        String name = stream.path("name").asText();
        if (!"vulnerabilities".equals(name)) {
            throw new ConfigException(streamKey + ".export", "is a setting of the vulnerabilities stream only",
                    "remove it from '" + name + "'");
        }
        String mode = stream.get("export").asText().trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("json") && !mode.equals("files")) {
            throw new ConfigException(streamKey + ".export", "'" + stream.get("export").asText() + "' is not an export mode",
                    "use json (the default) or files (recommended by Microsoft over 100,000 devices)");
        }
        return mode;
    }

    private static String httpsUrl(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(key, "is missing", "set it, or set endpoints.all for one base URL serving every API");
        }
        if (!value.startsWith("https://")) {
            throw new ConfigException(key, "'" + value + "' is not an https URL", "TLS is required; use https://");
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    static String required(JsonNode node, String key, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new ConfigException(key.isEmpty() ? field : key + "." + field, "is missing", "see docs/configuration.md");
        }
        return value.asText().trim();
    }

    static void allowOnly(JsonNode node, String key, Set<String> allowed) {
        if (!node.isObject()) {
            throw new ConfigException(key.isEmpty() ? "(file)" : key, "must be a mapping", "see docs/configuration.md");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new ConfigException(key.isEmpty() ? name : key + "." + name, "is not a known setting",
                        "use one of: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private static Path resolve(Path baseDir, String path) {
        Path p = Path.of(path);
        return p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p).normalize();
    }
}
