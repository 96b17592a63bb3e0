package org.defenderconnector.emulator.data;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/** Generates alerts: the hourly stream of a tenant, and alerts tests add explicitly. */
final class AlertFactory {

    static final List<String> TRUE_POSITIVE = List.of("MultiStagedAttack", "MaliciousUserActivity",
            "CompromisedUser", "Malware", "Phishing", "UnwantedSoftware", "Other");
    static final List<String> INFORMATIONAL = List.of("SecurityTesting", "LineOfBusinessApplication",
            "ConfirmedUserActivity", "Other");
    static final List<String> FALSE_POSITIVE = List.of("Clean", "InsufficientData", "Other");
    private static final List<String> COMMENTS = List.of("Investigating with the device owner",
            "Escalated to tier 2", "Isolated the device while we check", "Looks like the pen test, confirming");

    private final long seed;
    private final List<Machine> machines;
    private final int alertsPerIncident;

    AlertFactory(long seed, List<Machine> machines, int alertsPerIncident) {
        this.seed = seed;
        this.machines = machines;
        this.alertsPerIncident = alertsPerIncident;
    }

    /** The {@code k}-th alert created in UTC hour {@code hour}. */
    AlertPlan plan(long hour, int k) {
        SplittableRandom random = Seeds.random(seed, "alert", hour, k);
        Instant created = Times.within(random, Times.hourStart(hour), Duration.ofHours(1));
        long incidentId = hour * 10_000 + k / alertsPerIncident;
        Alert initial = create(random, created, null, null, incidentId, null, null);
        if (!Seeds.chance(random, 0.7)) {
            return new AlertPlan(initial, null, null, null, false, null, null, null);
        }
        Instant inProgress = Times.after(random, created, Duration.ofMinutes(10), Duration.ofHours(6));
        String assignee = Seeds.pick(random, Catalog.ANALYSTS);
        String classification = classification(random);
        String determination = determination(random, classification);
        boolean early = Seeds.chance(random, 0.3);
        String comment = Seeds.chance(random, 0.5) ? Seeds.pick(random, COMMENTS) : null;
        Instant resolved = Seeds.chance(random, 0.6)
                ? Times.after(random, inProgress, Duration.ofMinutes(30), Duration.ofHours(48)) : null;
        return new AlertPlan(initial, inProgress, resolved, assignee, early, classification, determination, comment);
    }

    /** An explicitly added alert; {@code sequence} makes its generated parts differ from other added alerts. */
    Alert create(NewAlert spec, long sequence, long newIncidentId) {
        SplittableRandom random = Seeds.random(seed, "added-alert", sequence, spec.time().getEpochSecond(),
                spec.time().getNano());
        Machine machine = null;
        if (spec.machineId() != null) {
            machine = machines.stream().filter(m -> m.id().equalsIgnoreCase(spec.machineId())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no machine " + spec.machineId()));
        }
        Alert alert = create(random, Times.ticks(spec.time()),
                spec.source() == null ? ServiceSource.ENDPOINT : spec.source(), machine,
                spec.incidentId() == null ? newIncidentId : spec.incidentId(), spec.severity(), spec.title());
        // Explicit alerts carry exactly the time asked for, creation and update alike, so that tests can put
        // several records on one timestamp at a page boundary.
        Alert exact = new Alert(alert.id(), alert.incidentId(), alert.template(), alert.machine(), alert.user(),
                alert.severity(), "New", null, null, alert.investigationId(), alert.investigationState(), null,
                alert.detectorId(), alert.created(), alert.firstEvent(), alert.lastEvent(), alert.created(), null,
                List.of(), List.of(), alert.evidenceSeed());
        return spec.status() == null || spec.status().equals("New") ? exact
                : exact.with(AlertUpdate.status(spec.status()), exact.created());
    }

    private Alert create(SplittableRandom random, Instant created, ServiceSource source, Machine machine,
                         long incidentId, String severity, String title) {
        AlertTemplate template = template(random, source);
        Machine device = template.source() != ServiceSource.ENDPOINT ? null
                : machine != null ? machine
                : machines.isEmpty() ? Machine.generate(seed, 0, created) : machines.get(random.nextInt(machines.size()));
        Person user = device != null && Seeds.chance(random, 0.7) ? device.user()
                : Person.of(seed, random.nextInt(Person.POOL));
        String id = switch (template.source()) {
            case ENDPOINT -> "da" + Times.dotNetTicks(created) + "_" + random.nextInt();
            case OFFICE -> "fa" + Seeds.guid(random);
            case CLOUD_APPS -> "ca" + Seeds.guid(random).toUpperCase();
        };
        Instant firstEvent = Times.ticks(created.minusSeconds(30 + random.nextInt(600)));
        Instant lastEvent = Times.within(random, firstEvent, Duration.between(firstEvent, created));
        Long investigationId = template.source() == ServiceSource.ENDPOINT && Seeds.chance(random, 0.5)
                ? 100_000L + random.nextInt(9_000_000) : null;
        String investigationState = investigationId != null ? "Queued"
                : template.source() == ServiceSource.ENDPOINT ? "UnsupportedOs" : "UnsupportedAlertType";
        String chosenSeverity = severity != null ? severity : Machine.pickWeighted(random,
                new String[] {"Informational", "Low", "Medium", "High"}, new double[] {0.1, 0.35, 0.35, 0.2});
        List<String> systemTags = Seeds.chance(random, 0.1) ? List.of("Defender Experts") : List.of();
        return new Alert(id, incidentId, title == null ? template : retitled(template, title), device, user,
                chosenSeverity, "New", null, null, investigationId, investigationState, null, Seeds.guid(random),
                created, firstEvent, lastEvent, Times.ticks(created.plusMillis(800 + random.nextInt(2_500))), null,
                List.of(), systemTags, random.nextLong());
    }

    private AlertTemplate template(SplittableRandom random, ServiceSource source) {
        ServiceSource chosen = source;
        if (chosen == null) {
            double draw = random.nextDouble();
            chosen = machines.isEmpty() ? (draw < 0.6 ? ServiceSource.OFFICE : ServiceSource.CLOUD_APPS)
                    : draw < 0.8 ? ServiceSource.ENDPOINT : draw < 0.92 ? ServiceSource.OFFICE
                    : ServiceSource.CLOUD_APPS;
        }
        return switch (chosen) {
            case ENDPOINT -> Seeds.pick(random, Catalog.ENDPOINT_ALERTS);
            case OFFICE -> Seeds.pick(random, Catalog.OFFICE_ALERTS);
            case CLOUD_APPS -> Seeds.pick(random, Catalog.CLOUD_APP_ALERTS);
        };
    }

    private static AlertTemplate retitled(AlertTemplate template, String title) {
        return new AlertTemplate(template.source(), title, template.description(), template.category(),
                template.detectionSource(), template.graphDetectionSource(), template.mitreTechniques(),
                template.threatFamily(), template.evidence(), template.recommendedActions());
    }

    private static String classification(SplittableRandom random) {
        return Machine.pickWeighted(random, new String[] {"TruePositive", "InformationalExpectedActivity",
                "FalsePositive"}, new double[] {0.5, 0.3, 0.2});
    }

    private static String determination(SplittableRandom random, String classification) {
        return switch (classification) {
            case "TruePositive" -> Seeds.pick(random, TRUE_POSITIVE);
            case "FalsePositive" -> Seeds.pick(random, FALSE_POSITIVE);
            default -> Seeds.pick(random, INFORMATIONAL);
        };
    }
}
