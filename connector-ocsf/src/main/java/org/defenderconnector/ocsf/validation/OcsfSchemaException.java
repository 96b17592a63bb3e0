package org.defenderconnector.ocsf.validation;

/** The compiled OCSF schema could not be found, read or understood. */
public class OcsfSchemaException extends RuntimeException {

    public OcsfSchemaException(String message) {
        super(message);
    }

    public OcsfSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
