package org.defenderconnector.emulator.data;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/** A custom indicator of compromise (ti-indicator.md). */
public record Indicator(String id, String indicatorValue, String indicatorType, String action, String application,
                        String source, String sourceType, String createdBy, String createdByDisplayName,
                        String severity, String title, String description, String recommendedActions,
                        Instant creationTime, Instant expirationTime, Instant lastUpdateTime, String lastUpdatedBy,
                        List<String> rbacGroupNames, List<Integer> rbacGroupIds, boolean generateAlert) {

    private static final List<String> TYPES = List.of("FileSha1", "FileSha256", "IpAddress", "DomainName", "Url",
            "CertificateThumbprint");
    private static final List<String> ACTIONS = List.of("Warn", "Block", "Audit", "Alert", "AlertAndBlock",
            "BlockAndRemediate", "Allowed");

    /** Created within the data's history, last updated by {@code start} at the latest. */
    static Indicator generate(long seed, int index, Instant dataStart, Instant start) {
        SplittableRandom random = Seeds.random(seed, "indicator", index);
        String type = Seeds.pick(random, TYPES);
        String value = switch (type) {
            case "FileSha1", "CertificateThumbprint" -> Seeds.hex(random, 40);
            case "FileSha256" -> Seeds.hex(random, 64);
            case "IpAddress" -> "198.51.100." + (1 + random.nextInt(254));
            case "DomainName" -> Seeds.pick(random, Catalog.REMOTE_URLS);
            default -> "https://" + Seeds.pick(random, Catalog.REMOTE_URLS) + "/" + Seeds.hex(random, 6);
        };
        boolean byApp = random.nextBoolean();
        String creator = byApp ? Seeds.guid(random) : Seeds.pick(random, Catalog.ANALYSTS);
        Duration history = Duration.between(dataStart, start);
        Instant created = Times.within(random, dataStart, history.dividedBy(2));
        Instant updated = Times.within(random, created, Duration.between(created, start));
        int group = random.nextInt(Catalog.RBAC_GROUPS.size());
        boolean grouped = random.nextBoolean();
        return new Indicator(Integer.toString(1000 + index), value, type, Seeds.pick(random, ACTIONS),
                byApp ? "defender-connector-tests" : null, byApp ? "ThreatIntelApp" : creator,
                byApp ? "AadApp" : "User", creator, byApp ? "ThreatIntelApp" : creator,
                Machine.pickWeighted(random, new String[] {"Informational", "Low", "Medium", "High"},
                        new double[] {0.25, 0.25, 0.3, 0.2}),
                "Indicator " + (index + 1), "Known bad " + type, "Block and investigate", created,
                Seeds.chance(random, 0.5) ? Times.ticks(created.plus(Duration.ofDays(90))) : null, updated,
                byApp ? "ThreatIntelApp" : creator,
                grouped ? List.of(Catalog.RBAC_GROUPS.get(group)) : List.of(), grouped ? List.of(100 + group)
                : List.of(), random.nextBoolean());
    }
}
