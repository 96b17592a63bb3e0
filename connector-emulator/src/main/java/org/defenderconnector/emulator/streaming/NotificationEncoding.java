package org.defenderconnector.emulator.streaming;

/**
 * How Event Grid's BlobCreated event is written into the Storage queue. Microsoft's older docs say plain
 * text; later reports (azure-docs issue #102923) say Base64. Real subscriptions may do either.
 */
public enum NotificationEncoding {
    BASE64, PLAIN
}
