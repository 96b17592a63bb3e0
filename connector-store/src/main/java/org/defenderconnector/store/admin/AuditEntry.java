package org.defenderconnector.store.admin;

import java.time.Instant;

/**
 * One configuration change: who did what to which object, when. {@code details} is a small JSON object
 * naming the fields that changed; it never holds a secret value (only e.g. {@code "clientSecret":"changed"}).
 *
 * @param id increasing; also the keyset cursor when paging back through the log
 */
public record AuditEntry(long id, Instant time, String actor, String action, String target, String details) {
}
