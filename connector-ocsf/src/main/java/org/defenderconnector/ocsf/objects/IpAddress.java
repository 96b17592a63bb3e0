package org.defenderconnector.ocsf.objects;

import java.util.regex.Pattern;

/**
 * Whether a string is a literal IPv4 or IPv6 address acceptable for OCSF {@code ip_t}, checked
 * without any name resolution. IPv6 zone ids ({@code fe80::1%12}) are accepted as {@code ip_t} accepts
 * them; bracketed forms, host names and anything else are rejected, so such values stay under
 * {@code unmapped}. (The schema's own pattern is looser than this in one place — its IPv4 dots match
 * any character — so a value passing here always passes the schema.)
 */
public final class IpAddress {
    private static final Pattern HEXTET = Pattern.compile("^[0-9A-Fa-f]{1,4}$");

    private IpAddress() {
    }

    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > 40) {
            return false;
        }
        return isIpv4(value) || isIpv6(value);
    }

    /**
     * Four dot-separated decimal octets 0–255 without leading zeros (what the pattern
     * {@code ((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)} accepts), checked by
     * hand because every network row has two addresses and the regex was a visible cost.
     */
    static boolean isIpv4(String value) {
        int length = value.length();
        int at = 0;
        for (int octet = 0; octet < 4; octet++) {
            if (octet > 0) {
                if (at >= length || value.charAt(at) != '.') {
                    return false;
                }
                at++;
            }
            int start = at;
            int number = 0;
            while (at < length && at - start < 3 && value.charAt(at) >= '0' && value.charAt(at) <= '9') {
                number = number * 10 + (value.charAt(at) - '0');
                at++;
            }
            int digits = at - start;
            if (digits == 0 || (digits > 1 && value.charAt(start) == '0') || number > 255) {
                return false;
            }
        }
        return at == length;
    }

    private static boolean isIpv6(String value) {
        if (!value.contains(":")) {
            return false;
        }
        String address = value;
        int zone = address.indexOf('%');
        if (zone >= 0) {
            if (zone == address.length() - 1) {
                return false;
            }
            address = address.substring(0, zone);
        }
        int groups = 8;
        int lastColon = address.lastIndexOf(':');
        String tail = address.substring(lastColon + 1);
        if (tail.contains(".")) {
            // IPv4-mapped/compatible tail (::ffff:10.0.0.1) counts for two groups.
            if (!isIpv4(tail)) {
                return false;
            }
            address = address.substring(0, lastColon + 1) + "0:0";
        }
        int doubleColon = address.indexOf("::");
        if (doubleColon != address.lastIndexOf("::")) {
            return false;
        }
        if (doubleColon >= 0) {
            String head = address.substring(0, doubleColon);
            String rest = address.substring(doubleColon + 2);
            int used = count(head) + count(rest);
            return used <= groups - 1 && hextets(head) && hextets(rest);
        }
        return count(address) == groups && hextets(address);
    }

    private static int count(String part) {
        return part.isEmpty() ? 0 : part.split(":", -1).length;
    }

    private static boolean hextets(String part) {
        if (part.isEmpty()) {
            return true;
        }
        for (String hextet : part.split(":", -1)) {
            if (!HEXTET.matcher(hextet).matches()) {
                return false;
            }
        }
        return true;
    }
}
