package org.defenderconnector.emulator.exportfiles;

import java.time.Instant;
import java.util.List;

/**
 * One request the emulator received for an export file, as tests need to see it: which file, which headers were
 * sent (names only: an Authorization value is a credential and is not kept), and the answer.
 *
 * @param path          the request path (the blob), without the query
 * @param headerNames   the request's header names, lower case
 * @param authorization whether an Authorization header came with it (a client must not send its API token here)
 * @param status        the HTTP status answered
 * @param at            when it arrived (emulator clock)
 */
public record FileRequest(String path, List<String> headerNames, boolean authorization, int status, Instant at) {

    public FileRequest {
        headerNames = List.copyOf(headerNames);
    }
}
