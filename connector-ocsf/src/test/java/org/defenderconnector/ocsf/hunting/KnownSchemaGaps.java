package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The one place where a documented source cannot satisfy OCSF 1.8.0 without inventing data, kept
 * explicit so that no other violation can hide behind it:
 *
 * <p>EmailUrlInfo rows carry a message id and a URL but no sender or recipient; OCSF's
 * {@code email} object requires {@code from} or {@code to}, Email Activity requires {@code email},
 * and the class made for URL rows (Email URL Activity 4012) is deprecated — the issue rules it out.
 * The mapping keeps Email Activity with {@code email.uid} + {@code email.urls} and this single
 * constraint unmet; consumers join on {@code email.uid} with EmailEvents for the addresses.
 */
final class KnownSchemaGaps {
    static final String EMAIL_WITHOUT_ADDRESS = "email. needs at least one of [\"from\",\"to\"]";

    private KnownSchemaGaps() {
    }

    static List<String> unexplained(JsonNode event, List<String> violations) {
        boolean urlInfo = "EmailUrlInfo".equals(event.at("/metadata/log_name").asText())
                && event.path("class_uid").asInt() == 4009;
        return violations.stream().filter(v -> !(urlInfo && v.equals(EMAIL_WITHOUT_ADDRESS))).toList();
    }
}
