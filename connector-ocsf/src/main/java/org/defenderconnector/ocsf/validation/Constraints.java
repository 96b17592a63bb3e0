package org.defenderconnector.ocsf.validation;

import java.util.List;

/**
 * Presence constraints of a class or object. Names may be dotted paths (Patch State uses
 * {@code device.os.sp_name}).
 *
 * @param atLeastOne at least one of these must be present (empty = no constraint)
 * @param justOne    exactly one of these must be present (empty = no constraint)
 */
public record Constraints(List<String> atLeastOne, List<String> justOne) {

    public static final Constraints NONE = new Constraints(List.of(), List.of());

    public Constraints {
        atLeastOne = List.copyOf(atLeastOne);
        justOne = List.copyOf(justOne);
    }

    public boolean isEmpty() {
        return atLeastOne.isEmpty() && justOne.isEmpty();
    }
}
