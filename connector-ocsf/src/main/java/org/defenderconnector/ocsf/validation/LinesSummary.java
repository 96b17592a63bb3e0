package org.defenderconnector.ocsf.validation;

/**
 * Totals of an NDJSON validation run; blank lines are skipped and not counted.
 *
 * @param events        non-blank lines seen
 * @param invalidEvents lines with at least one violation (including lines that are not JSON)
 */
public record LinesSummary(long events, long invalidEvents) {

    public boolean allValid() {
        return invalidEvents == 0;
    }
}
