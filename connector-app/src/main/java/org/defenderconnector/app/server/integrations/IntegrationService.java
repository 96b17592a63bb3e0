package org.defenderconnector.app.server.integrations;

import org.defenderconnector.app.server.audit.AuditTrail;
import org.defenderconnector.app.server.runtime.IntegrationRuntime;
import org.defenderconnector.app.server.security.Principal;
import org.defenderconnector.app.server.security.Role;
import org.defenderconnector.microsoft.cloud.Cloud;
import org.defenderconnector.microsoft.cloud.Endpoints;
import org.defenderconnector.microsoft.cloud.Region;
import org.defenderconnector.microsoft.cloud.TlsTrust;
import org.defenderconnector.store.admin.IntegrationRecord;
import org.defenderconnector.store.admin.IntegrationRecords;
import org.defenderconnector.store.admin.SecretVault;
import org.defenderconnector.store.browse.EventBrowser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The integrations' life cycle: create, edit, test, activate, deactivate, delete, and their status.
 * Every change is audited (field names only, never secret values). Activation and deactivation go
 * through the {@link IntegrationRuntime} while the server runs.
 */
public final class IntegrationService {
    private static final Logger LOG = LoggerFactory.getLogger(IntegrationService.class);

    private final IntegrationRecords records;
    private final SecretVault vault;
    private final AuditTrail audit;
    private final IntegrationRuntime runtime;
    private final CredentialTester tester;
    private final EventBrowser events;
    private final Path caDirectory;
    private final int expiryWarningDays;
    private final Clock clock;

    public IntegrationService(IntegrationRecords records, SecretVault vault, AuditTrail audit, IntegrationRuntime runtime,
                              CredentialTester tester, EventBrowser events, Path caDirectory, int expiryWarningDays,
                              Clock clock) {
        this.records = records;
        this.vault = vault;
        this.audit = audit;
        this.runtime = runtime;
        this.tester = tester;
        this.events = events;
        this.caDirectory = caDirectory;
        this.expiryWarningDays = expiryWarningDays;
        this.clock = clock;
    }

    public List<IntegrationView> list() {
        return records.list().stream().map(this::view).toList();
    }

    public IntegrationView get(String name) {
        return view(find(name));
    }

    public synchronized IntegrationView create(IntegrationInput input, Principal actor) {
        requireAdminForEndpoints(input, null, actor);
        IntegrationForm.Draft draft = IntegrationForm.validate(input, null, clock.instant());
        if (!records.insert(draft.record())) {
            throw new IllegalStateException("an integration named '" + draft.record().name() + "' already exists");
        }
        draft.secrets().saveTo(vault, draft.record().name());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("tenantId", draft.record().tenantId());
        details.put("clientId", draft.record().clientId());
        details.put("authMethod", draft.record().authMethod().name().toLowerCase(java.util.Locale.ROOT));
        details.put("streams", draft.record().streams());
        details.put("credential", "set");
        if (draft.record().apiBaseUrl() != null) {
            details.put("apiBaseUrl", draft.record().apiBaseUrl());
        }
        if (!draft.record().audiences().isEmpty()) {
            // Public App ID URIs or application ids, not secrets: the values are worth keeping.
            details.put("audiences", draft.record().audiences());
        }
        audit.record(actor.name(), "integration.create", draft.record().name(), details);
        return view(draft.record());
    }

    public synchronized IntegrationView update(String name, IntegrationInput input, Principal actor) {
        IntegrationRecord old = find(name);
        requireAdminForEndpoints(input, old, actor);
        IntegrationSecrets secrets = loadSecrets(name);
        IntegrationForm.Draft draft = IntegrationForm.validate(input,
                new IntegrationForm.Existing(old, secrets), clock.instant());
        records.update(draft.record());
        draft.secrets().saveTo(vault, name);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("changed", draft.changed());
        if (!old.audiences().equals(draft.record().audiences())) {
            details.put("audiences", draft.record().audiences());
        }
        audit.record(actor.name(), "integration.update", name, details);
        if (runtime.isActive(name)) {
            // New settings take effect at once: the streams restart from their committed positions.
            runtime.activate(resolve(draft.record()));
        }
        return view(draft.record());
    }

    public synchronized void delete(String name, Principal actor) {
        IntegrationRecord record = find(name);
        runtime.deactivate(name);
        records.delete(name);
        vault.deleteAll(name);
        try {
            Files.deleteIfExists(caFile(name));
        } catch (IOException e) {
            LOG.warn("could not remove the CA file of {}: {}", name, e.toString());
        }
        audit.record(actor.name(), "integration.delete", name, Map.of("wasActive", record.active()));
    }

    public synchronized IntegrationView activate(String name, Principal actor) {
        IntegrationRecord record = find(name);
        runtime.activate(resolve(record));
        IntegrationRecord active = record.withActive(true, clock.instant());
        records.update(active);
        audit.record(actor.name(), "integration.activate", name, Map.of("streams", record.streams()));
        return view(active);
    }

    public synchronized IntegrationView deactivate(String name, Principal actor) {
        IntegrationRecord record = find(name);
        runtime.deactivate(name);
        IntegrationRecord inactive = record.withActive(false, clock.instant());
        records.update(inactive);
        audit.record(actor.name(), "integration.deactivate", name, Map.of());
        return view(inactive);
    }

    /** Tests the stored integration, or a draft of changes to it merged with its stored secrets. */
    public TestResult test(String name, IntegrationInput draftChanges, Principal actor) {
        IntegrationRecord record = find(name);
        IntegrationSecrets secrets;
        try {
            secrets = loadSecrets(name);
        } catch (IllegalStateException e) {
            return TestResult.notRun(e.getMessage(), "set the server key the secrets were stored with, or enter the"
                    + " secrets again", clock.instant());
        }
        if (draftChanges == null) {
            return runTest(record, secrets);
        }
        requireAdminForEndpoints(draftChanges, record, actor);
        IntegrationForm.Draft draft = IntegrationForm.validate(draftChanges,
                new IntegrationForm.Existing(record, secrets), clock.instant());
        return runTest(draft.record(), draft.secrets());
    }

    /** The stored secrets; a key that cannot decrypt them is a conflict the user can fix, not a crash. */
    private IntegrationSecrets loadSecrets(String name) {
        try {
            return IntegrationSecrets.load(vault, name);
        } catch (org.defenderconnector.store.StoreException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Tests an integration that is not saved yet (the console's Test button on a new form). */
    public TestResult testDraft(IntegrationInput input, Principal actor) {
        requireAdminForEndpoints(input, null, actor);
        IntegrationForm.Draft draft = IntegrationForm.validate(input, null, clock.instant());
        return runTest(draft.record(), draft.secrets());
    }

    private TestResult runTest(IntegrationRecord record, IntegrationSecrets secrets) {
        ResolvedIntegration resolved;
        try {
            resolved = resolve(record, secrets);
        } catch (RuntimeException e) {
            return TestResult.notRun(e.getMessage(), "edit the integration and correct it", clock.instant());
        }
        return tester.test(resolved);
    }

    public IntegrationStatus status(String name) {
        IntegrationRecord record = find(name);
        Instant now = clock.instant();
        Map<String, Long> stored = events.countPerStream(name);
        Map<String, Instant> newest = events.newestPerStream(name);
        Map<String, IntegrationRuntime.StreamFigures> live = new LinkedHashMap<>();
        runtime.status(name).forEach(f -> live.put(f.stream(), f));
        boolean active = runtime.isActive(name);
        List<IntegrationStatus.StreamState> streams = new ArrayList<>();
        // An active integration shows its engine streams: 'hunting' runs as one stream per table, and a
        // Streaming API destination adds its stream.
        List<String> names = live.isEmpty() ? record.streams() : List.copyOf(live.keySet());
        for (String stream : names) {
            IntegrationRuntime.StreamFigures f = live.get(stream);
            long count = stored.getOrDefault(stream, 0L);
            if (f == null) {
                streams.add(new IntegrationStatus.StreamState(stream, active ? "STARTING" : "INACTIVE", 0, count, null,
                        null, null, 0, 0, 0, null, newest.get(stream)));
            } else {
                Long lag = f.lastSuccess() == null ? null : Duration.between(f.lastSuccess(), now).toSeconds();
                streams.add(new IntegrationStatus.StreamState(stream, f.state(), f.records(), count, f.lastSuccess(),
                        f.lastError(), f.fix(), f.consecutiveFailures(), f.polls(), f.errors(), lag, newest.get(stream)));
            }
        }
        String state = active ? worst(streams) : "INACTIVE";
        return new IntegrationStatus(name, active, state, streams, Expiry.of(record, expiryWarningDays, clock),
                runtime.budget(name));
    }

    /** Activates every integration that was active when the server last stopped. */
    public void resumeActive() {
        for (IntegrationRecord record : records.list()) {
            if (record.active()) {
                try {
                    runtime.activate(resolve(record));
                } catch (RuntimeException e) {
                    LOG.warn("integration {} could not be resumed: {}", record.name(), e.getMessage());
                }
            }
        }
    }

    /**
     * Creates the integration, or replaces its settings when one of that name exists, and activates it
     * when asked: what {@code demo} uses to register the emulator's integration.
     */
    public synchronized IntegrationView register(IntegrationInput input, boolean activate, Principal actor) {
        String name = Objects.requireNonNull(input.name(), "name");
        IntegrationView view = records.find(name).isPresent() ? update(name, input, actor) : create(input, actor);
        return activate ? activate(name, actor) : view;
    }

    private static String worst(List<IntegrationStatus.StreamState> streams) {
        return worstState(streams.stream().map(IntegrationStatus.StreamState::state).toList());
    }

    private static String worstState(List<String> states) {
        List<String> order = List.of("FAILING", "DEGRADED", "STARTING", "STOPPED", "OK");
        return states.stream().min((a, b) -> Integer.compare(rank(order, a), rank(order, b))).orElse("STARTING");
    }

    private static int rank(List<String> order, String state) {
        int i = order.indexOf(state);
        return i < 0 ? 0 : i;
    }

    private IntegrationRecord find(String name) {
        return records.find(name).orElseThrow(() -> new NoSuchElementException("no integration named '" + name + "'"));
    }

    private IntegrationView view(IntegrationRecord record) {
        String state = "INACTIVE";
        if (runtime.isActive(record.name())) {
            state = worstState(runtime.status(record.name()).stream().map(IntegrationRuntime.StreamFigures::state).toList());
        }
        return IntegrationView.of(record, vault.names(record.name()), Expiry.of(record, expiryWarningDays, clock), state);
    }

    private ResolvedIntegration resolve(IntegrationRecord record) {
        return resolve(record, loadSecrets(record.name()));
    }

    private ResolvedIntegration resolve(IntegrationRecord record, IntegrationSecrets secrets) {
        Cloud cloud = Cloud.fromId(record.cloud());
        Endpoints endpoints;
        if (record.apiBaseUrl() != null) {
            URI base = URI.create(record.apiBaseUrl());
            endpoints = cloud == Cloud.GLOBAL ? Endpoints.custom(base, true)
                    : Endpoints.custom(cloud, base, base, base, base, true);
        } else {
            endpoints = record.region() == null ? Endpoints.of(cloud) : Endpoints.of(cloud, Region.fromId(record.region()));
        }
        // Collection, the Test button and status all use these endpoints, so all of them ask for the
        // audiences an admin set (Microsoft does not document the US Government ones).
        endpoints = endpoints.withResources(TokenAudiences.byApi(record.audiences()));
        TlsTrust tls = record.extraCaPem() == null ? TlsTrust.systemDefault() : TlsTrust.withExtraCa(writeCa(record));
        return new ResolvedIntegration(record, secrets, endpoints, tls);
    }

    /** The trust settings take a file; a CA certificate is public, so writing it out is harmless. */
    private Path writeCa(IntegrationRecord record) {
        Path file = caFile(record.name());
        try {
            Files.createDirectories(caDirectory);
            Files.writeString(file, record.extraCaPem());
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the CA certificate file " + file + ": " + e.getMessage(), e);
        }
    }

    private Path caFile(String name) {
        return caDirectory.resolve(name + ".pem");
    }

    /**
     * Custom endpoints decide where credentials are sent and where data is read from: only admins may set
     * them. A storage connection string counts as one, since it may name any blob and queue endpoint, and
     * so do token audiences, since they decide which API a token (and its permissions) is good for.
     */
    private static void requireAdminForEndpoints(IntegrationInput input, IntegrationRecord old, Principal actor) {
        boolean touchesEndpoints = (input.apiBaseUrl() != null
                && !Objects.equals(emptyToNull(input.apiBaseUrl()), old == null ? null : old.apiBaseUrl()))
                || (input.extraCaPem() != null
                && !Objects.equals(emptyToNull(input.extraCaPem()), old == null ? null : old.extraCaPem()))
                || emptyToNull(input.storageConnectionString()) != null
                || changesAudiences(input, old);
        if (touchesEndpoints && actor.role() != Role.ADMIN) {
            throw new SecurityException("only admins may set a custom API base URL, CA certificate, token audiences"
                    + " or storage connection string");
        }
    }

    private static boolean changesAudiences(IntegrationInput input, IntegrationRecord old) {
        if (input.audiences() == null) {
            return false;
        }
        Map<String, String> stored = old == null ? Map.of() : old.audiences();
        return input.audiences().entrySet().stream().anyMatch(given ->
                !Objects.equals(emptyToNull(given.getValue()), stored.get(given.getKey())));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
