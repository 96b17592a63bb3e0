package org.defenderconnector.emulator.data;

import java.util.SplittableRandom;

/**
 * A user of the tenant, with the identifiers each API shows for accounts.
 *
 * @param accountName sAMAccountName style name ({@code adele.vance})
 * @param displayName display name
 * @param upn         user principal name
 * @param sid         on-premises security identifier
 * @param aadUserId   Entra object id
 */
public record Person(String accountName, String displayName, String upn, String sid, String aadUserId) {

    /** The people pool is small on purpose: the same users recur across alerts, devices and events. */
    public static final int POOL = 60;

    public static Person of(long seed, int index) {
        SplittableRandom random = Seeds.random(seed, "person", index % POOL);
        String first = Seeds.pick(random, Catalog.FIRST_NAMES);
        String last = Seeds.pick(random, Catalog.LAST_NAMES);
        String name = first + "." + last + (index % POOL >= 30 ? Integer.toString(index % POOL) : "");
        String display = capitalize(first) + " " + capitalize(last);
        String sid = "S-1-5-21-" + (1_000_000_000L + Math.floorMod(seed, 1_000_000_000L)) + "-"
                + (1_000_000_000L + Math.floorMod(Seeds.mix(seed), 1_000_000_000L)) + "-1538882281-"
                + (1100 + index % POOL);
        return new Person(name, display, name + "@" + Catalog.DOMAIN, sid, Seeds.guid(random));
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
