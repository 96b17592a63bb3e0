package org.defenderconnector.ocsf.objects;

import java.util.regex.Pattern;

/**
 * Whether a string may go into an OCSF {@code email_t} attribute. The pattern accepts what the OCSF
 * type accepts (local part, '@', a domain with at least one dot); Defender values that fail it (UPNs
 * of on-premises accounts such as {@code jdoe@contoso}, "<>" senders) are not mapped to e-mail
 * attributes and stay available elsewhere or under {@code unmapped}.
 */
public final class EmailAddress {
    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~.]+@[A-Za-z0-9-]+\\.[A-Za-z0-9.-]+$");

    private EmailAddress() {
    }

    public static boolean isValid(String value) {
        return value != null && EMAIL.matcher(value).matches();
    }
}
