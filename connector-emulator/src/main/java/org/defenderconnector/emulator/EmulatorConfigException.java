package org.defenderconnector.emulator;

/** The emulator config cannot be read or is inconsistent; the message names the offending entries. */
public class EmulatorConfigException extends RuntimeException {

    public EmulatorConfigException(String message) {
        super(message);
    }

    public EmulatorConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
