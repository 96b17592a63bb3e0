package org.defenderconnector.emulator.data;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/** A generated machine action and its course: Pending, then InProgress, then a final status. */
record MachineActionPlan(MachineAction initial, Instant startedAt, Instant finishedAt, String finalStatus) {

    private static final List<String> TYPES = List.of("RunAntiVirusScan", "Isolate", "Unisolate",
            "CollectInvestigationPackage", "StopAndQuarantineFile", "RestrictCodeExecution", "UnrestrictCodeExecution");
    private static final List<String> COMMENTS = List.of("Check machine for viruses due to alert",
            "Contain while we investigate", "Collect package for forensics", "Requested by incident responder");

    static MachineActionPlan generate(long seed, long day, int k, List<Machine> machines) {
        SplittableRandom random = Seeds.random(seed, "machine-action", day, k);
        Instant created = Times.within(random, Times.dayStart(day), Duration.ofDays(1));
        Machine machine = machines.get(random.nextInt(machines.size()));
        String type = Seeds.pick(random, TYPES);
        String scope = switch (type) {
            case "RunAntiVirusScan" -> random.nextBoolean() ? "Full" : "Quick";
            case "Isolate" -> random.nextBoolean() ? "Full" : "Selective";
            default -> null;
        };
        String sha1 = type.equals("StopAndQuarantineFile") ? Seeds.hex(random, 40) : null;
        MachineAction initial = new MachineAction(Seeds.guid(random), type, scope, Seeds.pick(random, Catalog.ANALYSTS),
                Seeds.pick(random, COMMENTS) + " " + (1000 + random.nextInt(9000)), "Pending", machine, created,
                Times.ticks(created.plusMillis(200 + random.nextInt(800))), sha1,
                random.nextBoolean() ? "Portal" : "PublicApi");
        Instant started = Times.after(random, created, Duration.ofSeconds(20), Duration.ofMinutes(5));
        Instant finished = Times.after(random, started, Duration.ofMinutes(2), Duration.ofMinutes(90));
        String finalStatus = Machine.pickWeighted(random, new String[] {"Succeeded", "Failed", "TimeOut",
                "Cancelled"}, new double[] {0.82, 0.1, 0.05, 0.03});
        return new MachineActionPlan(initial, started, finished, finalStatus);
    }

    Instant created() {
        return initial.created();
    }

    MachineAction at(Instant now) {
        if (!finishedAt.isAfter(now)) {
            return initial.withStatus(finalStatus, finishedAt);
        }
        if (!startedAt.isAfter(now)) {
            return initial.withStatus("InProgress", startedAt);
        }
        return initial;
    }
}
