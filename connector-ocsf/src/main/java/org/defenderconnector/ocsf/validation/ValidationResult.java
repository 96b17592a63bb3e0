package org.defenderconnector.ocsf.validation;

import java.util.List;

/** The outcome of validating one event: valid when there is no violation. */
public record ValidationResult(List<Violation> violations) {

    private static final ValidationResult VALID = new ValidationResult(List.of());

    public ValidationResult {
        violations = List.copyOf(violations);
    }

    public static ValidationResult valid() {
        return VALID;
    }

    public boolean isValid() {
        return violations.isEmpty();
    }

    /** The violations of one rule, in the order found. */
    public List<Violation> violations(Rule rule) {
        return violations.stream().filter(v -> v.rule() == rule).toList();
    }

    /** One line per violation, meant for test failure messages and CLI output. */
    @Override
    public String toString() {
        if (violations.isEmpty()) {
            return "valid";
        }
        StringBuilder text = new StringBuilder().append(violations.size())
                .append(violations.size() == 1 ? " violation:" : " violations:");
        violations.forEach(v -> text.append(System.lineSeparator()).append("  ").append(v));
        return text.toString();
    }
}
