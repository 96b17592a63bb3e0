package org.defenderconnector.emulator.api;

/** The gate refused a request: status, error code and message in the family's words. */
public final class ApiRejection extends Exception {

    private final int status;
    private final String code;

    public ApiRejection(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
