package org.defenderconnector.microsoft.sources;

import org.defenderconnector.api.Batch;
import org.defenderconnector.api.Position;
import org.defenderconnector.api.Source;
import org.defenderconnector.api.SourceException;
import org.defenderconnector.api.SourceRecord;
import org.defenderconnector.microsoft.auth.ClientSecret;
import org.defenderconnector.microsoft.auth.TokenSource;
import org.defenderconnector.microsoft.cloud.Api;
import org.defenderconnector.microsoft.http.ApiException;
import org.defenderconnector.microsoft.http.TokenSourceAccess;
import org.defenderconnector.microsoft.testsupport.EmulatorDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.defenderconnector.microsoft.testsupport.EmulatorDirectory.CONTOSO;
import static org.defenderconnector.microsoft.testsupport.EmulatorDirectory.FULL_APP;
import static org.defenderconnector.microsoft.testsupport.EmulatorDirectory.FULL_SECRET;

/**
 * The sources against the real emulator: real Entra tokens (msal4j through the onboarding
 * TokenSource), audiences and roles enforced by the emulator's API front, documented shapes.
 */
class RestSourcesEmulatorTest {
    static EmulatorDirectory directory;
    static TokenSource tokens;

    @BeforeAll
    static void start() {
        directory = EmulatorDirectory.start();
        tokens = TokenSource.create(directory.endpoints(), directory.tls(), FULL_APP, ClientSecret.of(FULL_SECRET));
    }

    @AfterAll
    static void stop() {
        directory.close();
    }

    RestSources sources(ApiTokens apiTokens) {
        return RestSources.builder("contoso")
                .endpoints(directory.emulator.baseUri())
                .tokens(apiTokens)
                .sslContext(directory.tls().sslContext())
                .build();
    }

    @Test
    void everyStreamReadsTheEmulatorsCollections() throws Exception {
        try (RestSources sources = sources(ApiTokens.of(tokens, CONTOSO))) {
            for (String stream : RestSources.STREAMS) {
                try (Source source = sources.create(stream, StreamOptions.defaults())) {
                    Batch batch = source.poll(Position.START);
                    assertThat(batch.more()).as(stream).isFalse();
                    if (stream.equals("scores")) {
                        assertThat(batch.records()).extracting(SourceRecord::kind)
                                .containsExactly("mde-exposure-score", "mde-configuration-score");
                    } else {
                        assertThat(batch.records()).as(stream).isEmpty();
                    }
                }
            }
            try (Source xdr = sources.create("incidents", StreamOptions.defaults().withApi("xdr"))) {
                assertThat(xdr.poll(Position.START).records()).isEmpty();
            }
            assertThat(sources.client().budget().usage().get(org.defenderconnector.microsoft.http.ApiFamily.MDE_REST)
                    .callsLastMinute()).isGreaterThanOrEqualTo(6);
        }
    }

    @Test
    void aRemovedPermissionStopsTheStreamWithTheGrantFixAndConsentResumesIt() throws Exception {
        try (RestSources sources = sources(ApiTokens.of(tokens, CONTOSO))) {
            Source alerts = sources.create("alerts", StreamOptions.defaults());
            directory.emulator.admin().removePermission(CONTOSO, FULL_APP, "WindowsDefenderATP", "Alert.Read.All");
            try {
                tokens.invalidate(CONTOSO, Api.DEFENDER_ENDPOINT); // a token minted after the removal
                assertThatThrownBy(() -> alerts.poll(Position.START)).isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ApiException.Kind.FORBIDDEN);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("Alert.ReadWrite.All, Alert.Read.All");
                    assertThat(e.fix()).contains("Alert.Read.All").contains("WindowsDefenderATP").contains("admin consent");
                    assertThat(e.getMessage() + e.fix()).doesNotContain(FULL_SECRET);
                });
            } finally {
                directory.emulator.admin().grantPermission(CONTOSO, FULL_APP, "WindowsDefenderATP", "Alert.Read.All");
            }
            // The 403 dropped the token: the next poll gets one with the role again.
            assertThat(alerts.poll(Position.START).more()).isFalse();
        }
    }

    @Test
    void aTokenForTheWrongAudienceIsRefreshedOnceThenReportedWithTheAudienceFix() {
        // A Graph token where the MDE token belongs: the API answers 401 twice.
        ApiTokens wrong = new ApiTokens(new TokenSourceAccess(tokens, CONTOSO, Api.GRAPH), null, null);
        try (RestSources sources = sources(wrong)) {
            Source machines = sources.create("machines", StreamOptions.defaults());
            assertThatThrownBy(() -> machines.poll(Position.START)).isInstanceOfSatisfying(SourceException.class, e -> {
                assertThat(e.retryable()).isFalse();
                assertThat(e.getMessage()).contains("401");
                assertThat(e.fix()).contains("https://api.securitycenter.microsoft.com/.default");
            });
        }
    }
}
