package org.defenderconnector.app.server.integrations;

/**
 * One problem with a submitted field: the field, what is wrong (never echoing a secret) and how to fix it.
 */
public record FieldError(String field, String problem, String fix) {
}
