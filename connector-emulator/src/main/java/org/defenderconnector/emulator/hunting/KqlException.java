package org.defenderconnector.emulator.hunting;

/** A query the emulator cannot run: a syntax error, an unknown table or column, or KQL outside its subset. */
public final class KqlException extends RuntimeException {

    public KqlException(String message) {
        super(message, null, false, false);
    }
}
