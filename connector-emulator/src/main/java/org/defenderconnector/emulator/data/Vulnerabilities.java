package org.defenderconnector.emulator.data;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Threat and vulnerability management data: the CVE catalog, the software inventory, and per-device rows
 * (software x CVE) behind {@code machinesVulnerabilities} and the export APIs. Rows are computed from their index
 * and never stored, so a million-row export costs no memory.
 *
 * <p>Each software product has the CVEs whose index is congruent to it modulo the number of products; a product
 * without CVEs still yields inventory rows with a null {@code cveId}, as in Microsoft's export sample. Device
 * {@code m} has {@link #rowsPerMachine()} consecutive (software, CVE) pairs starting at a device-specific offset.
 */
public final class Vulnerabilities {

    /** Export data is regenerated every six hours (get-assessment-software-vulnerabilities.md). */
    public static final Duration SNAPSHOT_PERIOD = Duration.ofHours(6);

    public record Cve(int index, String id, int softwareIndex, String severity, double cvssV3, String cvssVector,
                      Instant publishedOn, Instant updatedOn, boolean publicExploit, boolean exploitVerified,
                      boolean exploitInKit, List<String> exploitTypes, List<String> exploitUris,
                      String supportability, double epss, long exposedMachines, String fixingKbId,
                      String description) {

        public String exploitabilityLevel() {
            return exploitInKit ? "ExploitIsInKit" : exploitVerified ? "ExploitIsVerified"
                    : publicExploit ? "ExploitIsPublic" : "NoExploit";
        }
    }

    public record Software(int index, String id, String vendor, String name, List<String> versions, int weaknesses,
                           boolean publicExploit, boolean activeAlert, long exposedMachines, double impactScore) {
    }

    /** One export row: a product version on a device and one of its CVEs (or none). */
    public record Row(Machine machine, Software software, String version, Cve cve, Instant firstSeen,
                      Instant lastSeen) {

        public String id() {
            return machine.id() + "_" + software.name() + "_" + version + "_" + (cve == null ? "" : cve.id()) + "_";
        }
    }

    /** A change in the delta export. */
    public record Change(Row row, String status, Instant eventTimestamp) {
    }

    private final long seed;
    private final List<Machine> machines;
    private final List<Cve> cves;
    private final List<Software> software;
    private final int[] pairSoftware;
    private final int[] pairCve;
    private final int rowsPerMachine;
    private final int changesPerSnapshot;

    public Vulnerabilities(long seed, DataSettings settings, List<Machine> machines) {
        this.seed = seed;
        this.machines = machines;
        int softwareCount = settings.software();
        int cveCount = settings.cves();
        List<int[]> pairs = new ArrayList<>();
        for (int s = 0; s < softwareCount; s++) {
            if (s >= cveCount) {
                pairs.add(new int[] {s, -1});
            }
            for (int c = s; c < cveCount; c += softwareCount) {
                pairs.add(new int[] {s, c});
            }
        }
        pairSoftware = pairs.stream().mapToInt(p -> p[0]).toArray();
        pairCve = pairs.stream().mapToInt(p -> p[1]).toArray();
        rowsPerMachine = Math.min(settings.vulnerabilitiesPerMachine(), pairs.size());
        changesPerSnapshot = machines.isEmpty() || rowsPerMachine == 0 ? 0 : settings.vulnerabilityChangesPerSnapshot();
        double exposure = pairs.isEmpty() ? 0 : (double) machines.size() * rowsPerMachine / pairs.size();
        List<Cve> cveList = new ArrayList<>(cveCount);
        for (int c = 0; c < cveCount; c++) {
            cveList.add(cve(c, c % softwareCount, Math.round(exposure)));
        }
        cves = Collections.unmodifiableList(cveList);
        List<Software> softwareList = new ArrayList<>(softwareCount);
        for (int s = 0; s < softwareCount; s++) {
            softwareList.add(software(s, softwareCount, cveCount, exposure));
        }
        software = Collections.unmodifiableList(softwareList);
    }

    public List<Cve> cves() {
        return cves;
    }

    public List<Software> software() {
        return software;
    }

    public int rowsPerMachine() {
        return rowsPerMachine;
    }

    /** Rows in a full export. */
    public long rowCount() {
        return (long) machines.size() * rowsPerMachine;
    }

    /** The export snapshot current at {@code now} (the last six-hour boundary). */
    public static Instant snapshot(Instant now) {
        long period = SNAPSHOT_PERIOD.getSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), period) * period);
    }

    /** Row {@code index} (device-major) of the export made at {@code snapshot}. */
    public Row row(long index, Instant snapshot) {
        int m = (int) (index / rowsPerMachine);
        int j = (int) (index % rowsPerMachine);
        return row(machines.get(m), j, snapshot);
    }

    private Row row(Machine machine, int j, Instant snapshot) {
        int offset = (int) Math.floorMod(Seeds.key(seed, "device-software", machine.index()), (long) pairSoftware.length);
        int pair = (offset + j) % pairSoftware.length;
        Software product = software.get(pairSoftware[pair]);
        Cve cve = pairCve[pair] < 0 ? null : cves.get(pairCve[pair]);
        String version = product.versions().get((machine.index() + product.index()) % product.versions().size());
        SplittableRandom random = Seeds.random(seed, "device-software-seen", machine.index(), j);
        Instant firstSeen = Instant.ofEpochSecond(machine.firstSeen().getEpochSecond()
                + random.nextLong(Duration.ofDays(20).getSeconds()));
        Instant lastSeen = Instant.ofEpochSecond(snapshot.getEpochSecond() - random.nextLong(20 * 3600));
        if (lastSeen.isBefore(firstSeen)) {
            lastSeen = firstSeen;
        }
        return new Row(machine, product, version, cve, firstSeen, lastSeen);
    }

    /**
     * The delta-export changes with an event time in [{@code since}, {@code until}], in a stable order: by
     * snapshot, then by change number.
     */
    public void changes(Instant since, Instant until, java.util.function.Predicate<Change> consumer) {
        if (changesPerSnapshot == 0) {
            return;
        }
        long period = SNAPSHOT_PERIOD.getSeconds();
        long first = Math.floorDiv(since.getEpochSecond(), period);
        long last = Math.floorDiv(until.getEpochSecond(), period);
        for (long s = first; s <= last; s++) {
            Instant snapshot = Instant.ofEpochSecond(s * period);
            if (snapshot.isAfter(until)) {
                break;
            }
            for (int k = 0; k < changesPerSnapshot; k++) {
                SplittableRandom random = Seeds.random(seed, "vulnerability-change", s, k);
                Instant event = Times.within(random, snapshot.minus(SNAPSHOT_PERIOD), SNAPSHOT_PERIOD);
                if (event.isBefore(since) || event.isAfter(until)) {
                    continue;
                }
                Machine machine = machines.get(random.nextInt(machines.size()));
                Row row = row(machine, random.nextInt(rowsPerMachine), snapshot);
                String status = Machine.pickWeighted(random, new String[] {"New", "Fixed", "Updated"},
                        new double[] {0.4, 0.4, 0.2});
                if (!consumer.test(new Change(row, status, event))) {
                    return;
                }
            }
        }
    }

    /** Machine-by-CVE rows ({@code /api/vulnerabilities/machinesVulnerabilities}): export rows with a CVE. */
    public void machineVulnerabilities(Instant now, java.util.function.Predicate<Row> consumer) {
        Instant snapshot = snapshot(now);
        for (Machine machine : machines) {
            for (int j = 0; j < rowsPerMachine; j++) {
                Row row = row(machine, j, snapshot);
                if (row.cve() != null && !consumer.test(row)) {
                    return;
                }
            }
        }
    }

    private Cve cve(int c, int softwareIndex, long exposed) {
        SplittableRandom random = Seeds.random(seed, "cve", c);
        int year = 2019 + c % 6;
        String id = "CVE-" + year + "-" + (1000 + c);
        double cvss = Math.round((2.0 + random.nextDouble() * 8.0) * 10) / 10.0;
        String severity = cvss >= 9 ? "Critical" : cvss >= 7 ? "High" : cvss >= 4 ? "Medium" : "Low";
        Instant published = LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant()
                .plus(Duration.ofDays(random.nextInt(360)));
        Instant updated = published.plus(Duration.ofDays(1 + random.nextInt(120))).plusSeconds(random.nextInt(86_400));
        boolean publicExploit = Seeds.chance(random, 0.3);
        boolean verified = publicExploit && Seeds.chance(random, 0.4);
        boolean inKit = verified && Seeds.chance(random, 0.3);
        Catalog.Product product = Catalog.PRODUCTS.get(softwareIndex % Catalog.PRODUCTS.size());
        String kb = product.vendor().equals("microsoft") && Seeds.chance(random, 0.7)
                ? Integer.toString(5_000_000 + random.nextInt(50_000)) : null;
        List<String> types = publicExploit ? List.of(Seeds.pick(random, List.of("RemoteCodeExecution",
                "PrivilegeEscalation", "DenialOfService"))) : List.of();
        List<String> uris = publicExploit ? List.of("https://www.exploit-db.com/exploits/" + (40_000 + c)) : List.of();
        String description = "A vulnerability in " + product.vendor() + " " + product.name().replace('_', ' ')
                + " could allow an attacker to " + (cvss >= 7 ? "run arbitrary code" : "disclose information")
                + " when a user opens specially crafted content.";
        return new Cve(c, id, softwareIndex, severity, cvss, "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H/E:U/RL:O/RC:C",
                published, updated, publicExploit, verified, inKit, types, uris, "Supported",
                Math.round(random.nextDouble() * 10_000) / 10_000.0, exposed, kb, description);
    }

    private Software software(int s, int softwareCount, int cveCount, double exposure) {
        SplittableRandom random = Seeds.random(seed, "software", s);
        Catalog.Product product = Catalog.PRODUCTS.get(s % Catalog.PRODUCTS.size());
        int generation = s / Catalog.PRODUCTS.size();
        String name = generation == 0 ? product.name() : product.name() + "_" + (generation + 1);
        int weaknesses = s < cveCount ? (cveCount - s + softwareCount - 1) / softwareCount : 0;
        boolean publicExploit = false;
        for (int c = s; c < cveCount; c += softwareCount) {
            publicExploit |= cves.get(c).publicExploit();
        }
        long exposed = Math.max(0, Math.round(exposure * Math.max(1, weaknesses)));
        return new Software(s, product.vendor() + "-_-" + name, product.vendor(), name, product.versions(),
                weaknesses, publicExploit, Seeds.chance(random, 0.1),
                Math.min(exposed, machines.size()), Math.round(random.nextDouble() * 5_000_000) / 1_000_000.0);
    }
}
