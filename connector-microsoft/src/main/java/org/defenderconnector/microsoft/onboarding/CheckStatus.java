package org.defenderconnector.microsoft.onboarding;

/** Outcome of one check. SKIP means "not attempted because an earlier check failed". */
public enum CheckStatus {
    PASS, FAIL, SKIP
}
