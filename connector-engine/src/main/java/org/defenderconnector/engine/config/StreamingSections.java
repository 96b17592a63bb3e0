package org.defenderconnector.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.defenderconnector.microsoft.cloud.Cloud;
import org.defenderconnector.streaming.eventhubs.EventHubsConnectionString;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Streaming API sections of a tenant: {@code storage:} (stream {@code streaming-storage}) and
 * {@code eventHubs:} (stream {@code streaming-eventhubs}). Everything is checked here, so a bad value is
 * reported with its key when the configuration is loaded, not when the stream first runs; secrets are
 * only accepted as references.
 */
final class StreamingSections {
    static final List<String> STREAMS = List.of(ConnectorConfig.STREAMING_STORAGE, ConnectorConfig.STREAMING_EVENT_HUBS);

    private static final Set<String> STORAGE_KEYS = Set.of("account", "connectionString", "auth", "accountKey", "sas",
            "queue", "listAtStart", "grace", "visibility", "blobEndpoint", "queueEndpoint");
    private static final Set<String> EVENT_HUBS_KEYS = Set.of("auth", "connectionString", "namespace", "hubs", "hub",
            "consumerGroup");
    /** Azure: 3 to 24 lower-case letters and digits. */
    private static final Pattern ACCOUNT = Pattern.compile("[a-z0-9]{3,24}");
    /** Azure: 3 to 63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit. */
    private static final Pattern QUEUE = Pattern.compile("[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}");
    /** Event Hubs: letters, digits, '.', '-', '_', starting and ending with a letter or digit, at most 256. */
    private static final Pattern HUB = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]{0,254}[A-Za-z0-9])?");
    /**
     * An Event Hubs namespace's host: its name (6 to 50 letters, digits and hyphens, starting with a letter and
     * ending with a letter or digit), then {@code .servicebus.} and the cloud's suffix.
     */
    private static final Pattern NAMESPACE_HOST =
            Pattern.compile("[a-z][a-z0-9-]{4,48}[a-z0-9]\\.servicebus(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+");
    private static final Duration MAX_GRACE = Duration.ofHours(24);
    private static final Duration MAX_VISIBILITY = Duration.ofDays(7);
    private static final Duration DEFAULT_GRACE = Duration.ofMinutes(10);
    private static final Duration DEFAULT_VISIBILITY = Duration.ofMinutes(5);

    private StreamingSections() {
    }

    /**
     * @param allowCustomEndpoints the tenant's {@code allowCustomEndpoints}: storage endpoints other than the
     *                             account's usual ones need the same explicit trust as custom API endpoints
     */
    static ConnectorConfig.StreamingStorageSettings storage(JsonNode node, String key, String cloud,
                                                            boolean allowCustomEndpoints, SecretResolver secrets) {
        ConfigLoader.allowOnly(node, key, STORAGE_KEYS);
        ConnectorConfig.StorageAuthKind auth = storageAuth(node, key);
        String secretKey = auth == ConnectorConfig.StorageAuthKind.ENTRA ? null : auth.configName();
        for (ConnectorConfig.StorageAuthKind other : ConnectorConfig.StorageAuthKind.values()) {
            String otherKey = other.configName();
            if (other != ConnectorConfig.StorageAuthKind.ENTRA && !otherKey.equals(secretKey) && node.has(otherKey)) {
                throw new ConfigException(key + "." + otherKey, "is set but auth is " + auth.configName(),
                        "remove it, or set auth: " + otherKey);
            }
        }
        if (secretKey != null && !node.hasNonNull(secretKey)) {
            throw new ConfigException(key + "." + secretKey, "is missing (auth is " + auth.configName() + ")",
                    "set " + secretKey + ": ${env:NAME} or ${file:PATH}");
        }
        String account = node.hasNonNull("account") ? node.get("account").asText().trim() : null;
        if (auth == ConnectorConfig.StorageAuthKind.CONNECTION_STRING) {
            if (account != null) {
                throw new ConfigException(key + ".account", "is set, but the connection string already names the account",
                        "remove account, or use auth: accountKey with accountKey: ${env:NAME}");
            }
        } else if (account == null || account.isEmpty()) {
            throw new ConfigException(key + ".account", "is missing",
                    "set the storage account name, the <name> of https://<name>.blob.core.windows.net");
        } else if (!ACCOUNT.matcher(account).matches()) {
            throw new ConfigException(key + ".account", "'" + account + "' is not a storage account name",
                    "use the account's name: 3 to 24 lower-case letters and digits");
        }
        Secret secret = secretKey == null ? null : secrets.resolve(key + "." + secretKey, node.get(secretKey).asText());
        if (auth == ConnectorConfig.StorageAuthKind.CONNECTION_STRING) {
            checkConnectionString(key + ".connectionString", secret);
        }
        String queue = ConfigLoader.required(node, key, "queue");
        if (!QUEUE.matcher(queue).matches()) {
            throw new ConfigException(key + ".queue", "'" + queue + "' is not a Storage queue name",
                    "use the queue your Event Grid subscription delivers to: 3 to 63 lower-case letters, digits and"
                            + " single hyphens, starting and ending with a letter or digit");
        }
        boolean listAtStart = false;
        if (node.has("listAtStart")) {
            if (!node.get("listAtStart").isBoolean()) {
                throw new ConfigException(key + ".listAtStart", "'" + node.get("listAtStart").asText()
                        + "' is not true or false", "write listAtStart: true to read blobs that have no queue message");
            }
            listAtStart = node.get("listAtStart").asBoolean();
        }
        Duration grace = duration(node, key, "grace", DEFAULT_GRACE, Duration.ZERO, MAX_GRACE, "0s to 24h (default 10m)");
        Duration visibility = duration(node, key, "visibility", DEFAULT_VISIBILITY, Duration.ofSeconds(1), MAX_VISIBILITY,
                "1s to 7d (default 5m)");
        URI blobEndpoint = null;
        URI queueEndpoint = null;
        if (node.has("blobEndpoint") || node.has("queueEndpoint")) {
            if (auth == ConnectorConfig.StorageAuthKind.CONNECTION_STRING) {
                throw new ConfigException(key + "." + (node.has("blobEndpoint") ? "blobEndpoint" : "queueEndpoint"),
                        "is set, but the connection string already names the endpoints",
                        "put BlobEndpoint= and QueueEndpoint= in the connection string, or use another auth");
            }
            if (!allowCustomEndpoints) {
                throw new ConfigException(key + ".blobEndpoint", "custom storage endpoints are set but not allowed",
                        "set the tenant's allowCustomEndpoints: true to confirm you trust them (private endpoint,"
                                + " emulator), or remove them to use https://" + account + ".blob." + endpointSuffix(cloud));
            }
            blobEndpoint = storageEndpoint(node, key, "blobEndpoint");
            queueEndpoint = storageEndpoint(node, key, "queueEndpoint");
        }
        return new ConnectorConfig.StreamingStorageSettings(auth, account, endpointSuffix(cloud),
                auth == ConnectorConfig.StorageAuthKind.CONNECTION_STRING ? secret : null,
                auth == ConnectorConfig.StorageAuthKind.ACCOUNT_KEY ? secret : null,
                auth == ConnectorConfig.StorageAuthKind.SAS ? secret : null,
                queue, listAtStart, grace, visibility, blobEndpoint, queueEndpoint);
    }

    /**
     * A blob or queue endpoint given explicitly: https only (Azure refuses bearer tokens over HTTP, and keys
     * or SAS signatures must not travel in clear either), with or without the account as its path (Azurite:
     * {@code https://127.0.0.1:10000/devstoreaccount1}).
     */
    private static URI storageEndpoint(JsonNode node, String key, String field) {
        String value = node.path(field).asText("").trim();
        if (value.isEmpty()) {
            throw new ConfigException(key + "." + field, "is missing", "set blobEndpoint and queueEndpoint together");
        }
        if (value.contains("?")) {
            // Not echoed: what follows '?' may be a SAS signature.
            throw new ConfigException(key + "." + field, "has a query part",
                    "give the endpoint without '?...': a SAS goes in storage.sas as ${env:NAME} or ${file:PATH}");
        }
        URI uri;
        try {
            uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        } catch (URISyntaxException e) {
            throw new ConfigException(key + "." + field, "'" + value + "' is not a URL",
                    "e.g. https://NAME." + (field.startsWith("blob") ? "blob" : "queue") + ".core.windows.net");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new ConfigException(key + "." + field, "'" + value + "' is not an https URL",
                    "TLS is required; use https://");
        }
        return uri;
    }

    /** The auth named, or the one the single credential set implies. */
    private static ConnectorConfig.StorageAuthKind storageAuth(JsonNode node, String key) {
        if (node.hasNonNull("auth")) {
            String text = node.get("auth").asText().trim();
            for (ConnectorConfig.StorageAuthKind kind : ConnectorConfig.StorageAuthKind.values()) {
                if (kind.configName().equalsIgnoreCase(text)) {
                    return kind;
                }
            }
            throw new ConfigException(key + ".auth", "'" + text + "' is not a storage sign-in",
                    "use one of: " + String.join(", ", Arrays.stream(ConnectorConfig.StorageAuthKind.values())
                            .map(ConnectorConfig.StorageAuthKind::configName).toList()));
        }
        List<ConnectorConfig.StorageAuthKind> given = new ArrayList<>();
        for (ConnectorConfig.StorageAuthKind kind : ConnectorConfig.StorageAuthKind.values()) {
            if (kind != ConnectorConfig.StorageAuthKind.ENTRA && node.has(kind.configName())) {
                given.add(kind);
            }
        }
        if (given.size() == 1) {
            return given.get(0);
        }
        if (given.isEmpty()) {
            throw new ConfigException(key + ".auth", "is missing and no storage credential is set",
                    "set auth: entra to sign in with the tenant's app registration (roles Storage Blob Data Reader and"
                            + " Storage Queue Data Message Processor), or one of connectionString, accountKey, sas as"
                            + " ${env:NAME} or ${file:PATH}");
        }
        throw new ConfigException(key, "sets more than one of connectionString, accountKey, sas",
                "keep the one the connector should use (or set auth: to say which)");
    }

    /**
     * A storage connection string names the account (or its endpoints) and a key or SAS. Checked by its
     * parts' names only; the value is never echoed.
     */
    private static void checkConnectionString(String key, Secret secret) {
        Set<String> parts = new java.util.HashSet<>();
        for (String part : secret.reveal().split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.add(part.substring(0, eq).trim().toLowerCase(Locale.ROOT));
            }
        }
        if (parts.contains("usedevelopmentstorage")) {
            return;
        }
        boolean names = parts.contains("accountname") || parts.contains("blobendpoint") && parts.contains("queueendpoint");
        boolean signs = parts.contains("accountkey") || parts.contains("sharedaccesssignature");
        if (!names || !signs) {
            List<String> missing = new ArrayList<>();
            if (!names) {
                missing.add("AccountName=");
            }
            if (!signs) {
                missing.add("AccountKey= or SharedAccessSignature=");
            }
            throw new ConfigException(key, "is not a storage connection string: it has no "
                    + String.join(" and no ", missing), "copy it from the storage account's Access keys blade into the file or"
                    + " variable behind " + secret.reference());
        }
    }

    /** @param tenantName names the default consumer group when none is configured */
    static ConnectorConfig.EventHubsSettings eventHubs(JsonNode node, String key, String tenantName,
                                                       SecretResolver secrets) {
        ConfigLoader.allowOnly(node, key, EVENT_HUBS_KEYS);
        ConnectorConfig.EventHubsAuthKind auth = eventHubsAuth(node, key);
        Secret connectionString = null;
        String namespace = null;
        if (auth == ConnectorConfig.EventHubsAuthKind.ENTRA) {
            if (node.has("connectionString")) {
                throw new ConfigException(key + ".connectionString", "is set but auth is entra",
                        "remove it to sign in with the tenant's app registration, or set auth: connectionString");
            }
            namespace = namespaceHost(node, key);
        } else {
            if (node.has("namespace")) {
                throw new ConfigException(key + ".namespace", "is set but auth is connectionString",
                        "remove it (the connection string names the namespace), or set auth: entra to sign in with"
                                + " the tenant's app registration instead");
            }
            connectionString = connectionString(node, key, secrets);
        }
        if (node.has("hub") && node.has("hubs")) {
            throw new ConfigException(key + ".hub", "is set together with hubs", "use hub: NAME for one hub or hubs: [..] for several");
        }
        List<String> hubs = new ArrayList<>();
        if (node.has("hub")) {
            hubs.add(hubName(key + ".hub", node.get("hub")));
        } else if (node.has("hubs")) {
            JsonNode list = node.get("hubs");
            if (!list.isArray() || list.isEmpty()) {
                throw new ConfigException(key + ".hubs", "must be a non-empty list of Event Hub names",
                        "e.g. hubs: [insights-logs-advancedhunting-devicenetworkevents], or leave it out for the"
                                + " connection string's EntityPath, else every insights-logs-advancedhunting-* hub");
            }
            for (int i = 0; i < list.size(); i++) {
                hubs.add(hubName(key + ".hubs[" + i + "]", list.get(i)));
            }
        }
        String consumerGroup = node.hasNonNull("consumerGroup") ? node.get("consumerGroup").asText().trim() : "";
        if (consumerGroup.isEmpty()) {
            consumerGroup = ConnectorConfig.EventHubsSettings.defaultConsumerGroup(tenantName);
        }
        return new ConnectorConfig.EventHubsSettings(auth, connectionString, namespace, hubs, consumerGroup);
    }

    /** The auth named, else the connection string's (the only sign-in before Entra, and still the default). */
    private static ConnectorConfig.EventHubsAuthKind eventHubsAuth(JsonNode node, String key) {
        if (node.hasNonNull("auth")) {
            String text = node.get("auth").asText().trim();
            for (ConnectorConfig.EventHubsAuthKind kind : ConnectorConfig.EventHubsAuthKind.values()) {
                if (kind.configName().equalsIgnoreCase(text)) {
                    return kind;
                }
            }
            throw new ConfigException(key + ".auth", "'" + text + "' is not an Event Hubs sign-in",
                    "use one of: " + String.join(", ", Arrays.stream(ConnectorConfig.EventHubsAuthKind.values())
                            .map(ConnectorConfig.EventHubsAuthKind::configName).toList()));
        }
        if (node.has("namespace") && !node.has("connectionString")) {
            throw new ConfigException(key + ".auth", "is missing: namespace is set but no connectionString",
                    "set auth: entra to sign in to the namespace with the tenant's app registration (Azure role"
                            + " 'Azure Event Hubs Data Receiver' on the namespace or hubs)");
        }
        return ConnectorConfig.EventHubsAuthKind.CONNECTION_STRING;
    }

    private static Secret connectionString(JsonNode node, String key, SecretResolver secrets) {
        if (!node.hasNonNull("connectionString")) {
            throw new ConfigException(key + ".connectionString", "is missing",
                    "put the connection string of a shared access policy with Listen rights (namespace or hub) in a"
                            + " file or environment variable and write ${file:PATH} or ${env:NAME}; or, where shared"
                            + " keys are not allowed, set auth: entra and namespace: <name>.servicebus.windows.net");
        }
        Secret connectionString = secrets.resolve(key + ".connectionString", node.get("connectionString").asText());
        try {
            EventHubsConnectionString.parse(connectionString.reveal());
        } catch (IllegalArgumentException e) {
            // The parser's message names what is missing and never echoes the string.
            throw new ConfigException(key + ".connectionString", e.getMessage(),
                    "fix the value behind " + connectionString.reference());
        }
        return connectionString;
    }

    /**
     * The namespace's fully qualified host, the token audience's host ({@code https://<host>/.default}) and the
     * Kafka endpoint's ({@code <host>:9093}). Common near misses get their own fix.
     */
    private static String namespaceHost(JsonNode node, String key) {
        String field = key + ".namespace";
        String text = node.hasNonNull("namespace") ? node.get("namespace").asText().trim() : "";
        if (text.isEmpty()) {
            throw new ConfigException(field, "is missing (auth is entra)", "set namespace: <name>.servicebus.windows.net,"
                    + " the Host name on the Event Hubs namespace's Overview page in the Azure portal");
        }
        String host = text.toLowerCase(Locale.ROOT);
        if (host.contains("://") || host.contains("/") || host.contains(":")) {
            throw new ConfigException(field, "'" + text + "' is not a bare host name",
                    "write only the host, without scheme, port or path, e.g. "
                            + bareHost(host).orElse("contoso.servicebus.windows.net"));
        }
        if (!host.contains(".")) {
            throw new ConfigException(field, "'" + text + "' is a namespace name, not its host name",
                    "write " + host + ".servicebus.windows.net (servicebus.usgovcloudapi.net in the US Government"
                            + " clouds)");
        }
        if (!NAMESPACE_HOST.matcher(host).matches()) {
            throw new ConfigException(field, "'" + text + "' is not an Event Hubs namespace host name",
                    "use the Host name on the namespace's Overview page: <name>.servicebus.windows.net, where the name"
                            + " has 6 to 50 letters, digits and hyphens and starts with a letter");
        }
        return host;
    }

    /** The host of something written as a URL or host:port, when there is one. */
    private static Optional<String> bareHost(String text) {
        String rest = text.contains("://") ? text.substring(text.indexOf("://") + 3) : text;
        int end = rest.length();
        for (char stop : new char[] {'/', ':'}) {
            int at = rest.indexOf(stop);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        String host = rest.substring(0, end);
        return NAMESPACE_HOST.matcher(host).matches() ? Optional.of(host) : Optional.empty();
    }

    private static String hubName(String key, JsonNode node) {
        String name = node.asText().trim();
        if (!node.isTextual() || !HUB.matcher(name).matches()) {
            throw new ConfigException(key, "'" + name + "' is not an Event Hub name",
                    "use the hub's name: letters, digits, '.', '-' and '_', starting and ending with a letter or digit");
        }
        return name;
    }

    /**
     * A stream of the Streaming API needs its section, and a section no stream reads is most likely a
     * forgotten stream: both are errors.
     */
    static void checkStreams(String key, List<ConnectorConfig.StreamSettings> streams,
                             ConnectorConfig.StreamingStorageSettings storage, ConnectorConfig.EventHubsSettings eventHubs) {
        List<String> names = streams.stream().map(ConnectorConfig.StreamSettings::name).toList();
        int storageAt = names.indexOf(ConnectorConfig.STREAMING_STORAGE);
        if (storageAt >= 0 && storage == null) {
            throw new ConfigException(key + ".streams[" + storageAt + "]", "'" + ConnectorConfig.STREAMING_STORAGE
                    + "' needs the tenant's storage: section", "add storage: {account: NAME, accountKey: ${env:NAME},"
                    + " queue: QUEUE} (see docs/configuration.md, Streaming API)");
        }
        if (storageAt < 0 && storage != null) {
            throw new ConfigException(key + ".storage", "is set but no stream reads it",
                    "add " + ConnectorConfig.STREAMING_STORAGE + " to streams, or remove the storage section");
        }
        int hubsAt = names.indexOf(ConnectorConfig.STREAMING_EVENT_HUBS);
        if (hubsAt >= 0 && eventHubs == null) {
            throw new ConfigException(key + ".streams[" + hubsAt + "]", "'" + ConnectorConfig.STREAMING_EVENT_HUBS
                    + "' needs the tenant's eventHubs: section", "add eventHubs: {connectionString: ${env:NAME}}"
                    + " (see docs/configuration.md, Streaming API)");
        }
        if (hubsAt < 0 && eventHubs != null) {
            throw new ConfigException(key + ".eventHubs", "is set but no stream reads it",
                    "add " + ConnectorConfig.STREAMING_EVENT_HUBS + " to streams, or remove the eventHubs section");
        }
    }

    /** Storage account DNS suffix of the tenant's cloud: US Government clouds have their own. */
    private static String endpointSuffix(String cloud) {
        return Cloud.fromId(cloud).storageSuffix();
    }

    private static Duration duration(JsonNode node, String key, String field, Duration fallback, Duration min,
                                     Duration max, String range) {
        if (!node.has(field)) {
            return fallback;
        }
        Duration value = Durations.parse(key + "." + field, node.get(field).asText());
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new ConfigException(key + "." + field, "'" + node.get(field).asText() + "' is out of range",
                    "use a duration from " + range);
        }
        return value;
    }
}
