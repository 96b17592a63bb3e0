package org.defenderconnector.app.server.integrations;

import java.util.List;

/** The submitted integration has problems; each names its field and fix. Shown as a 400 response. */
public class InvalidInputException extends IllegalArgumentException {
    private final transient List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).problem()
                : errors.size() + " fields need attention");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
