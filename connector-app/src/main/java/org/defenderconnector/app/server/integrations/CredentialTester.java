package org.defenderconnector.app.server.integrations;

/** Tests an integration's credential and permissions, as the {@code check} command does. */
@FunctionalInterface
public interface CredentialTester {
    TestResult test(ResolvedIntegration integration);
}
