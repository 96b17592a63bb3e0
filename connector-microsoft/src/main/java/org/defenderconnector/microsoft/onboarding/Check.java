package org.defenderconnector.microsoft.onboarding;

import org.defenderconnector.microsoft.cloud.Api;
import org.defenderconnector.microsoft.permissions.DefenderStream;

import java.util.Objects;
import java.util.Optional;

/**
 * One line of a {@link CheckReport}.
 *
 * @param id     stable id, e.g. {@code token:mde}, {@code permission:alerts}, {@code read:alerts}
 * @param status pass, fail or skip
 * @param title  what was checked, e.g. "token for WindowsDefenderATP"
 * @param detail what was found (never a secret or token)
 * @param api    the API concerned, or null
 * @param stream the stream concerned, or null for API-level checks
 * @param advice cause and fix for failures that have a diagnosis, else null
 */
public record Check(String id, CheckStatus status, String title, String detail, Api api, DefenderStream stream,
                    Advice advice) {
    public Check {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(title, "title");
        detail = detail == null ? "" : detail;
    }

    public Optional<Advice> guidance() {
        return Optional.ofNullable(advice);
    }

    public Optional<DefenderStream> forStream() {
        return Optional.ofNullable(stream);
    }
}
