package org.defenderconnector.ocsf.validation;

/**
 * The schema's {@code @deprecated} marker on a class, object, attribute or enum value.
 *
 * @param message what to use instead (HTML stripped)
 * @param since   the OCSF version that deprecated it, e.g. "1.3.0"
 */
public record Deprecation(String message, String since) {
}
