package org.defenderconnector.emulator.hunting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import org.defenderconnector.emulator.data.Catalog;
import org.defenderconnector.emulator.data.Machine;
import org.defenderconnector.emulator.data.Person;
import org.defenderconnector.emulator.data.Seeds;
import org.defenderconnector.emulator.data.Times;

/**
 * What one generated event is about: when, on which device, by whom, which process started it and which
 * process or file it touched, and the network peers. Columns are read off it, so that the columns of a row agree
 * with each other (an InitiatingProcessFileName matches its folder and command line).
 */
final class EventContext {

    /** A process (or its image file). */
    record Process(String fileName, String folder, String sha1, String md5, long size, long id, String commandLine,
                   Instant created, String company, String product, String version, String description,
                   String integrity, String elevation, String parentName, long parentId, Instant parentCreated) {
    }

    private static final List<String> COMPANIES = List.of("Microsoft Corporation", "Google LLC", "Mozilla Corporation",
            "Python Software Foundation");

    final SplittableRandom random;
    final Instant time;
    final Machine machine;
    final Person account;
    final Process initiating;
    final Process target;
    final String remoteIp;
    final int remotePort;
    final String remoteUrl;
    final int localPort;
    final long reportId;

    EventContext(long seed, String table, long hour, int k, Instant time, Machine machine) {
        this.random = Seeds.random(seed, "hunting-" + table, hour, k);
        this.time = time;
        this.machine = machine;
        this.account = machine != null && Seeds.chance(random, 0.8) ? machine.user()
                : Person.of(seed, random.nextInt(Person.POOL));
        this.initiating = process(random, Seeds.pick(random, Catalog.PROCESS_NAMES), time, account);
        this.target = process(random, Seeds.pick(random, Catalog.PROCESS_NAMES), time, account);
        this.remoteIp = "203.0.113." + (1 + random.nextInt(254));
        this.remotePort = Seeds.pick(random, List.of(443, 443, 443, 80, 445, 3389, 53, 8080));
        this.remoteUrl = Seeds.pick(random, Catalog.REMOTE_URLS);
        this.localPort = 49_152 + random.nextInt(16_000);
        this.reportId = 1 + random.nextInt(1_000_000);
    }

    private static Process process(SplittableRandom random, String name, Instant time, Person account) {
        String folder = name.endsWith("chrome.exe") ? "c:\\program files\\google\\chrome\\application"
                : name.equals("python.exe") ? "c:\\users\\" + account.accountName() + "\\appdata\\local\\programs\\python"
                : name.equals("teams.exe") || name.equals("outlook.exe") ? "c:\\program files\\microsoft office\\root"
                : "c:\\windows\\system32";
        Instant created = Times.ticks(time.minus(Duration.ofMillis(random.nextLong(3_600_000))));
        String company = name.equals("chrome.exe") ? COMPANIES.get(1) : name.equals("python.exe") ? COMPANIES.get(3)
                : COMPANIES.get(0);
        String commandLine = switch (name) {
            case "powershell.exe" -> "powershell.exe -NoProfile -Command Get-Process";
            case "cmd.exe" -> "cmd.exe /c whoami";
            case "certutil.exe" -> "certutil.exe -urlcache -f https://" + Catalog.REMOTE_URLS.get(2) + "/a.bin";
            default -> "\"" + folder + "\\" + name + "\"";
        };
        return new Process(name, folder + "\\" + name, Seeds.hex(random, 40), Seeds.hex(random, 32),
                20_000 + random.nextInt(4_000_000), 1_000 + random.nextInt(60_000), commandLine, created, company,
                "Microsoft® Windows® Operating System", "10.0." + (19_000 + random.nextInt(7_000)) + ".1",
                name.replace(".exe", "") + " application", Seeds.pick(random, List.of("Medium", "High", "System")),
                Seeds.pick(random, List.of("TokenElevationTypeLimited", "TokenElevationTypeDefault",
                        "TokenElevationTypeFull")), "explorer.exe", 400 + random.nextInt(9_000),
                Times.ticks(created.minus(Duration.ofMinutes(1 + random.nextInt(600)))));
    }
}
