package org.defenderconnector.microsoft.hunting;

import org.defenderconnector.api.StreamId;
import org.defenderconnector.microsoft.http.ApiClient;
import org.defenderconnector.microsoft.http.Pause;
import org.defenderconnector.microsoft.sources.ApiEndpoints;
import org.defenderconnector.microsoft.sources.ApiTokens;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Creates the advanced hunting sources of one tenant: one per table, all sharing the tenant's HTTP
 * client (and so its call budget) and one {@link HuntingBudget} for the running-time quota.
 *
 * <pre>{@code
 * HuntingSources hunting = HuntingSources.builder("contoso")
 *         .client(restSources.client())          // the tenant's client and rate budget
 *         .endpoints(ApiEndpoints.commercial())
 *         .tokens(ApiTokens.of(tokenSource, tenantId))
 *         .rowKey(HuntingKeys::of)                 // natural keys from the OCSF module
 *         .build();
 * Source processes = hunting.create(HuntingTable.of("DeviceProcessEvents"), HuntingOptions.defaults());
 * }</pre>
 * Stream names are {@code hunting:<Table>} ({@link #streamName}).
 */
public final class HuntingSources {
    public static final String STREAM_PREFIX = "hunting:";
    /** How often a hunting stream is polled once caught up, unless configured. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);

    private final String tenant;
    private final ApiClient client;
    private final ApiEndpoints endpoints;
    private final ApiTokens tokens;
    private final RowKey rowKey;
    private final HuntingBudget budget;
    private final Clock clock;
    private final Pause pause;

    private HuntingSources(Builder b) {
        this.tenant = Objects.requireNonNull(b.tenant, "tenant");
        this.client = Objects.requireNonNull(b.client, "client");
        this.endpoints = Objects.requireNonNull(b.endpoints, "endpoints");
        this.tokens = Objects.requireNonNull(b.tokens, "tokens");
        this.rowKey = b.rowKey;
        this.clock = b.clock;
        this.pause = b.pause;
        this.budget = new HuntingBudget(tenant, b.quota, client.budget(), clock);
    }

    public static Builder builder(String tenant) {
        return new Builder(tenant);
    }

    /** True for {@code hunting:<Table>} stream names. */
    public static boolean isHuntingStream(String stream) {
        return stream != null && stream.toLowerCase(Locale.ROOT).startsWith(STREAM_PREFIX);
    }

    /** The table of a {@code hunting:<Table>} stream (validated). */
    public static HuntingTable tableOf(String stream) {
        if (!isHuntingStream(stream)) {
            throw new IllegalArgumentException("'" + stream + "' is not a hunting stream (hunting:<Table>)");
        }
        return HuntingTable.of(stream.substring(STREAM_PREFIX.length()));
    }

    public static String streamName(HuntingTable table) {
        return STREAM_PREFIX + table.name();
    }

    /** The tenant's running-time budget, shared by every table (for status pages). */
    public HuntingBudget budget() {
        return budget;
    }

    /** The source of one table, as stream {@code hunting:<Table>}. */
    public HuntingSource create(HuntingTable table, HuntingOptions options) {
        HuntingClient hunting = HuntingClient.of(client, options.api(), endpoints, tokens, options.maxResponseBytes());
        return new HuntingSource(new StreamId(tenant, streamName(table)), table, hunting, budget, options, rowKey, clock,
                pause);
    }

    /** Builds a {@link HuntingSources}; tenant, client, endpoints and tokens are required. */
    public static final class Builder {
        private final String tenant;
        private ApiClient client;
        private ApiEndpoints endpoints;
        private ApiTokens tokens;
        private RowKey rowKey = RowKey.CONTENT;
        private HuntingQuotaLimits quota = HuntingQuotaLimits.DOCUMENTED;
        private Clock clock = Clock.systemUTC();
        private Pause pause = Pause.SLEEP;

        private Builder(String tenant) {
            this.tenant = tenant;
        }

        /** The tenant's HTTP client; its rate budget's HUNTING family counts the calls. */
        public Builder client(ApiClient v) {
            client = v;
            return this;
        }

        public Builder endpoints(ApiEndpoints v) {
            endpoints = v;
            return this;
        }

        public Builder tokens(ApiTokens v) {
            tokens = v;
            return this;
        }

        /** The natural key per table (default: the row's content). */
        public Builder rowKey(RowKey v) {
            rowKey = Objects.requireNonNull(v, "rowKey");
            return this;
        }

        public Builder quota(HuntingQuotaLimits v) {
            quota = Objects.requireNonNull(v, "quota");
            return this;
        }

        public Builder clock(Clock v) {
            clock = v;
            return this;
        }

        /** How sources wait for quota (tests pass one that moves a simulated clock). */
        public Builder pause(Pause v) {
            pause = v;
            return this;
        }

        public HuntingSources build() {
            return new HuntingSources(this);
        }
    }
}
