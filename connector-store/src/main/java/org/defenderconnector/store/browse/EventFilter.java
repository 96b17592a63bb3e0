package org.defenderconnector.store.browse;

import java.time.Instant;
import java.util.Set;

/**
 * What to look for in the stored events. Every field is optional (null or empty = no constraint).
 *
 * @param from       events at or after this time
 * @param to         events before this time
 * @param severities OCSF severity_id values to keep
 * @param device     a device host name prefix (case-insensitive) or an exact device uid
 * @param text       free text looked for, case-insensitively, in the raw and OCSF JSON
 */
public record EventFilter(Instant from, Instant to, String tenant, String stream, Integer classUid,
                          Set<Integer> severities, String device, String text) {
    public static final EventFilter ALL = new EventFilter(null, null, null, null, null, Set.of(), null, null);

    public EventFilter {
        tenant = blankToNull(tenant);
        stream = blankToNull(stream);
        device = blankToNull(device);
        text = blankToNull(text);
        severities = severities == null ? Set.of() : Set.copyOf(severities);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
