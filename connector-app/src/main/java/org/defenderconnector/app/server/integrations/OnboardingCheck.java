package org.defenderconnector.app.server.integrations;

import org.defenderconnector.microsoft.onboarding.Check;
import org.defenderconnector.microsoft.onboarding.CheckReport;
import org.defenderconnector.microsoft.onboarding.CheckRequest;
import org.defenderconnector.microsoft.onboarding.CheckRunner;
import org.defenderconnector.microsoft.onboarding.CheckStatus;
import org.defenderconnector.microsoft.permissions.DefenderStream;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The credential test of the console and API: the onboarding {@link CheckRunner}, as the CLI runs it. */
public final class OnboardingCheck implements CredentialTester {
    private final CheckRunner runner;
    private final Clock clock;

    public OnboardingCheck(CheckRunner runner, Clock clock) {
        this.runner = runner;
        this.clock = clock;
    }

    public OnboardingCheck() {
        this(new CheckRunner(), Clock.systemUTC());
    }

    @Override
    public TestResult test(ResolvedIntegration integration) {
        CheckRequest request;
        try {
            request = new CheckRequest(integration.record().tenantId(), integration.record().clientId(),
                    integration.credential(), integration.endpoints(), integration.tls(),
                    integration.record().streams().stream().map(DefenderStream::fromId).toList());
        } catch (RuntimeException e) {
            return TestResult.notRun(e.getMessage(), "edit the integration and correct it", clock.instant());
        }
        return from(runner.run(request));
    }

    TestResult from(CheckReport report) {
        List<TestResult.CheckLine> lines = new ArrayList<>();
        for (Check check : report.checks()) {
            TestResult.Advice advice = check.guidance().map(a -> new TestResult.Advice(a.id(), a.symptom(), a.cause(),
                    a.fix())).orElse(null);
            lines.add(new TestResult.CheckLine(check.id(), check.status().name(), check.title(), check.detail(),
                    check.forStream().map(DefenderStream::id).orElse(null), advice));
        }
        Map<String, String> streams = new LinkedHashMap<>();
        report.streams().forEach((stream, status) -> streams.put(stream.id(), status.name()));
        long ready = report.streams().values().stream().filter(s -> s == CheckStatus.PASS).count();
        String summary = report.ok()
                ? "All " + streams.size() + " streams are ready"
                : ready + " of " + streams.size() + " streams are ready; " + report.failures().size() + " check(s) failed";
        return new TestResult(report.ok(), summary, report.credential(), report.endpoints(), lines, streams,
                clock.instant());
    }
}
