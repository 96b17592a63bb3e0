package org.defenderconnector.ocsf.validation;

/** An event category such as {@code 2 findings "Findings"}. */
public record Category(int uid, String name, String caption) {
}
