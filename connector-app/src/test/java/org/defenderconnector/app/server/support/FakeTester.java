package org.defenderconnector.app.server.support;

import org.defenderconnector.app.server.integrations.CredentialTester;
import org.defenderconnector.app.server.integrations.ResolvedIntegration;
import org.defenderconnector.app.server.integrations.TestResult;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Passes every stream; fails when the tenant is "fail.example.com", with guidance, as the real check would. */
public final class FakeTester implements CredentialTester {
    @Override
    public TestResult test(ResolvedIntegration integration) {
        Map<String, String> streams = new LinkedHashMap<>();
        boolean fail = integration.record().tenantId().equals("fail.example.com");
        integration.record().streams().forEach(s -> streams.put(s, fail ? "SKIP" : "PASS"));
        // Loading the credential proves the stored secret decrypts.
        String credential = integration.credential().describe();
        List<TestResult.CheckLine> checks = fail
                ? List.of(new TestResult.CheckLine("token:mde", "FAIL", "token for WindowsDefenderATP", "AADSTS90002",
                null, new TestResult.Advice("TENANT_NOT_FOUND", "tenant not found", "the tenant does not exist",
                "copy the Directory (tenant) ID from Entra ID > Overview")))
                : List.of(new TestResult.CheckLine("token:mde", "PASS", "token for WindowsDefenderATP", "roles ok", null, null));
        return new TestResult(!fail, fail ? "0 streams ready" : "All streams are ready", credential,
                integration.endpoints().describe(), checks, streams, Instant.now());
    }
}
