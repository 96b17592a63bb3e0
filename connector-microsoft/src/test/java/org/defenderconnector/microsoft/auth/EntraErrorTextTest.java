package org.defenderconnector.microsoft.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EntraErrorTextTest {
    // error_description as in shared/reference/samples/aad-token-error-response.json
    private static final String DESCRIPTION = "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent"
            + " in the request is the client secret value, not the client secret ID.\r\n"
            + "Trace ID: 0000aaaa-11bb-cccc-dd22-eeeeee333333\r\n"
            + "Correlation ID: aaaa0000-bb11-2222-33cc-444444dddddd\r\nTimestamp: 2026-11-01 10:00:00Z";

    @Test
    void recoversCodeTraceAndCorrelation() {
        assertThat(EntraErrorText.code(DESCRIPTION)).isEqualTo(7000215);
        assertThat(EntraErrorText.traceId(DESCRIPTION)).isEqualTo("0000aaaa-11bb-cccc-dd22-eeeeee333333");
        assertThat(EntraErrorText.correlationId(DESCRIPTION)).isEqualTo("aaaa0000-bb11-2222-33cc-444444dddddd");
        assertThat(EntraErrorText.summary(DESCRIPTION)).startsWith("Invalid client secret provided.").doesNotContain("Trace ID");
    }

    @Test
    void toleratesMissingParts() {
        assertThat(EntraErrorText.code("something else")).isNull();
        assertThat(EntraErrorText.traceId(null)).isNull();
        assertThat(EntraErrorText.summary(null)).isNull();
    }
}
