package org.defenderconnector.microsoft.http;

import java.io.IOException;

/** A response body stopped arriving for longer than the idle timeout and was cut. */
public final class StalledBodyException extends IOException {
    public StalledBodyException(String message) {
        super(message);
    }
}
