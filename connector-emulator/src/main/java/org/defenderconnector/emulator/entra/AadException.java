package org.defenderconnector.emulator.entra;

/** A token request failed with an entry of the {@link AadError} table; the message is the AADSTS description. */
public final class AadException extends RuntimeException {

    private final AadError error;

    AadException(AadError error, String description) {
        super(description, null, false, false);
        this.error = error;
    }

    public AadError error() {
        return error;
    }
}
