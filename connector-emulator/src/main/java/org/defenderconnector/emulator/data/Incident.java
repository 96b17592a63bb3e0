package org.defenderconnector.emulator.data;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An incident: the alerts correlated under one id, with what Defender derives from them (created = first alert,
 * lastUpdate = latest change of any alert or of the incident itself, severity = highest, status = Resolved once
 * every alert is) and incident-level tags and comments.
 */
public record Incident(long id, List<Alert> alerts, String name, Instant created, Instant lastUpdate,
                       String status, String severity, String assignedTo, String classification,
                       String determination, List<String> tags, List<String> systemTags, List<Comment> comments,
                       String description) {

    private static final List<String> SEVERITY_ORDER = List.of("UnSpecified", "Informational", "Low", "Medium",
            "High");

    /** Builds the incident from its alerts (at least one) as they are at {@code now}. */
    public static Incident of(long seed, long id, List<Alert> alerts, Instant now) {
        List<Alert> ordered = alerts.stream().sorted(Comparator.comparing(Alert::created)).toList();
        Alert first = ordered.get(0);
        SplittableRandom random = Seeds.random(seed, "incident", id);
        Instant created = Times.ticks(first.created().plusMillis(100 + random.nextInt(400)));
        Instant lastUpdate = ordered.stream().map(Alert::lastUpdate).max(Comparator.naturalOrder()).orElseThrow();
        List<String> tags = Seeds.chance(random, 0.3) ? List.of(Seeds.pick(random, List.of("Demo", "Ransomware",
                "Escalated"))) : List.of();
        List<String> systemTags = Seeds.chance(random, 0.2) ? List.of("Defender Experts") : List.of();
        List<Comment> comments = List.of();
        Instant commentTime = Times.ticks(created.plusSeconds(1_800 + random.nextInt(3_600)));
        if (Seeds.chance(random, 0.35) && !commentTime.isAfter(now)) {
            comments = List.of(new Comment("Correlated alerts reviewed", Seeds.pick(random, Catalog.ANALYSTS),
                    commentTime));
            lastUpdate = Times.max(lastUpdate, commentTime);
        }
        boolean allResolved = ordered.stream().allMatch(a -> "Resolved".equals(a.status()));
        boolean anyInProgress = ordered.stream().anyMatch(a -> "InProgress".equals(a.status()));
        String status = allResolved ? "Resolved" : anyInProgress ? "InProgress" : "Active";
        String severity = ordered.stream().map(Alert::severity)
                .max(Comparator.comparingInt(SEVERITY_ORDER::indexOf)).orElse("UnSpecified");
        String assignedTo = ordered.stream().map(Alert::assignedTo).filter(a -> a != null).findFirst().orElse(null);
        Alert classified = ordered.stream().filter(a -> a.classification() != null).findFirst().orElse(null);
        long categories = ordered.stream().map(a -> a.template().category()).distinct().count();
        long devices = ordered.stream().map(Alert::machine).filter(m -> m != null).distinct().count();
        String name = categories > 1
                ? "Multi-stage incident involving " + ordered.stream().map(a -> a.template().category()).distinct()
                .limit(2).reduce((a, b) -> a + " & " + b).orElseThrow() + (devices > 1 ? " on multiple endpoints"
                : devices == 1 ? " on one endpoint" : "")
                : first.template().title() + (devices == 1 ? " on one endpoint" : "");
        String description = "Defender correlated " + ordered.size() + " alert" + (ordered.size() == 1 ? "" : "s")
                + " into this incident. " + first.template().description();
        return new Incident(id, ordered, name, created, lastUpdate, status, severity, assignedTo,
                classified == null ? null : classified.classification(),
                classified == null ? null : classified.determination(), tags, systemTags, comments, description);
    }
}
