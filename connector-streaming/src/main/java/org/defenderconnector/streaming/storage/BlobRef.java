package org.defenderconnector.streaming.storage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One blob of the Streaming API, e.g. container {@code insights-logs-advancedhunting-devicenetworkevents},
 * path {@code tenantId=<tid>/y=2025/m=03/d=04/h=10/m=00/PT1H.json}.
 */
public record BlobRef(String container, String path) {
    private static final Pattern HOUR = Pattern.compile("(?:^|/)y=(\\d{4})/m=(\\d{2})/d=(\\d{2})/h=(\\d{2})/");

    public BlobRef {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(path, "path");
        if (container.isEmpty() || path.isEmpty()) {
            throw new IllegalArgumentException("container and path must not be empty");
        }
    }

    /** {@code container/path}: how the blob is named in positions, logs and dead letters. */
    public String key() {
        return container + "/" + path;
    }

    public static BlobRef ofKey(String key) {
        int slash = key.indexOf('/');
        if (slash <= 0 || slash == key.length() - 1) {
            throw new IllegalArgumentException("not a container/path blob key: " + key);
        }
        return new BlobRef(key.substring(0, slash), key.substring(slash + 1));
    }

    /** The start of the hour the blob collects ({@code y=/m=/d=/h=} in the path), when the path has it. */
    public Optional<Instant> hourStart() {
        Matcher m = HOUR.matcher(path);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), 0).toInstant(ZoneOffset.UTC));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** When appends to this blob stop: the end of its hour. */
    public Optional<Instant> hourEnd() {
        return hourStart().map(start -> start.plus(Duration.ofHours(1)));
    }

    /** The table the container holds, lower-case as in the container name, or null for another container. */
    public String tableFromContainer(String prefix) {
        return container.startsWith(prefix) && container.length() > prefix.length()
                ? container.substring(prefix.length()) : null;
    }
}
