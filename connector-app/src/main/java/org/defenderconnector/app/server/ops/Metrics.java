package org.defenderconnector.app.server.ops;

import org.defenderconnector.app.server.integrations.IntegrationService;
import org.defenderconnector.app.server.integrations.IntegrationView;
import org.defenderconnector.app.server.runtime.IntegrationRuntime;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What {@code /metrics} reports: per stream records, polls, errors, lag and state; per integration budget and expiry. */
public final class Metrics {
    private static final List<String> STATES = List.of("STARTING", "OK", "DEGRADED", "FAILING", "STOPPED");

    private final IntegrationService integrations;
    private final IntegrationRuntime runtime;
    private final Clock clock;

    public Metrics(IntegrationService integrations, IntegrationRuntime runtime, Clock clock) {
        this.integrations = integrations;
        this.runtime = runtime;
        this.clock = clock;
    }

    public String scrape() {
        PrometheusText text = new PrometheusText();
        text.declare("defender_connector_up", "gauge", "1 while the server runs and its engine schedules streams.");
        text.sample("defender_connector_up", Map.of(), runtime.isRunning() ? 1 : 0);
        for (IntegrationView integration : integrations.list()) {
            String name = integration.name();
            text.declare("defender_connector_integration_active", "gauge", "1 when the integration is collecting.");
            text.sample("defender_connector_integration_active", Map.of("integration", name), runtime.isActive(name) ? 1 : 0);
            if (integration.expiry() != null && integration.expiry().daysLeft() != null) {
                text.declare("defender_connector_credential_expiry_days", "gauge",
                        "Days until the integration's client secret or certificate expires (negative once expired).");
                text.sample("defender_connector_credential_expiry_days", Map.of("integration", name),
                        integration.expiry().daysLeft());
            }
            for (IntegrationRuntime.StreamFigures f : runtime.status(name)) {
                Map<String, String> labels = labels("integration", name, "stream", f.stream());
                text.declare("defender_connector_stream_records_total", "counter", "Records delivered since activation.");
                text.sample("defender_connector_stream_records_total", labels, f.records());
                text.declare("defender_connector_stream_polls_total", "counter", "Polls since activation.");
                text.sample("defender_connector_stream_polls_total", labels, f.polls());
                text.declare("defender_connector_stream_errors_total", "counter", "Failed polls since activation.");
                text.sample("defender_connector_stream_errors_total", labels, f.errors());
                text.declare("defender_connector_stream_consecutive_failures", "gauge", "Failed polls in a row.");
                text.sample("defender_connector_stream_consecutive_failures", labels, f.consecutiveFailures());
                if (f.lastSuccess() != null) {
                    text.declare("defender_connector_stream_lag_seconds", "gauge", "Seconds since the last successful poll.");
                    text.sample("defender_connector_stream_lag_seconds", labels,
                            Math.max(0, Duration.between(f.lastSuccess(), clock.instant()).toSeconds()));
                }
                text.declare("defender_connector_stream_state", "gauge", "1 for the stream's current state.");
                for (String state : STATES) {
                    text.sample("defender_connector_stream_state",
                            labels("integration", name, "stream", f.stream(), "state", state), state.equals(f.state()) ? 1 : 0);
                }
            }
            for (IntegrationRuntime.BudgetUse use : runtime.budget(name)) {
                Map<String, String> labels = labels("integration", name, "family", use.family());
                text.declare("defender_connector_rate_budget_calls_last_minute", "gauge", "API calls in the last minute.");
                text.sample("defender_connector_rate_budget_calls_last_minute", labels, use.callsLastMinute());
                text.declare("defender_connector_rate_budget_calls_last_hour", "gauge", "API calls in the last hour.");
                text.sample("defender_connector_rate_budget_calls_last_hour", labels, use.callsLastHour());
                if (use.usedRatio() != null) {
                    text.declare("defender_connector_rate_budget_used_ratio", "gauge",
                            "Share of the documented rate limit used (the larger of minute and hour).");
                    text.sample("defender_connector_rate_budget_used_ratio", labels, use.usedRatio());
                }
            }
        }
        return text.toString();
    }

    /** Labels in the order given, so the output reads the same on every scrape. */
    private static Map<String, String> labels(String... keysAndValues) {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            labels.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return labels;
    }
}
