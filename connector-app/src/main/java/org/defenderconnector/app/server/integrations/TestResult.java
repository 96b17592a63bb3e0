package org.defenderconnector.app.server.integrations;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The outcome of testing an integration's credential: the same checks, in the same order and with
 * the same guidance, as {@code defender-connector check}.
 *
 * @param credential secret-free description ("client secret", "certificate AB12...")
 * @param streams    per stream: PASS, FAIL or SKIP
 */
public record TestResult(boolean ok, String summary, String credential, String endpoints, List<CheckLine> checks,
                         Map<String, String> streams, Instant testedAt) {

    /** One check: what was checked, what was found, and for failures the cause and the fix. */
    public record CheckLine(String id, String status, String title, String detail, String stream, Advice advice) {
    }

    /** @param id the guidance id, also the anchor in docs/troubleshooting.md */
    public record Advice(String id, String symptom, String cause, String fix) {
    }

    /** A test that could not even start (bad stored data, an invalid endpoint). */
    public static TestResult notRun(String problem, String fix, Instant now) {
        return new TestResult(false, problem, null, null,
                List.of(new CheckLine("setup", "FAIL", "integration settings", problem, null,
                        new Advice("SETUP", problem, "the stored settings cannot be used as they are", fix))),
                Map.of(), now);
    }
}
