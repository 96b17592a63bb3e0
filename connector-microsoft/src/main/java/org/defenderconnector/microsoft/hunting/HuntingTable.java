package org.defenderconnector.microsoft.hunting;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An advanced hunting table name, checked before it goes into a query: letters and digits only, so
 * that a configured name can never add KQL of its own ("DeviceInfo | where ..." or a second statement).
 * Known tables are written the way Microsoft spells them whatever case was configured; any other
 * table that passes the check is accepted as given (new tables appear in Defender before we list them).
 */
public record HuntingTable(String name) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,127}");

    /** The tables the Streaming API exports (supported-event-types.md), all collected by default. */
    public static final List<String> STANDARD = List.of("AlertInfo", "AlertEvidence", "DeviceInfo",
            "DeviceNetworkInfo", "DeviceProcessEvents", "DeviceNetworkEvents", "DeviceFileEvents",
            "DeviceRegistryEvents", "DeviceLogonEvents", "DeviceImageLoadEvents", "DeviceEvents",
            "DeviceFileCertificateInfo", "IdentityLogonEvents", "IdentityQueryEvents", "IdentityDirectoryEvents",
            "EmailEvents", "EmailAttachmentInfo", "EmailUrlInfo", "EmailPostDeliveryEvents", "UrlClickEvents");

    public HuntingTable {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not an advanced hunting table name: use letters and"
                    + " digits only, starting with a letter (e.g. DeviceProcessEvents)");
        }
        for (String known : STANDARD) {
            if (known.equalsIgnoreCase(name)) {
                name = known;
                break;
            }
        }
    }

    public static HuntingTable of(String name) {
        return new HuntingTable(name == null ? null : name.trim());
    }

    public static List<HuntingTable> standard() {
        return STANDARD.stream().map(HuntingTable::new).toList();
    }

    /** One of {@link #STANDARD}. */
    public boolean isStandard() {
        return STANDARD.contains(name);
    }

    /** The table's name in lower case, for case-insensitive comparisons. */
    String key() {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return name;
    }
}
