package org.defenderconnector.app.server.integrations;

import org.defenderconnector.microsoft.auth.ClientSecret;
import org.defenderconnector.microsoft.cloud.Api;
import org.defenderconnector.microsoft.cloud.Cloud;
import org.defenderconnector.microsoft.cloud.Endpoints;
import org.defenderconnector.microsoft.cloud.Region;
import org.defenderconnector.microsoft.hunting.HuntingSources;
import org.defenderconnector.microsoft.permissions.DefenderStream;
import org.defenderconnector.store.admin.IntegrationRecord;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a submitted integration and turns it into what is stored. Every problem is collected (not
 * just the first) and names its field and the fix, in the words of the Entra and Defender portals.
 */
final class IntegrationForm {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    static final int DEFAULT_INTERVAL = 0;

    /** A valid integration: the record to store, its secrets, and the names of the fields that changed. */
    record Draft(IntegrationRecord record, IntegrationSecrets secrets, List<String> changed) {
    }

    /** The stored integration being edited. */
    record Existing(IntegrationRecord record, IntegrationSecrets secrets) {
    }

    private final List<FieldError> errors = new ArrayList<>();

    private IntegrationForm() {
    }

    /**
     * @param existing the stored integration when editing, null when creating
     * @throws InvalidInputException listing every problem
     */
    static Draft validate(IntegrationInput in, Existing existing, Instant now) {
        return new IntegrationForm().check(in, existing, now);
    }

    private Draft check(IntegrationInput in, Existing existing, Instant now) {
        IntegrationRecord old = existing == null ? null : existing.record();
        String name = old != null ? old.name() : text(in.name());
        if (old != null && in.name() != null && !in.name().strip().equals(old.name())) {
            error("name", "cannot be changed", "create a new integration with the new name and delete this one");
        } else if (name == null || !NAME.matcher(name).matches()) {
            error("name", name == null ? "is missing" : "'" + name + "' is not a valid name",
                    "use letters, digits, '.', '_' or '-' (at most 64), e.g. contoso-prod");
        }
        String tenantId = pick(text(in.tenantId()), old == null ? null : old.tenantId());
        if (tenantId == null) {
            error("tenantId", "is missing", "copy the Directory (tenant) ID from Microsoft Entra ID > Overview");
        } else if (!GUID.matcher(tenantId).matches() && !DOMAIN.matcher(tenantId).matches()) {
            error("tenantId", "'" + tenantId + "' is neither a GUID nor a domain",
                    "copy the Directory (tenant) ID from Microsoft Entra ID > Overview");
        }
        String clientId = pick(text(in.clientId()), old == null ? null : old.clientId());
        if (clientId == null) {
            error("clientId", "is missing", "copy the Application (client) ID from Entra ID > App registrations > your app > Overview");
        } else if (!GUID.matcher(clientId).matches()) {
            error("clientId", "'" + clientId + "' is not a GUID",
                    "copy the Application (client) ID from Entra ID > App registrations > your app > Overview");
        }

        IntegrationRecord.AuthMethod method = authMethod(in.authMethod(), old);
        IntegrationSecrets previous = existing == null ? IntegrationSecrets.none() : existing.secrets();
        List<String> changed = new ArrayList<>();
        String clientSecret = null;
        byte[] certificate = null;
        String certificatePassword = null;
        IntegrationRecord.CertificateFacts facts = null;
        LocalDate secretExpires = null;
        if (method == IntegrationRecord.AuthMethod.SECRET) {
            clientSecret = nonBlank(in.clientSecret()) ? in.clientSecret().strip() : previous.clientSecret().orElse(null);
            if (nonBlank(in.clientSecret())) {
                changed.add("clientSecret");
            }
            if (clientSecret == null) {
                error("clientSecret", "is missing",
                        "create one under App registrations > your app > Certificates & secrets > New client secret, and copy its Value");
            } else if (ClientSecret.of(clientSecret).looksLikeSecretId()) {
                error("clientSecret", "looks like the secret's ID (a GUID), not its value",
                        "copy the Value column, not the Secret ID, under Certificates & secrets");
            }
            secretExpires = date(in.secretExpires(), old == null ? null : old.secretExpires(), in.secretExpires() != null);
        } else {
            boolean newUpload = nonBlank(in.certificate());
            certificatePassword = in.certificatePassword() != null ? emptyToNull(in.certificatePassword())
                    : previous.certificatePassword().orElse(null);
            if (in.certificatePassword() != null) {
                changed.add("certificatePassword");
            }
            if (newUpload) {
                changed.add("certificate");
                try {
                    certificate = CertificateUpload.decodeUpload(in.certificate());
                } catch (IllegalArgumentException e) {
                    error("certificate", e.getMessage(), "paste the PEM text (certificate and private key) or upload the .pfx file");
                }
            } else {
                certificate = previous.certificateUpload().orElse(null);
            }
            if (certificate == null && errors.stream().noneMatch(e -> e.field().equals("certificate"))) {
                error("certificate", "is missing", "upload the certificate with its private key (PEM or .pfx)");
            } else if (certificate != null) {
                try {
                    facts = CertificateUpload.parse(certificate,
                            certificatePassword == null ? null : certificatePassword.toCharArray()).facts();
                } catch (IllegalArgumentException e) {
                    error("certificate", e.getMessage(), "upload the certificate with its private key; for a .pfx,"
                            + " enter its password");
                }
            }
            if (in.secretExpires() != null && !in.secretExpires().isBlank()) {
                error("secretExpires", "only applies to client secrets", "a certificate's expiry is read from the certificate");
            }
        }

        String cloud = pick(lower(in.cloud()), old == null ? "global" : old.cloud());
        Cloud parsedCloud = null;
        try {
            parsedCloud = Cloud.fromId(cloud);
            cloud = parsedCloud.id();
        } catch (IllegalArgumentException e) {
            error("cloud", "'" + cloud + "' is not a cloud", "use one of: global, gcc, gcc-high, dod");
        }
        String region = in.region() != null ? emptyToNull(lower(in.region())) : old == null ? null : old.region();
        if (region != null) {
            try {
                Region.fromId(region);
                if (parsedCloud != null && parsedCloud != Cloud.GLOBAL) {
                    error("region", "regional hosts exist only in the global cloud", "clear the region");
                }
            } catch (IllegalArgumentException e) {
                error("region", "'" + region + "' is not a region", "use one of: us, eu, uk, au, swa, ina, aea, or leave it empty");
            }
        }
        String apiBaseUrl = in.apiBaseUrl() != null ? emptyToNull(in.apiBaseUrl()) : old == null ? null : old.apiBaseUrl();
        if (apiBaseUrl != null) {
            apiBaseUrl = httpsUrl(apiBaseUrl);
            if (region != null) {
                error("apiBaseUrl", "a custom base URL and a region exclude each other", "clear one of them");
            }
        }
        String extraCaPem = in.extraCaPem() != null ? emptyToNull(in.extraCaPem()) : old == null ? null : old.extraCaPem();
        if (extraCaPem != null) {
            checkCa(extraCaPem);
        }

        Map<String, String> audiences = audiences(in.audiences(), old, parsedCloud == null ? Cloud.GLOBAL : parsedCloud);

        String storageKey = in.storageKey() != null ? emptyToNull(in.storageKey()) : previous.storageKey().orElse(null);
        String storageConnection = in.storageConnectionString() != null ? emptyToNull(in.storageConnectionString())
                : previous.storageConnectionString().orElse(null);
        String eventHubConnection = in.eventHubConnectionString() != null ? emptyToNull(in.eventHubConnectionString())
                : previous.eventHubConnectionString().orElse(null);
        if (in.storageKey() != null) {
            changed.add("storageKey");
        }
        if (in.storageConnectionString() != null) {
            changed.add("storageConnectionString");
            if (storageConnection != null) {
                checkStorageConnectionString(storageConnection);
            }
        }
        IntegrationRecord.StreamingSettings streaming = streaming(in, old, storageKey != null, storageConnection != null);
        if (in.eventHubConnectionString() != null) {
            changed.add("eventHubConnectionString");
        }
        List<String> streams = streams(in.streams(), old);
        int interval = interval(in.pollIntervalSeconds(), old);

        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        IntegrationRecord record = new IntegrationRecord(name, tenantId, clientId, method, cloud, region, apiBaseUrl,
                extraCaPem, audiences, streaming, streams, interval, secretExpires, facts, old != null && old.active(),
                old == null ? now : old.created(), now);
        if (old != null) {
            changed.addAll(0, differences(old, record));
        }
        IntegrationSecrets secrets = previous.with(clientSecret, certificate, certificatePassword, storageKey,
                storageConnection, eventHubConnection);
        return new Draft(record, secrets, List.copyOf(new LinkedHashSet<>(changed)));
    }

    private IntegrationRecord.AuthMethod authMethod(String value, IntegrationRecord old) {
        if (value == null || value.isBlank()) {
            return old == null ? IntegrationRecord.AuthMethod.SECRET : old.authMethod();
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "secret", "client_secret", "clientsecret" -> IntegrationRecord.AuthMethod.SECRET;
            case "certificate" -> IntegrationRecord.AuthMethod.CERTIFICATE;
            default -> {
                error("authMethod", "'" + value + "' is not an authentication method", "use 'secret' or 'certificate'");
                yield IntegrationRecord.AuthMethod.SECRET;
            }
        };
    }

    private LocalDate date(String value, LocalDate old, boolean given) {
        if (!given) {
            return old;
        }
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            error("secretExpires", "'" + value + "' is not a date", "write it as yyyy-mm-dd, as shown in the Expires column");
            return null;
        }
    }

    private String httpsUrl(String value) {
        try {
            URI uri = new URI(value.strip());
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                error("apiBaseUrl", "'" + value + "' is not an https URL with a host",
                        "TLS is always on; write e.g. https://127.0.0.1:8443");
                return value;
            }
            if (uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
                error("apiBaseUrl", "must be a plain base URL", "remove user info, query and fragment");
            }
            String text = uri.toString();
            return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        } catch (java.net.URISyntaxException e) {
            error("apiBaseUrl", "'" + value + "' is not a URL", "write e.g. https://127.0.0.1:8443");
            return value;
        }
    }

    /**
     * The token audiences after this submission: the stored ones, with each API given replaced (an empty
     * value restores the cloud's default). Values are checked by {@link Endpoints#withResources}, as for a
     * configuration file's {@code audiences:}, so the server accepts exactly what {@code run} accepts.
     */
    private Map<String, String> audiences(Map<String, String> given, IntegrationRecord old, Cloud cloud) {
        Map<Api, String> result = new EnumMap<>(Api.class);
        if (old != null) {
            old.audiences().forEach((id, resource) -> Api.byId(id).ifPresent(api -> result.put(api, resource)));
        }
        if (given != null) {
            given.forEach((id, value) -> {
                java.util.Optional<Api> api = Api.byId(id);
                if (api.isEmpty()) {
                    error("audiences", "'" + id + "' is not an API", "set audiences for " + TokenAudiences.API_IDS);
                } else if (value == null || value.isBlank()) {
                    result.remove(api.get());
                } else {
                    try {
                        Endpoints.of(cloud).withResources(Map.of(api.get(), value));
                        result.put(api.get(), value.strip());
                    } catch (IllegalArgumentException e) {
                        error("audiences." + api.get().id(), "'" + value.strip() + "' is not a token audience",
                                "use the API's App ID URI (https://...) or application id (GUID), e.g. "
                                        + cloud.resource(api.get()) + "; leave it empty for the " + cloud.id()
                                        + " cloud's default");
                    }
                }
            });
        }
        Map<String, String> byId = new LinkedHashMap<>();
        result.forEach((api, resource) -> byId.put(api.id(), resource));
        return byId;
    }

    private void checkCa(String pem) {
        try {
            if (CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).isEmpty()) {
                error("extraCaPem", "holds no certificate", "paste the CA certificate in PEM (-----BEGIN CERTIFICATE-----)");
            }
        } catch (Exception e) {
            error("extraCaPem", "is not a PEM certificate", "paste the CA certificate in PEM (-----BEGIN CERTIFICATE-----)");
        }
    }

    /**
     * A storage destination is a queue and either an account name (signed in with its key, or with Entra
     * when no key is stored) or a connection string, which names the account or its endpoints and carries
     * its own key, as {@code storage.connectionString} does in a configuration file.
     */
    private IntegrationRecord.StreamingSettings streaming(IntegrationInput in, IntegrationRecord old, boolean storageKey,
                                                          boolean storageConnection) {
        IntegrationRecord.StreamingSettings previous = old == null || old.streaming() == null
                ? new IntegrationRecord.StreamingSettings(null, null, null, null, null) : old.streaming();
        IntegrationRecord.StreamingSettings s = new IntegrationRecord.StreamingSettings(
                in.storageAccount() != null ? emptyToNull(in.storageAccount()) : previous.storageAccount(),
                in.storageQueue() != null ? emptyToNull(in.storageQueue()) : previous.storageQueue(),
                in.eventHubNamespace() != null ? emptyToNull(in.eventHubNamespace()) : previous.eventHubNamespace(),
                in.eventHubName() != null ? emptyToNull(in.eventHubName()) : previous.eventHubName(),
                in.eventHubConsumerGroup() != null ? emptyToNull(in.eventHubConsumerGroup()) : previous.eventHubConsumerGroup());
        boolean storage = s.storageAccount() != null || s.storageQueue() != null || storageConnection;
        boolean hub = s.eventHubNamespace() != null || s.eventHubName() != null || s.eventHubConsumerGroup() != null;
        if (storage && hub) {
            error("storageAccount", "a storage account and an Event Hub are both set",
                    "Defender's Streaming API exports to one of them; keep the one configured under Settings > Streaming API");
        }
        if (storageConnection && s.storageAccount() != null) {
            error("storageAccount", "is set, but the storage connection string already names the account",
                    "clear the storage account, or clear the connection string and use the account name with its key");
        }
        if (storageConnection && storageKey) {
            error("storageKey", "is set together with a storage connection string, which carries its own key",
                    "clear the storage key (send an empty string), or clear the connection string");
        }
        if (storage && s.storageAccount() == null && !storageConnection) {
            error("storageAccount", "is missing",
                    "a storage destination needs the account name (the <name> of https://<name>.blob.core.windows.net),"
                            + " or a storage connection string (admins only)");
        }
        if (storage && s.storageQueue() == null) {
            error("storageQueue", "is missing",
                    "a storage destination needs the queue that receives the BlobCreated events of the Event Grid subscription");
        }
        if (hub && (s.eventHubNamespace() == null || s.eventHubName() == null)) {
            error(s.eventHubNamespace() == null ? "eventHubNamespace" : "eventHubName", "is missing",
                    "an Event Hub destination needs both the namespace and the hub name");
        }
        return s;
    }

    /**
     * A storage connection string names the account (or its blob and queue endpoints) and signs with a
     * key or SAS. Checked by its parts' names only: the value is never echoed.
     */
    private void checkStorageConnectionString(String value) {
        Set<String> parts = new java.util.HashSet<>();
        for (String part : value.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.add(part.substring(0, eq).strip().toLowerCase(Locale.ROOT));
            }
        }
        if (parts.contains("usedevelopmentstorage")) {
            return;
        }
        boolean names = parts.contains("accountname") || parts.contains("blobendpoint") && parts.contains("queueendpoint");
        boolean signs = parts.contains("accountkey") || parts.contains("sharedaccesssignature");
        List<String> missing = new ArrayList<>();
        if (!names) {
            missing.add("AccountName= (or BlobEndpoint= and QueueEndpoint=)");
        }
        if (!signs) {
            missing.add("AccountKey= or SharedAccessSignature=");
        }
        if (!missing.isEmpty()) {
            error("storageConnectionString", "is not a storage connection string: it has no " + String.join(" and no ", missing),
                    "copy a whole connection string from the storage account's Access keys blade, e.g."
                            + " DefaultEndpointsProtocol=https;AccountName=NAME;AccountKey=KEY;EndpointSuffix=core.windows.net");
        }
    }

    /** {@code hunting:<Table>} names one advanced hunting table; its table name is checked. */
    private static java.util.Optional<String> huntingTable(String stream) {
        if (stream == null || !stream.strip().toLowerCase(java.util.Locale.ROOT).startsWith(HuntingSources.STREAM_PREFIX)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(HuntingSources.streamName(HuntingSources.tableOf(stream.strip())));
    }

    private List<String> streams(List<String> given, IntegrationRecord old) {
        if (given == null) {
            if (old != null) {
                return old.streams();
            }
            error("streams", "are missing", "choose at least one stream: " + DefenderStream.allIds());
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String stream : given) {
            try {
                String id = huntingTable(stream).orElseGet(() -> DefenderStream.fromId(Objects.requireNonNullElse(stream, "")).id());
                if (!seen.add(id)) {
                    error("streams", "'" + id + "' is listed twice", "list each stream once");
                }
            } catch (IllegalArgumentException e) {
                error("streams", "'" + stream + "' is not a stream", "use: " + DefenderStream.allIds()
                        + ", or hunting:<Table> for one advanced hunting table");
            }
        }
        if (given.isEmpty()) {
            error("streams", "are empty", "choose at least one stream: " + DefenderStream.allIds());
        }
        return List.copyOf(seen);
    }

    private int interval(Integer given, IntegrationRecord old) {
        if (given == null) {
            return old == null ? DEFAULT_INTERVAL : old.pollIntervalSeconds();
        }
        if (given != 0 && (given < 5 || given > 86_400)) {
            error("pollIntervalSeconds", given + " is out of range",
                    "use 0 for each stream's default, or 5 to 86400 seconds");
        }
        return given;
    }

    private static List<String> differences(IntegrationRecord a, IntegrationRecord b) {
        List<String> changed = new ArrayList<>();
        compare(changed, "tenantId", a.tenantId(), b.tenantId());
        compare(changed, "clientId", a.clientId(), b.clientId());
        compare(changed, "authMethod", a.authMethod(), b.authMethod());
        compare(changed, "cloud", a.cloud(), b.cloud());
        compare(changed, "region", a.region(), b.region());
        compare(changed, "apiBaseUrl", a.apiBaseUrl(), b.apiBaseUrl());
        compare(changed, "extraCaPem", a.extraCaPem(), b.extraCaPem());
        compare(changed, "audiences", a.audiences(), b.audiences());
        compare(changed, "streaming", a.streaming(), b.streaming());
        compare(changed, "streams", a.streams(), b.streams());
        compare(changed, "pollIntervalSeconds", a.pollIntervalSeconds(), b.pollIntervalSeconds());
        compare(changed, "secretExpires", a.secretExpires(), b.secretExpires());
        return changed;
    }

    private static void compare(List<String> changed, String field, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            changed.add(field);
        }
    }

    private void error(String field, String problem, String fix) {
        errors.add(new FieldError(field, problem, fix));
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String lower(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean nonBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static String pick(String given, String fallback) {
        return given != null ? given : fallback;
    }
}
