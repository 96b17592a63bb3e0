package org.defenderconnector.emulator.data;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one tenant holds: generated records (extended lazily as the clock moves, when live) and the
 * records tests added or changed explicitly, which take precedence over generated ones with the same id.
 *
 * <p>All reads answer with the data as it is at {@link #now()}, so two page requests made at different times
 * can see different data, as with the real services.
 */
public final class TenantData {

    /** Incident ids of explicitly added alerts start here, far below generated ones (hour x 10,000). */
    private static final long ADDED_INCIDENT_BASE = 1_000_000;

    private final String tenantId;
    private final DataSettings settings;
    private final boolean provisioned;
    private final Clock clock;
    private final Instant start;
    private final Instant dataStart;
    private final List<Machine> machines;
    private final AlertFactory alertFactory;
    private final Vulnerabilities vulnerabilities;
    private final List<Indicator> indicators;

    private final List<AlertPlan> alertPlans = new ArrayList<>();
    private long nextAlertHour;
    private final List<MachineActionPlan> actionPlans = new ArrayList<>();
    private long nextActionDay;
    private final Map<String, Alert> alertOverrides = new LinkedHashMap<>();
    private final Set<String> addedAlertIds = new LinkedHashSet<>();
    private final Map<String, MachineAction> actionOverrides = new LinkedHashMap<>();
    private long addedSequence;

    private TenantData(String tenantId, DataSettings settings, boolean provisioned, Clock clock) {
        this.tenantId = tenantId;
        this.settings = settings;
        this.provisioned = provisioned;
        this.clock = clock;
        this.start = Times.ticks(clock.instant());
        this.dataStart = start.minus(settings.history());
        List<Machine> generated = new ArrayList<>(settings.machines());
        for (int i = 0; i < settings.machines(); i++) {
            generated.add(Machine.generate(settings.seed(), i, dataStart));
        }
        this.machines = Collections.unmodifiableList(generated);
        this.alertFactory = new AlertFactory(settings.seed(), machines, settings.alertsPerIncident());
        this.vulnerabilities = new Vulnerabilities(settings.seed(), settings, machines);
        List<Indicator> generatedIndicators = new ArrayList<>();
        for (int i = 0; i < settings.indicators(); i++) {
            generatedIndicators.add(Indicator.generate(settings.seed(), i, dataStart, start));
        }
        this.indicators = Collections.unmodifiableList(generatedIndicators);
        this.nextAlertHour = Times.hourIndex(dataStart);
        this.nextActionDay = Times.dayIndex(dataStart);
    }

    /** A tenant with generated data. */
    public static TenantData generate(String tenantId, DataSettings settings, Clock clock) {
        return new TenantData(tenantId, settings, true, clock);
    }

    /** A tenant without a {@code data:} section: nothing but what tests add. */
    public static TenantData empty(String tenantId, Clock clock) {
        return new TenantData(tenantId, new DataSettings(0L, 0, 0, 1, 1, false, 0, 1, 1, 0, 0, 0, 0), false, clock);
    }

    public String tenantId() {
        return tenantId;
    }

    public DataSettings settings() {
        return settings;
    }

    /** False for tenants without a {@code data:} section (their hunting tables do not exist either). */
    public boolean provisioned() {
        return provisioned;
    }

    /** The time the data is as of: the emulator clock when live, else the time the data was generated. */
    public Instant now() {
        return settings.live() ? Times.ticks(clock.instant()) : start;
    }

    /** The emulator clock, whatever the mode (explicit changes happen at this time). */
    public Instant clockNow() {
        return Times.ticks(clock.instant());
    }

    /** When the data begins (generation time minus the history window). */
    public Instant dataStart() {
        return dataStart;
    }

    public List<Machine> machines() {
        return machines;
    }

    public Optional<Machine> machine(String id) {
        return machines.stream().filter(m -> m.id().equalsIgnoreCase(id)).findFirst();
    }

    public Vulnerabilities vulnerabilities() {
        return vulnerabilities;
    }

    public List<Indicator> indicators() {
        return indicators;
    }

    /** Every alert as it is now, generated ones in creation order, then explicitly added ones. */
    public synchronized List<Alert> alerts() {
        Instant now = now();
        extendAlerts(now);
        List<Alert> alerts = new ArrayList<>(alertPlans.size() + addedAlertIds.size());
        for (AlertPlan plan : alertPlans) {
            if (plan.created().isAfter(now)) {
                continue;
            }
            Alert override = alertOverrides.get(plan.id());
            alerts.add(override != null ? override : plan.at(now));
        }
        for (String id : addedAlertIds) {
            alerts.add(alertOverrides.get(id));
        }
        return alerts;
    }

    public Optional<Alert> alert(String id) {
        return alerts().stream().filter(a -> a.id().equalsIgnoreCase(id)).findFirst();
    }

    /** Incidents built from the alerts as they are now, in order of their first alert. */
    public List<Incident> incidents() {
        Map<Long, List<Alert>> byIncident = new LinkedHashMap<>();
        for (Alert alert : alerts()) {
            byIncident.computeIfAbsent(alert.incidentId(), id -> new ArrayList<>()).add(alert);
        }
        Instant now = now();
        List<Incident> incidents = new ArrayList<>(byIncident.size());
        byIncident.forEach((id, alerts) -> incidents.add(Incident.of(settings.seed(), id, alerts, now)));
        return incidents;
    }

    public Optional<Incident> incident(long id) {
        List<Alert> alerts = alerts().stream().filter(a -> a.incidentId() == id).toList();
        return alerts.isEmpty() ? Optional.empty() : Optional.of(Incident.of(settings.seed(), id, alerts, now()));
    }

    public synchronized List<MachineAction> machineActions() {
        Instant now = now();
        extendActions(now);
        List<MachineAction> actions = new ArrayList<>(actionPlans.size());
        for (MachineActionPlan plan : actionPlans) {
            if (plan.created().isAfter(now)) {
                continue;
            }
            MachineAction override = actionOverrides.get(plan.initial().id());
            actions.add(override != null ? override : plan.at(now));
        }
        return actions;
    }

    /** Adds an alert exactly as specified (time kept to 100 ns); returns it. */
    public synchronized Alert addAlert(NewAlert spec) {
        long sequence = ++addedSequence;
        Alert alert = alertFactory.create(spec, sequence, ADDED_INCIDENT_BASE + sequence);
        if (alertOverrides.containsKey(alert.id())) {
            throw new IllegalStateException("generated a duplicate alert id " + alert.id());
        }
        alertOverrides.put(alert.id(), alert);
        addedAlertIds.add(alert.id());
        return alert;
    }

    /**
     * Changes an alert, generated or added. From then on a generated alert no longer follows its generated course:
     * the test owns it.
     */
    public synchronized Alert updateAlert(String id, AlertUpdate update) {
        Alert current = alerts().stream().filter(a -> a.id().equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no alert " + id + " in tenant " + tenantId));
        Instant time = update.time() == null ? clockNow() : Times.ticks(update.time());
        Alert changed = current.with(update, time);
        alertOverrides.put(current.id(), changed);
        return changed;
    }

    /** Changes a machine action's status (and lastUpdateDateTimeUtc). */
    public synchronized MachineAction updateMachineAction(String id, String status, Instant time) {
        MachineAction current = machineActions().stream().filter(a -> a.id().equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no machine action " + id + " in tenant " + tenantId));
        MachineAction changed = current.withStatus(status, time == null ? clockNow() : Times.ticks(time));
        actionOverrides.put(current.id(), changed);
        return changed;
    }

    private void extendAlerts(Instant now) {
        long lastHour = Times.hourIndex(now);
        for (long hour = nextAlertHour; hour <= lastHour; hour++) {
            for (int k = 0; k < settings.alertsPerHour(); k++) {
                AlertPlan plan = alertFactory.plan(hour, k);
                if (!plan.created().isBefore(dataStart)) {
                    alertPlans.add(plan);
                }
            }
        }
        nextAlertHour = Math.max(nextAlertHour, lastHour + 1);
    }

    private void extendActions(Instant now) {
        long lastDay = Times.dayIndex(now);
        if (!machines.isEmpty()) {
            for (long day = nextActionDay; day <= lastDay; day++) {
                for (int k = 0; k < settings.machineActionsPerDay(); k++) {
                    MachineActionPlan plan = MachineActionPlan.generate(settings.seed(), day, k, machines);
                    if (!plan.created().isBefore(dataStart)) {
                        actionPlans.add(plan);
                    }
                }
            }
        }
        nextActionDay = Math.max(nextActionDay, lastDay + 1);
    }
}
