package org.defenderconnector.emulator.data;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code data:} section of a tenant: how much generated data the tenant holds. Everything is a deterministic
 * function of {@code seed}, these sizes, and absolute time (records are anchored to UTC hour and day slots, so an
 * alert of 10:00-11:00 on a given day is the same whenever the emulator was started).
 *
 * @param seed                      the random seed; same seed and sizes, same data
 * @param machines                  onboarded machines (0 = none: {@code GET /api/machines} answers 404)
 * @param alertsPerHour             alerts created per UTC hour (about 80% Defender for Endpoint, the rest Office 365
 *                                  and Cloud Apps alerts that appear only in XDR incidents and Graph alerts_v2)
 * @param alertsPerIncident         consecutive alerts of an hour correlated into one incident
 * @param historyDays               how far back data exists before the emulator started
 * @param live                      true: records keep being created and updated as the emulator clock moves
 *                                  (alerts New to InProgress to Resolved, machine actions Pending to Succeeded,
 *                                  machines' lastSeen); false: the data is frozen as it was at start
 * @param vulnerabilitiesPerMachine rows per machine in the vulnerability export (software x CVE pairs)
 * @param cves                      distinct CVEs in {@code /api/vulnerabilities}
 * @param software                  distinct products in {@code /api/Software}
 * @param machineActionsPerDay      machine actions created per UTC day
 * @param indicators                custom indicators ({@code /api/indicators})
 * @param huntingEventsPerHour      rows per hour in each advanced-hunting event table
 * @param vulnerabilityChangesPerSnapshot delta export changes per 6-hour snapshot
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataSettings(Long seed, Integer machines, Integer alertsPerHour, Integer alertsPerIncident,
                           Integer historyDays, Boolean live, Integer vulnerabilitiesPerMachine, Integer cves,
                           Integer software, Integer machineActionsPerDay, Integer indicators,
                           Integer huntingEventsPerHour, Integer vulnerabilityChangesPerSnapshot) {

    public static final long DEFAULT_SEED = 42;

    public DataSettings {
        seed = seed == null ? DEFAULT_SEED : seed;
        machines = machines == null ? 25 : machines;
        alertsPerHour = alertsPerHour == null ? 4 : alertsPerHour;
        alertsPerIncident = alertsPerIncident == null ? 2 : alertsPerIncident;
        historyDays = historyDays == null ? 30 : historyDays;
        live = live == null ? Boolean.TRUE : live;
        vulnerabilitiesPerMachine = vulnerabilitiesPerMachine == null ? 20 : vulnerabilitiesPerMachine;
        cves = cves == null ? 200 : cves;
        software = software == null ? 40 : software;
        machineActionsPerDay = machineActionsPerDay == null ? 6 : machineActionsPerDay;
        indicators = indicators == null ? 20 : indicators;
        huntingEventsPerHour = huntingEventsPerHour == null ? 12 : huntingEventsPerHour;
        vulnerabilityChangesPerSnapshot = vulnerabilityChangesPerSnapshot == null
                ? 10 : vulnerabilityChangesPerSnapshot;
    }

    /** Every default: seed 42, 25 machines, 4 alerts per hour, 30 days, live. */
    public static DataSettings defaults() {
        return new DataSettings(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public Duration history() {
        return Duration.ofDays(historyDays);
    }

    public DataSettings withSeed(long newSeed) {
        return new DataSettings(newSeed, machines, alertsPerHour, alertsPerIncident, historyDays, live,
                vulnerabilitiesPerMachine, cves, software, machineActionsPerDay, indicators, huntingEventsPerHour,
                vulnerabilityChangesPerSnapshot);
    }

    public DataSettings withMachines(int count) {
        return new DataSettings(seed, count, alertsPerHour, alertsPerIncident, historyDays, live,
                vulnerabilitiesPerMachine, cves, software, machineActionsPerDay, indicators, huntingEventsPerHour,
                vulnerabilityChangesPerSnapshot);
    }

    public DataSettings withAlertsPerHour(int count) {
        return new DataSettings(seed, machines, count, alertsPerIncident, historyDays, live,
                vulnerabilitiesPerMachine, cves, software, machineActionsPerDay, indicators, huntingEventsPerHour,
                vulnerabilityChangesPerSnapshot);
    }

    public DataSettings withHistoryDays(int days) {
        return new DataSettings(seed, machines, alertsPerHour, alertsPerIncident, days, live,
                vulnerabilitiesPerMachine, cves, software, machineActionsPerDay, indicators, huntingEventsPerHour,
                vulnerabilityChangesPerSnapshot);
    }

    public DataSettings withLive(boolean isLive) {
        return new DataSettings(seed, machines, alertsPerHour, alertsPerIncident, historyDays, isLive,
                vulnerabilitiesPerMachine, cves, software, machineActionsPerDay, indicators, huntingEventsPerHour,
                vulnerabilityChangesPerSnapshot);
    }

    public DataSettings withVulnerabilitiesPerMachine(int count) {
        return new DataSettings(seed, machines, alertsPerHour, alertsPerIncident, historyDays, live, count, cves,
                software, machineActionsPerDay, indicators, huntingEventsPerHour, vulnerabilityChangesPerSnapshot);
    }

    public DataSettings withHuntingEventsPerHour(int count) {
        return new DataSettings(seed, machines, alertsPerHour, alertsPerIncident, historyDays, live,
                vulnerabilitiesPerMachine, cves, software, machineActionsPerDay, indicators, count,
                vulnerabilityChangesPerSnapshot);
    }

    /** Problems with these settings, each naming the key ({@code where} is the path of the section). */
    public List<String> problems(String where) {
        List<String> problems = new ArrayList<>();
        range(problems, where + ".machines", machines, 0, 200_000);
        range(problems, where + ".alertsPerHour", alertsPerHour, 0, 10_000);
        range(problems, where + ".alertsPerIncident", alertsPerIncident, 1, 100);
        range(problems, where + ".historyDays", historyDays, 1, 180);
        range(problems, where + ".vulnerabilitiesPerMachine", vulnerabilitiesPerMachine, 0, 1_000);
        range(problems, where + ".cves", cves, 1, 100_000);
        range(problems, where + ".software", software, 1, 10_000);
        range(problems, where + ".machineActionsPerDay", machineActionsPerDay, 0, 10_000);
        range(problems, where + ".indicators", indicators, 0, 100_000);
        range(problems, where + ".huntingEventsPerHour", huntingEventsPerHour, 0, 10_000);
        range(problems, where + ".vulnerabilityChangesPerSnapshot", vulnerabilityChangesPerSnapshot, 0, 1_000_000);
        long alerts = (long) alertsPerHour * 24 * historyDays;
        if (alerts > 2_000_000) {
            problems.add(where + ": alertsPerHour x 24 x historyDays = " + alerts
                    + " alerts; keep it at most 2,000,000 (they are held in memory)");
        }
        if (alertsPerIncident >= 1 && (alertsPerHour + alertsPerIncident - 1) / alertsPerIncident > 10_000) {
            problems.add(where + ": more than 10,000 incidents per hour; raise alertsPerIncident");
        }
        return problems;
    }

    private static void range(List<String> problems, String key, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(key + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
