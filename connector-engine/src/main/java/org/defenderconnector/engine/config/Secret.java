package org.defenderconnector.engine.config;

import java.util.Objects;

/**
 * A secret value (client secret, certificate password, storage key). Its {@link #toString} never
 * shows the value, so a secret passed into a log line, an exception or a record's toString stays hidden.
 * {@link #reference} says where it came from ("env:DEFENDER_SECRET"), which is safe to show.
 */
public final class Secret {
    private final String value;
    private final String reference;

    public Secret(String value, String reference) {
        this.value = Objects.requireNonNull(value, "value");
        this.reference = reference;
    }

    public String reveal() {
        return value;
    }

    public String reference() {
        return reference;
    }

    @Override
    public String toString() {
        return "Secret(" + (reference == null ? "inline" : reference) + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
