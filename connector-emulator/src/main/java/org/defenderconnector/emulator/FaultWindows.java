package org.defenderconnector.emulator;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.defenderconnector.emulator.api.ApiRequest;
import org.defenderconnector.emulator.api.HuntingEndpoints;
import org.defenderconnector.emulator.faults.RequestWindows;
import org.defenderconnector.emulator.hunting.AdvancedHunting;
import org.defenderconnector.emulator.odata.ODataLiterals;
import org.defenderconnector.emulator.odata.TimeWindow;

/**
 * The time range a request asks for, for the "fail every window containing T" fault: the datetime bounds of an
 * OData {@code $filter}, the delta export's [sinceTime, now], or a hunting query's range (Timespan or the last
 * 30 days, narrowed by its Timestamp conditions).
 */
final class FaultWindows implements RequestWindows {

    private final AdvancedHunting hunting;
    private final Clock clock;

    FaultWindows(AdvancedHunting hunting, Clock clock) {
        this.hunting = hunting;
        this.clock = clock;
    }

    @Override
    public Optional<TimeWindow> of(ApiRequest request) {
        String path = request.path().toLowerCase(Locale.ROOT);
        if (request.method().equals("POST") && (path.endsWith("/run") || path.endsWith("/runhuntingquery"))) {
            return HuntingEndpoints.window(request, hunting, clock.instant());
        }
        String since = param(request.query(), "sinceTime");
        if (since != null && path.endsWith("/softwarevulnerabilitychangesbymachine")) {
            Instant from = ODataLiterals.parseInstant(since.trim());
            return from == null ? Optional.empty() : Optional.of(new TimeWindow(from, true, clock.instant(), true));
        }
        return TimeWindow.fromFilterText(param(request.query(), "$filter"));
    }

    private static String param(Map<String, List<String>> query, String name) {
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }
}
