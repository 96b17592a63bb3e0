package org.defenderconnector.ocsf.validation;

import java.util.Objects;

/**
 * One way an event breaks the schema.
 *
 * @param path    where, as {@code finding_info.attacks[0].technique.uid}; empty for the event itself
 * @param rule    which check failed
 * @param message what is wrong and, where useful, what is expected
 */
public record Violation(String path, Rule rule, String message) {

    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "<event>" : path) + " [" + rule.code() + "] " + message;
    }
}
