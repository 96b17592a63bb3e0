package org.defenderconnector.emulator.data;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An onboarded device. Its {@code lastSeen} is the time of its last full report, which devices send once a day
 * (machine.md: "A device typically sends a full report every 24 hours"); it depends on the time asked.
 */
public record Machine(int index, String id, String computerDnsName, Instant firstSeen, Duration reportOffset,
                      Catalog.Os os, String osVersion, String lastIpAddress, String lastExternalIpAddress,
                      String macAddress, String ipv6Address, String healthStatus, int rbacGroupId,
                      String rbacGroupName, String riskScore, String exposureLevel, String deviceValue,
                      String aadDeviceId, List<String> machineTags, String onboardingStatus, Person user) {

    private static final List<String> TAGS = List.of("VIP", "Production", "Kiosk", "Finance-Floor", "Pilot");

    /**
     * The machine with this index.
     *
     * @param dataStart the first day of the data; machines were first seen before it
     */
    public static Machine generate(long seed, int index, Instant dataStart) {
        SplittableRandom random = Seeds.random(seed, "machine", index);
        String id = Seeds.hex(random, 40);
        Catalog.Os os = Seeds.pick(random, Catalog.OPERATING_SYSTEMS);
        String prefix = os.platform().startsWith("WindowsServer") ? "srv" : os.platform().startsWith("Windows")
                ? "ws" : os.platform().equals("Linux") ? "lnx" : "mac";
        String number = Integer.toString(index + 1);
        String name = prefix + "-" + "00000".substring(Math.min(5, number.length())) + number + "." + Catalog.DOMAIN;
        Instant firstSeen = dataStart.truncatedTo(ChronoUnit.DAYS)
                .minus(Duration.ofDays(1 + random.nextInt(400)))
                .plusNanos(random.nextLong(86_400_000_000_000L) / 100 * 100);
        Duration reportOffset = Duration.ofNanos(random.nextLong(86_400_000_000_000L) / 100 * 100);
        String osVersion = os.build() > 0 ? os.osVersionPrefix() + "." + (1000 + random.nextInt(4000))
                : os.osVersionPrefix();
        int group = random.nextInt(Catalog.RBAC_GROUPS.size());
        List<String> tags = new ArrayList<>();
        for (String tag : TAGS) {
            if (Seeds.chance(random, 0.2)) {
                tags.add(tag);
            }
        }
        String health = pickWeighted(random, new String[] {"Active", "Inactive", "ImpairedCommunication",
                "NoSensorData"}, new double[] {0.85, 0.08, 0.04, 0.03});
        String risk = pickWeighted(random, new String[] {"None", "Informational", "Low", "Medium", "High"},
                new double[] {0.3, 0.1, 0.3, 0.2, 0.1});
        String exposure = pickWeighted(random, new String[] {"None", "Low", "Medium", "High"},
                new double[] {0.1, 0.4, 0.4, 0.1});
        String value = pickWeighted(random, new String[] {"Normal", "Low", "High"}, new double[] {0.8, 0.1, 0.1});
        String onboarding = pickWeighted(random, new String[] {"onboarded", "CanBeOnboarded", "InsufficientInfo"},
                new double[] {0.95, 0.03, 0.02});
        String aadDeviceId = os.platform().startsWith("Windows") && Seeds.chance(random, 0.8)
                ? Seeds.guid(random) : null;
        String lastIp = "10." + (index / 65_536 % 256) + "." + (index / 256 % 256) + "." + (index % 256);
        String externalIp = "203.0.113." + (1 + random.nextInt(254));
        String mac = Seeds.hex(random, 12).toUpperCase();
        String ipv6 = "fd00:" + Integer.toHexString(index / 65_536) + ":" + Integer.toHexString(index % 65_536)
                + "::" + Integer.toHexString(1 + random.nextInt(0xfffe));
        return new Machine(index, id, name, firstSeen, reportOffset, os, osVersion, lastIp, externalIp, mac, ipv6,
                health, 100 + group, Catalog.RBAC_GROUPS.get(group), risk, exposure, value, aadDeviceId,
                List.copyOf(tags), onboarding, Person.of(seed, index));
    }

    /** The last daily full report at or before {@code now}, never before {@link #firstSeen}. */
    public Instant lastSeen(Instant now) {
        Instant today = now.truncatedTo(ChronoUnit.DAYS).plus(reportOffset);
        Instant last = today.isAfter(now) ? today.minus(Duration.ofDays(1)) : today;
        return last.isBefore(firstSeen) ? firstSeen : last;
    }

    public boolean aadJoined() {
        return aadDeviceId != null;
    }

    /** The Windows-style short name ({@code ws-00001}). */
    public String shortName() {
        return computerDnsName.substring(0, computerDnsName.indexOf('.'));
    }

    static String pickWeighted(SplittableRandom random, String[] values, double[] weights) {
        double draw = random.nextDouble();
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += weights[i];
            if (draw < sum) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
