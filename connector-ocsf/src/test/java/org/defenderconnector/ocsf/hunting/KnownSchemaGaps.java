package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import org.defenderconnector.ocsf.validation.OcsfValidator;
import org.defenderconnector.ocsf.validation.Rule;
import org.defenderconnector.ocsf.validation.Violation;

import java.util.List;

/**
 * Validation of mapped events with the team's {@link OcsfValidator}. There is no exemption: every event
 * of every table must validate with zero violations (EmailUrlInfo, which OCSF's email object cannot
 * hold without a sender or recipient, is a correlated Base Event instead — see EmailUrlInfoMapper).
 */
final class KnownSchemaGaps {
    private static final OcsfValidator VALIDATOR = OcsfValidator.standard();

    private KnownSchemaGaps() {
    }

    /** Every violation of {@code event}; the name stays for the tests that call it. */
    static List<Violation> unexplained(JsonNode event) {
        return VALIDATOR.validate(event).violations();
    }

    static OcsfValidator validator() {
        return VALIDATOR;
    }
}
