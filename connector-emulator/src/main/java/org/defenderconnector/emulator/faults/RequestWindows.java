package org.defenderconnector.emulator.faults;

import java.util.Optional;

import org.defenderconnector.emulator.api.ApiRequest;
import org.defenderconnector.emulator.odata.TimeWindow;

/** Finds the time range a request asks for (for {@link FaultKind#FAIL_WINDOW}). */
@FunctionalInterface
public interface RequestWindows {

    Optional<TimeWindow> of(ApiRequest request);

    /** The first window any of {@code finders} finds. */
    static RequestWindows firstOf(RequestWindows... finders) {
        return request -> {
            for (RequestWindows finder : finders) {
                Optional<TimeWindow> window = finder.of(request);
                if (window.isPresent()) {
                    return window;
                }
            }
            return Optional.empty();
        };
    }
}
