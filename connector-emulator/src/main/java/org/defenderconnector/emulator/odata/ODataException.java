package org.defenderconnector.emulator.odata;

/** A query option the service would refuse: answered 400 ({@code ODataError} on MDE/XDR, BadRequest on Graph). */
public final class ODataException extends RuntimeException {

    public ODataException(String message) {
        super(message, null, false, false);
    }
}
