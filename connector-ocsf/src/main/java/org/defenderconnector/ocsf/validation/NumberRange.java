package org.defenderconnector.ocsf.validation;

/** Inclusive bounds of a numeric data type, e.g. {@code port_t} 0..65535. */
public record NumberRange(long min, long max) {

    public boolean contains(long value) {
        return value >= min && value <= max;
    }

    @Override
    public String toString() {
        return min + ".." + max;
    }
}
