package org.defenderconnector.ocsf.validation;

/**
 * The outcome for one non-blank line of an NDJSON stream.
 *
 * @param lineNumber 1-based line number in the input
 */
public record LineResult(long lineNumber, ValidationResult result) {

    public boolean isValid() {
        return result.isValid();
    }

    @Override
    public String toString() {
        return "line " + lineNumber + ": " + result;
    }
}
