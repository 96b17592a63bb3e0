package org.defenderconnector.store.browse;

import java.util.List;

/**
 * One page of events, newest first.
 *
 * @param next     where the following page starts, or null when there is nothing older
 * @param scanned  how many stored events were examined to fill this page
 * @param complete false when the page stopped at the scan budget before filling up: more matches may
 *                 exist further back, and {@code next} continues the search from where it stopped
 */
public record EventPage(List<EventSummary> events, PageCursor next, int scanned, boolean complete) {
    public EventPage {
        events = List.copyOf(events);
    }
}
