package org.defenderconnector.microsoft.onboarding;

import org.defenderconnector.microsoft.permissions.DefenderStream;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@link CheckRunner#run}: every check in order and, per requested stream, whether it
 * will work. {@link #ok()} only when every requested stream will.
 *
 * @param tenant      tenant as given
 * @param clientId    client id as given
 * @param credential  secret-free description ("client secret", "certificate AB12...")
 * @param endpoints   {@code Endpoints.describe()}
 * @param checks      all checks in the order they ran
 * @param streams     per requested stream: PASS when it will work, FAIL when not, SKIP when unknown
 */
public record CheckReport(String tenant, String clientId, String credential, String endpoints, List<Check> checks,
                          Map<DefenderStream, CheckStatus> streams) {
    public CheckReport {
        checks = List.copyOf(checks);
        streams = Collections.unmodifiableMap(new LinkedHashMap<>(streams));
    }

    public boolean ok() {
        return !streams.isEmpty()
                && streams.values().stream().allMatch(s -> s == CheckStatus.PASS)
                && checks.stream().noneMatch(c -> c.status() == CheckStatus.FAIL);
    }

    public long count(CheckStatus status) {
        return checks.stream().filter(c -> c.status() == status).count();
    }

    public List<Check> failures() {
        return checks.stream().filter(c -> c.status() == CheckStatus.FAIL).toList();
    }

    /** The distinct guidance ids of all failures, in order. */
    public List<Guidance> guidance() {
        List<Guidance> out = new ArrayList<>();
        for (Check c : checks) {
            c.guidance().map(Advice::guidance).filter(g -> !out.contains(g)).ifPresent(out::add);
        }
        return out;
    }

    public List<DefenderStream> readyStreams() {
        return streams.entrySet().stream().filter(e -> e.getValue() == CheckStatus.PASS).map(Map.Entry::getKey).toList();
    }

    public List<DefenderStream> notReadyStreams() {
        return streams.entrySet().stream().filter(e -> e.getValue() != CheckStatus.PASS).map(Map.Entry::getKey).toList();
    }
}
