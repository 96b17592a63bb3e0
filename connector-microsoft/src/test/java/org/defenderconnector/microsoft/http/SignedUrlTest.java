package org.defenderconnector.microsoft.http;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignedUrlTest {
    /** Microsoft's sample URL, with a signature of our own. */
    static final String SAMPLE = "https://tvmexportstrstgeus.blob.core.windows.net/tvm-export/2021-01-11/1101/VaExport/json/"
            + "OrgId=12345678-195f-4223-9c7a-99fb420fd000/part-00393-bcc26c4f-e531-48db-9892-c93ac5d72d5c.c000.json.gz"
            + "?sv=2019-12-12&st=2021-01-11T11%3A35%3A13Z&se=2021-01-11T14%3A35%3A13Z&sr=b&sp=r"
            + "&sig=Ab%2Fcd%2BEf0123456789%3D";

    @Test
    void theUrlIsShownWithoutItsQueryAndItsExpiryIsRead() {
        SignedUrl url = SignedUrl.parse(SAMPLE);

        assertThat(url.toString()).isEqualTo(url.redacted()).isEqualTo(SAMPLE.substring(0, SAMPLE.indexOf('?')));
        assertThat(url.path()).startsWith("/tvm-export/2021-01-11/1101/").endsWith(".c000.json.gz");
        assertThat(url.expiry()).contains(Instant.parse("2021-01-11T14:35:13Z"));
        assertThat(SignedUrl.parse("https://h/p").expiry()).isEmpty();
    }

    @Test
    void textQuotingTheSignatureInAnyFormIsRedacted() {
        SignedUrl url = SignedUrl.parse(SAMPLE);
        String decodedSig = "Ab/cd+Ef0123456789=";

        assertThat(url.redact("GET " + SAMPLE + " failed")).doesNotContain("sig=").doesNotContain("Ab%2Fcd")
                .contains(url.redacted());
        assertThat(url.redact("signature " + decodedSig + " rejected")).doesNotContain(decodedSig);
        assertThat(url.redact(null)).isNull();
    }

    @Test
    void aSignedUrlMustBeHttps() {
        assertThatThrownBy(() -> SignedUrl.parse("http://h/p?sig=x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("sig=");
    }
}
