package org.defenderconnector.streaming;

/** One streamed record (a blob line, an element of an Event Hub message) could not be turned into a SourceRecord. */
public final class MalformedRecordException extends Exception {
    public MalformedRecordException(String message) {
        super(message);
    }

    public MalformedRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
