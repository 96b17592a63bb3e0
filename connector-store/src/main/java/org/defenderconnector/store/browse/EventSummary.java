package org.defenderconnector.store.browse;

import java.time.Instant;

/**
 * One line of an event list: enough to recognise the event without its JSON.
 *
 * @param device the OCSF device host name (or uid), or null
 * @param title  the OCSF finding title or message, or null
 */
public record EventSummary(String uid, Instant time, String tenant, String stream, String kind, String naturalId,
                           Integer classUid, Integer severityId, String device, String title) {
}
