package org.defenderconnector.microsoft.onboarding;

/**
 * One {@link Guidance} entry filled in for a concrete failure.
 *
 * @param guidance the table entry (its name is the stable error id)
 * @param symptom  what went wrong, in the user's terms
 * @param cause    why
 * @param fix      what to do: portal blade, permission, setting
 */
public record Advice(Guidance guidance, String symptom, String cause, String fix) {
    public String id() {
        return guidance.name();
    }
}
