package org.defenderconnector.store;

/** One stored event version as read back from the store. */
public record StoredEvent(String uid, String tenant, String stream, String kind, String naturalId, long timeMillis,
                          String rawJson, String ocsfJson) {
}
