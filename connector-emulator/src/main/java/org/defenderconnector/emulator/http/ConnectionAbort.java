package org.defenderconnector.emulator.http;

import java.io.IOException;

/**
 * Thrown while writing a response to drop the connection mid-body (fault injection): it must reach the HTTP
 * server, which then closes the connection without finishing the response, so the client sees a truncated body
 * rather than a well-formed short one.
 */
public final class ConnectionAbort extends IOException {

    public ConnectionAbort(String reason) {
        super(reason, null);
    }
}
