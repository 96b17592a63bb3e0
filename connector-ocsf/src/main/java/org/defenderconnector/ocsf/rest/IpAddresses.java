package org.defenderconnector.ocsf.rest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Whether a Defender value is an IP address OCSF's ip_t accepts. Values that are not (an empty marker,
 * a host name, a scoped IPv6 address with %zone) are left for unmapped instead of making the event invalid.
 */
final class IpAddresses {
    private static final Pattern IPV4 = Pattern.compile("^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$");
    /** Only hex digits, colons and dots: InetAddress then parses the literal without any DNS lookup. */
    private static final Pattern IPV6_CHARS = Pattern.compile("^[0-9A-Fa-f:.]+$");

    private IpAddresses() {
    }

    static boolean isIp(String value) {
        if (value == null || value.length() > 40) {
            return false;
        }
        if (IPV4.matcher(value).matches()) {
            return true;
        }
        if (!value.contains(":") || !IPV6_CHARS.matcher(value).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(value).getAddress().length == 16;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
