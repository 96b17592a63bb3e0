package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import org.defenderconnector.ocsf.validation.OcsfValidator;
import org.defenderconnector.ocsf.validation.Rule;
import org.defenderconnector.ocsf.validation.Violation;

import java.util.List;

/**
 * Validation of mapped events with the team's {@link OcsfValidator}, and the one place where a
 * documented source cannot satisfy OCSF 1.8.0 without inventing data — kept explicit so that no other
 * violation can hide behind it:
 *
 * <p>EmailUrlInfo rows carry a message id and a URL but no sender or recipient; OCSF's {@code email}
 * object requires {@code from} or {@code to}, Email Activity requires {@code email}, and the class made
 * for URL rows (Email URL Activity 4012) is deprecated — the issue rules it out. The mapping keeps
 * Email Activity with {@code email.uid} + {@code email.urls} and this single constraint unmet;
 * consumers join on {@code email.uid} with EmailEvents for the addresses.
 */
final class KnownSchemaGaps {
    private static final OcsfValidator VALIDATOR = OcsfValidator.standard();

    private KnownSchemaGaps() {
    }

    /** The violations of {@code event} that are not the documented gap. */
    static List<Violation> unexplained(JsonNode event) {
        boolean urlInfo = "EmailUrlInfo".equals(event.at("/metadata/log_name").asText())
                && event.path("class_uid").asInt() == 4009;
        return VALIDATOR.validate(event).violations().stream()
                .filter(v -> !(urlInfo && v.rule() == Rule.CONSTRAINT_AT_LEAST_ONE && v.path().equals("email")))
                .toList();
    }

    static OcsfValidator validator() {
        return VALIDATOR;
    }
}
