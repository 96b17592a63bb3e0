package org.defenderconnector.app.server.integrations;

import org.defenderconnector.store.admin.IntegrationRecord;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * When the integration's credential stops working, and whether to warn about it yet.
 *
 * @param what     "client secret" or "certificate"
 * @param expires  the expiry date, or null when unknown (a secret whose date was not entered)
 * @param daysLeft days until then (negative once expired), or null when unknown
 * @param warning  true from {@code warningDays} before the date on
 * @param message  what to do, for the console; null when there is nothing to say
 */
public record Expiry(String what, LocalDate expires, Long daysLeft, boolean warning, String message) {

    static Expiry of(IntegrationRecord record, int warningDays, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        boolean secret = record.authMethod() == IntegrationRecord.AuthMethod.SECRET;
        String what = secret ? "client secret" : "certificate";
        LocalDate expires = secret ? record.secretExpires()
                : record.certificate() == null || record.certificate().notAfter() == null ? null
                : record.certificate().notAfter().atZone(ZoneOffset.UTC).toLocalDate();
        if (expires == null) {
            return new Expiry(what, null, null, false, secret
                    ? "Enter the secret's expiry date (Certificates & secrets > Expires) to be warned before it expires."
                    : null);
        }
        long days = ChronoUnit.DAYS.between(today, expires);
        String renew = secret
                ? "create a new client secret under App registrations > your app > Certificates & secrets, then edit this integration"
                : "upload a new certificate to the app registration and to this integration";
        if (days < 0) {
            return new Expiry(what, expires, days, true, "The " + what + " expired on " + expires + ": " + renew + ".");
        }
        if (days <= warningDays) {
            return new Expiry(what, expires, days, true, "The " + what + " expires in " + days + " day"
                    + (days == 1 ? "" : "s") + " (" + expires + "): " + renew + ".");
        }
        return new Expiry(what, expires, days, false, null);
    }
}
