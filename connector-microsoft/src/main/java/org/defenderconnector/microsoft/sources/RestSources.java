package org.defenderconnector.microsoft.sources;

import org.defenderconnector.api.Source;
import org.defenderconnector.api.StreamId;
import org.defenderconnector.microsoft.http.AccessToken;
import org.defenderconnector.microsoft.http.ApiClient;
import org.defenderconnector.microsoft.http.ApiFamily;
import org.defenderconnector.microsoft.http.HttpSettings;
import org.defenderconnector.microsoft.http.Pause;
import org.defenderconnector.microsoft.http.RateBudget;
import org.defenderconnector.microsoft.http.RequiredPermission;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Creates the REST collection sources of one tenant. All of them share one HTTP client and the
 * tenant's {@link RateBudget}.
 *
 * <pre>{@code
 * RestSources sources = RestSources.builder("contoso")
 *         .endpoints(ApiEndpoints.commercial())
 *         .tokens(new ApiTokens(mdeToken, xdrToken, graphToken))
 *         .budget(RateBudget.documented("contoso"))
 *         .sslContext(SSLContext.getDefault())
 *         .skippedWindows((stream, start, end, error) -> store.recordSkippedWindow(...))
 *         .stateDirectory(dataDir.resolve("state"))
 *         .build();
 * Source alerts = sources.create("alerts", StreamOptions.defaults());
 * }</pre>
 */
public final class RestSources implements AutoCloseable {
    /** The streams this factory creates. */
    public static final List<String> STREAMS = List.of("alerts", "machines", "machine-actions", "vulnerabilities",
            "software", "incidents", "graph-alerts", "scores");

    /** Accepted too: {@code incidents} read from Defender XDR, as its own stream (same as {@code incidents} with api xdr). */
    public static final String XDR_INCIDENTS = "xdr-incidents";

    private static final Map<String, Duration> DEFAULT_INTERVALS = Map.of(
            "alerts", Duration.ofMinutes(1),
            "machine-actions", Duration.ofMinutes(5),
            "incidents", Duration.ofMinutes(1),
            "xdr-incidents", Duration.ofMinutes(1),
            "graph-alerts", Duration.ofMinutes(1),
            "machines", Duration.ofHours(1),
            "software", Duration.ofHours(6),
            "vulnerabilities", Duration.ofHours(6),
            "scores", Duration.ofHours(1));

    static final Duration DEFAULT_OVERLAP = Duration.ofMinutes(5);
    static final Duration DEFAULT_BACKFILL = Duration.ofDays(7);
    static final Duration DEFAULT_LAG = Duration.ofSeconds(30);
    static final int DEFAULT_WINDOW_ATTEMPTS = 2;
    static final Duration DEFAULT_MIN_WINDOW = Duration.ofMinutes(1);
    static final int DEFAULT_BATCH_SIZE = 5_000;
    static final int DEFAULT_MAX_REQUESTS_PER_POLL = 20;
    static final int DEFAULT_EXPORT_PAGE_SIZE = 50_000;

    private final String tenant;
    private final ApiEndpoints endpoints;
    private final ApiTokens tokens;
    private final ApiClient client;
    private final Clock clock;
    private final SkippedWindowListener listener;
    private final Path stateDirectory;

    private RestSources(Builder b) {
        this.tenant = Objects.requireNonNull(b.tenant, "tenant");
        this.endpoints = Objects.requireNonNull(b.endpoints, "endpoints");
        this.tokens = Objects.requireNonNull(b.tokens, "tokens");
        RateBudget budget = b.budget != null ? b.budget : RateBudget.documented(tenant);
        this.client = new ApiClient(Objects.requireNonNull(b.sslContext, "sslContext"), b.httpSettings, budget, b.pause,
                b.clock);
        this.clock = b.clock;
        this.listener = b.listener;
        this.stateDirectory = b.stateDirectory;
    }

    public static Builder builder(String tenant) {
        return new Builder(tenant);
    }

    /** How often the engine should poll a stream once it has caught up, unless configured. */
    public static Duration defaultInterval(String stream) {
        Duration d = DEFAULT_INTERVALS.get(stream);
        if (d == null) {
            throw unknown(stream);
        }
        return d;
    }

    /** The shared client (its budget has the usage figures for status pages). */
    public ApiClient client() {
        return client;
    }

    /**
     * The source of {@code stream} (one of {@link #STREAMS}). Time-window streams (alerts, incidents,
     * graph-alerts) are {@link ReplayableSource}s.
     */
    public Source create(String stream, StreamOptions options) {
        StreamId id = new StreamId(tenant, stream);
        return switch (stream) {
            case "alerts" -> windowed(id, alerts(), options);
            case "machine-actions" -> recentlyCreated(id, machineActions(), options);
            case "graph-alerts" -> windowed(id, graphAlerts(), options);
            case "incidents" -> incidents(id, options);
            // The configuration reference names the XDR variant as a stream of its own.
            case XDR_INCIDENTS -> incidents(id, options.withApi("xdr"));
            case "machines" -> snapshot(id, machines(), options, true);
            case "software" -> snapshot(id, software(), options, false);
            case "vulnerabilities" -> vulnerabilities(id, options);
            case "scores" -> new ScoreSource(id, client, endpoints.mde(), need(tokens.mde(), "mde", stream), clock);
            default -> throw unknown(stream);
        };
    }

    private Source incidents(StreamId id, StreamOptions options) {
        String api = options.api() == null ? "graph" : options.api().trim().toLowerCase(java.util.Locale.ROOT);
        return switch (api) {
            case "graph" -> {
                CollectionSpec incidents = graphIncidents();
                yield new TimeWindowSource(id, new GraphIncidentsQuery(client, incidents, graphAlerts()), incidents,
                        windowSettings(incidents, options), clock, listener);
            }
            case "xdr" -> windowed(id, xdrIncidents(), options);
            default -> throw new IllegalArgumentException("incidents: api must be 'graph' or 'xdr', not '" + options.api() + "'");
        };
    }

    private TimeWindowSource windowed(StreamId id, CollectionSpec spec, StreamOptions options) {
        return new TimeWindowSource(id, new ODataWindowQuery(client, spec), spec, windowSettings(spec, options), clock,
                listener);
    }

    private SnapshotSource snapshot(StreamId id, CollectionSpec spec, StreamOptions options, boolean notFoundMeansEmpty) {
        return new SnapshotSource(id, new ODataListQuery(client, spec, notFoundMeansEmpty), pageSize(spec, options),
                or(options.interval(), defaultInterval(id.stream())), clock,
                new SnapshotBaselines(id, stateDirectory));
    }

    /**
     * Machine actions cannot be read by last update: Microsoft documents $filter on id, status,
     * machineId, type, requestor and creationDateTimeUtc only. Actions live for hours to days, so the
     * stream is a snapshot of the actions created in the last {@code backfill} (default 7 days), read
     * each interval, emitting only actions whose content changed (a new status is a new version).
     */
    private SnapshotSource recentlyCreated(StreamId id, CollectionSpec spec, StreamOptions options) {
        ODataListQuery.RecentlyCreated recent = new ODataListQuery.RecentlyCreated(spec.filterField(),
                or(options.backfill(), DEFAULT_BACKFILL), clock);
        return new SnapshotSource(id, new ODataListQuery(client, spec, false, recent), pageSize(spec, options),
                or(options.interval(), defaultInterval(id.stream())), clock, new SnapshotBaselines(id, stateDirectory));
    }

    private VulnerabilityExportSource vulnerabilities(StreamId id, StreamOptions options) {
        CollectionSpec spec = new CollectionSpec("MDE vulnerabilities export", "mde-vulnerability-by-machine",
                endpoints.mde(), VulnerabilityExportSource.FULL_PATH, Map.of(), List.of("id"),
                List.of("eventTimestamp", "lastSeenTimestamp"), null, 200_000, ApiFamily.MDE_EXPORT,
                RequiredPermission.mde("Vulnerability.Read.All"), need(tokens.mde(), "mde", id.stream()));
        // The file-based export: its listing call has its own, much smaller quota (5/min, 20/hour).
        CollectionSpec files = new CollectionSpec("MDE vulnerabilities export via files", spec.kind(), endpoints.mde(),
                FileExport.PATH, Map.of(), spec.idFields(), spec.timeFields(), null, 0, ApiFamily.MDE_EXPORT_FILES,
                spec.permission(), spec.token());
        int pageSize = Math.min(or(options.pageSize(), DEFAULT_EXPORT_PAGE_SIZE), spec.maxPageSize());
        return new VulnerabilityExportSource(id, client, spec, files, ExportMode.parse(options.export()), pageSize,
                or(options.batchSize(), DEFAULT_BATCH_SIZE), or(options.interval(), defaultInterval(id.stream())), clock);
    }

    private WindowSettings windowSettings(CollectionSpec spec, StreamOptions o) {
        return new WindowSettings(pageSize(spec, o), or(o.overlap(), DEFAULT_OVERLAP), or(o.backfill(), DEFAULT_BACKFILL),
                or(o.lag(), DEFAULT_LAG), or(o.windowAttempts(), DEFAULT_WINDOW_ATTEMPTS),
                or(o.minWindow(), DEFAULT_MIN_WINDOW), or(o.maxRequestsPerPoll(), DEFAULT_MAX_REQUESTS_PER_POLL));
    }

    private static int pageSize(CollectionSpec spec, StreamOptions o) {
        return Math.min(or(o.pageSize(), spec.maxPageSize()), spec.maxPageSize());
    }

    CollectionSpec alerts() {
        return new CollectionSpec("MDE alerts", "mde-alert", endpoints.mde(), "/api/alerts", Map.of("$expand", "evidence"),
                List.of("id"), List.of("lastUpdateTime"), "lastUpdateTime", 10_000, ApiFamily.MDE_REST,
                RequiredPermission.mde("Alert.Read.All", "Alert.ReadWrite.All"), need(tokens.mde(), "mde", "alerts"));
    }

    CollectionSpec machineActions() {
        // The entity page names lastUpdateDateTimeUtc, the list sample lastUpdateTimeUtc: read either.
        // The filter field is the creation time: the only time Microsoft documents $filter on here.
        return new CollectionSpec("MDE machine actions", "mde-machine-action", endpoints.mde(), "/api/machineactions",
                Map.of(), List.of("id"), List.of("lastUpdateDateTimeUtc", "lastUpdateTimeUtc"), "creationDateTimeUtc",
                10_000, ApiFamily.MDE_REST, RequiredPermission.mde("Machine.Read.All", "Machine.ReadWrite.All"),
                need(tokens.mde(), "mde", "machine-actions"));
    }

    CollectionSpec graphIncidents() {
        return new CollectionSpec("Graph incidents", "graph-incident", endpoints.graph(), "/v1.0/security/incidents",
                Map.of("$expand", "alerts"), List.of("id"), List.of("lastUpdateDateTime"), "lastUpdateDateTime", 50,
                ApiFamily.GRAPH_SECURITY, RequiredPermission.graph("SecurityIncident.Read.All", "SecurityIncident.ReadWrite.All"),
                need(tokens.graph(), "graph", "incidents"));
    }

    CollectionSpec xdrIncidents() {
        return new CollectionSpec("Defender XDR incidents", "xdr-incident", endpoints.xdr(), "/api/incidents", Map.of(),
                List.of("incidentId"), List.of("lastUpdateTime"), "lastUpdateTime", 100, ApiFamily.XDR_INCIDENTS,
                RequiredPermission.xdr("Incident.Read.All", "Incident.ReadWrite.All"), need(tokens.xdr(), "xdr", "incidents"));
    }

    CollectionSpec graphAlerts() {
        return new CollectionSpec("Graph alerts", "graph-alert", endpoints.graph(), "/v1.0/security/alerts_v2", Map.of(),
                List.of("id"), List.of("lastUpdateDateTime"), "lastUpdateDateTime", 2_000, ApiFamily.GRAPH_SECURITY,
                RequiredPermission.graph("SecurityAlert.Read.All", "SecurityAlert.ReadWrite.All"),
                need(tokens.graph(), "graph", "graph-alerts"));
    }

    CollectionSpec machines() {
        return new CollectionSpec("MDE machines", "mde-machine", endpoints.mde(), "/api/machines", Map.of(), List.of("id"),
                List.of("lastSeen"), null, 10_000, ApiFamily.MDE_REST,
                RequiredPermission.mde("Machine.Read.All", "Machine.ReadWrite.All"), need(tokens.mde(), "mde", "machines"));
    }

    CollectionSpec software() {
        return new CollectionSpec("MDE software", "mde-software", endpoints.mde(), "/api/Software", Map.of(), List.of("id"),
                List.of(), null, 10_000, ApiFamily.MDE_REST, RequiredPermission.mde("Software.Read.All"),
                need(tokens.mde(), "mde", "software"));
    }

    private static AccessToken need(AccessToken token, String api, String stream) {
        if (token == null) {
            throw new IllegalArgumentException("stream '" + stream + "' needs a token for the " + api
                    + " API audience, and none is configured");
        }
        return token;
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static IllegalArgumentException unknown(String stream) {
        return new IllegalArgumentException("unknown REST stream '" + stream + "' (known: " + String.join(", ", STREAMS) + ")");
    }

    @Override
    public void close() {
        client.close();
    }

    /** Builds a {@link RestSources}; tenant, endpoints, tokens and sslContext are required. */
    public static final class Builder {
        private final String tenant;
        private ApiEndpoints endpoints;
        private ApiTokens tokens;
        private RateBudget budget;
        private SSLContext sslContext;
        private HttpSettings httpSettings = HttpSettings.DEFAULT;
        private SkippedWindowListener listener = SkippedWindowListener.NONE;
        private Path stateDirectory;
        private Clock clock = Clock.systemUTC();
        private Pause pause = Pause.SLEEP;

        private Builder(String tenant) {
            this.tenant = tenant;
        }

        public Builder endpoints(ApiEndpoints v) {
            endpoints = v;
            return this;
        }

        /** Shortcut: every API at one base URL (the emulator). */
        public Builder endpoints(URI base) {
            endpoints = ApiEndpoints.all(base);
            return this;
        }

        public Builder tokens(ApiTokens v) {
            tokens = v;
            return this;
        }

        /** The tenant's budget, shared with its other integrations (default: the documented limits). */
        public Builder budget(RateBudget v) {
            budget = v;
            return this;
        }

        /** TLS trust; a custom CA for the emulator or a proxy, the default context for Microsoft. */
        public Builder sslContext(SSLContext v) {
            sslContext = v;
            return this;
        }

        public Builder httpSettings(HttpSettings v) {
            httpSettings = v;
            return this;
        }

        public Builder skippedWindows(SkippedWindowListener v) {
            listener = v;
            return this;
        }

        /** Where snapshot streams keep their baselines across restarts (optional). */
        public Builder stateDirectory(Path v) {
            stateDirectory = v;
            return this;
        }

        public Builder clock(Clock v) {
            clock = v;
            return this;
        }

        /** How the client waits (tests pass a recording one). */
        public Builder pause(Pause v) {
            pause = v;
            return this;
        }

        public RestSources build() {
            return new RestSources(this);
        }
    }
}
