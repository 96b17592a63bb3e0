package org.defenderconnector.app.server.integrations;

import org.defenderconnector.emulator.DemoCredentials;
import org.defenderconnector.store.admin.IntegrationRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class IntegrationFormTest {
    private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
    private static final String TENANT = "11111111-2222-3333-4444-555555555555";
    private static final String CLIENT = "66666666-7777-8888-9999-000000000000";

    private static IntegrationInput input(String name, String secret, List<String> streams) {
        return new IntegrationInput(name, TENANT, CLIENT, null, secret, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, streams, null, null);
    }

    private static IntegrationInput edit(String authMethod, String secret, String certificate, String password, String cloud,
                                         String region, String apiBaseUrl, String storageAccount, String storageQueue,
                                         String storageKey, String hubNamespace, List<String> streams, Integer interval,
                                         String expires) {
        return new IntegrationInput(null, null, null, authMethod, secret, certificate, password, cloud, region, apiBaseUrl,
                null, storageAccount, storageQueue, storageKey, null, hubNamespace, null, null, null, streams, interval,
                expires);
    }

    private static IntegrationInput storage(String account, String queue, String key, String connectionString) {
        return new IntegrationInput(null, null, null, null, null, null, null, null, null, null, null, account, queue, key,
                connectionString, null, null, null, null, null, null, null);
    }

    private static List<String> fields(Runnable action) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, action::run);
        assertThat(e).as("expected invalid input").isNotNull();
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aValidSecretIntegrationBecomesARecordAndItsSecrets() {
        IntegrationForm.Draft draft = IntegrationForm.validate(input("contoso", " Abc~def.ghi_jkl ", List.of("alerts", "MACHINES")),
                null, NOW);
        IntegrationRecord r = draft.record();
        assertThat(r.name()).isEqualTo("contoso");
        assertThat(r.authMethod()).isEqualTo(IntegrationRecord.AuthMethod.SECRET);
        assertThat(r.cloud()).isEqualTo("global");
        assertThat(r.streams()).containsExactly("alerts", "machines");
        assertThat(r.created()).isEqualTo(NOW);
        assertThat(draft.secrets().clientSecret()).contains("Abc~def.ghi_jkl");
        assertThat(draft.secrets().toString()).doesNotContain("Abc");
    }

    private static IntegrationInput audiences(String cloud, java.util.Map<String, String> audiences) {
        return new IntegrationInput(null, null, null, null, null, null, null, cloud, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, audiences);
    }

    @Test
    void tokenAudiencesAreCheckedPerApiKeptOnEditAndClearedByAnEmptyValue() {
        java.util.Map<String, String> given = new java.util.LinkedHashMap<>();
        given.put("graph", "https://graph.microsoft.us/.default");
        given.put("MDE", " https://api-gov.securitycenter.microsoft.us ");
        IntegrationForm.Draft created = IntegrationForm.validate(input("gov", "Abc~def.ghi_jkl", List.of("alerts"))
                .withAudiences(given), null, NOW);
        // Stored in API order, stripped, as entered otherwise (the /.default is dropped when used).
        assertThat(created.record().audiences()).containsExactly(
                java.util.Map.entry("mde", "https://api-gov.securitycenter.microsoft.us"),
                java.util.Map.entry("graph", "https://graph.microsoft.us/.default"));

        IntegrationForm.Existing existing = new IntegrationForm.Existing(created.record(), created.secrets());
        IntegrationForm.Draft untouched = IntegrationForm.validate(audiences("gcc-high", null), existing, NOW);
        assertThat(untouched.record().audiences()).isEqualTo(created.record().audiences());

        java.util.Map<String, String> change = new java.util.HashMap<>();
        change.put("graph", "");
        change.put("xdr", "8ee8fdad-f234-4243-8f3b-15c294843740");
        IntegrationForm.Draft edited = IntegrationForm.validate(audiences(null, change), existing, NOW);
        assertThat(edited.record().audiences()).containsExactly(
                java.util.Map.entry("mde", "https://api-gov.securitycenter.microsoft.us"),
                java.util.Map.entry("xdr", "8ee8fdad-f234-4243-8f3b-15c294843740"));
        assertThat(edited.changed()).contains("audiences");

        java.util.Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("mde", "http://api.securitycenter.microsoft.us");
        bad.put("sentinel", "https://example.com");
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> IntegrationForm.validate(audiences("gcc-high", bad), existing, NOW));
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("audiences.mde", "audiences");
        assertThat(e.errors().get(0).fix()).contains("https://").contains("GUID").contains("gcc-high");
        assertThat(e.errors().get(1).fix()).contains("mde, xdr, graph");
    }

    @Test
    void editsKeepWhatIsNotSentAndNameWhatChanged() {
        IntegrationForm.Draft created = IntegrationForm.validate(input("contoso", "Abc~secret.value_1", List.of("alerts")), null, NOW);
        IntegrationForm.Existing existing = new IntegrationForm.Existing(created.record(), created.secrets());
        IntegrationForm.Draft edited = IntegrationForm.validate(edit(null, null, null, null, "gcc", null, null, "acct",
                "queue", "key-1", null, List.of("alerts", "scores"), 60, "2027-01-31"), existing, NOW.plusSeconds(60));
        assertThat(edited.record().cloud()).isEqualTo("gcc");
        assertThat(edited.record().streaming().storageAccount()).isEqualTo("acct");
        assertThat(edited.record().pollIntervalSeconds()).isEqualTo(60);
        assertThat(edited.record().secretExpires()).isEqualTo(LocalDate.parse("2027-01-31"));
        assertThat(edited.record().created()).isEqualTo(NOW);
        assertThat(edited.secrets().clientSecret()).contains("Abc~secret.value_1");
        assertThat(edited.secrets().storageKey()).contains("key-1");
        assertThat(edited.changed()).containsExactly("cloud", "streaming", "streams", "pollIntervalSeconds", "secretExpires",
                "storageKey");

        IntegrationForm.Draft cleared = IntegrationForm.validate(edit(null, null, null, null, null, null, null, "", "", "",
                null, null, null, ""), new IntegrationForm.Existing(edited.record(), edited.secrets()), NOW);
        assertThat(cleared.record().streaming()).isNull();
        assertThat(cleared.secrets().storageKey()).isEmpty();
        assertThat(cleared.record().secretExpires()).isNull();
        assertThat(fields(() -> IntegrationForm.validate(input("other", null, null), existing, NOW))).containsExactly("name");
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsField() {
        IntegrationInput bad = new IntegrationInput("-x", "tenant", "client", "password", "", null, null, "moon", "mars",
                "ftp://host", "not pem", "acct", null, null, null, "ns", null, null, null, List.of("alerts", "alerts", "nope"), 1,
                "31/12/2026");
        assertThat(fields(() -> IntegrationForm.validate(bad, null, NOW))).contains("name", "tenantId", "clientId",
                "authMethod", "cloud", "region", "apiBaseUrl", "extraCaPem", "storageAccount", "storageQueue", "eventHubName",
                "streams", "pollIntervalSeconds", "secretExpires");
        assertThat(fields(() -> IntegrationForm.validate(input("x", null, List.of("alerts")), null, NOW)))
                .containsExactly("clientSecret");
        assertThat(fields(() -> IntegrationForm.validate(input("x", "x", List.of()), null, NOW))).containsExactly("streams");
    }

    @Test
    void aSecretIdPastedInsteadOfTheValueIsRecognised() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () ->
                IntegrationForm.validate(input("x", DemoCredentials.SECRET_ID, List.of("alerts")), null, NOW));
        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("clientSecret");
            assertThat(error.fix()).contains("Value");
            assertThat(error.problem()).doesNotContain(DemoCredentials.SECRET_ID);
        });
    }

    @Test
    void regionsAndCustomEndpointsAreChecked() {
        IntegrationForm.Draft created = IntegrationForm.validate(input("c", "Abc~secret.value_1", List.of("alerts")), null, NOW);
        IntegrationForm.Existing existing = new IntegrationForm.Existing(created.record(), created.secrets());
        assertThat(IntegrationForm.validate(edit(null, null, null, null, null, "EU", null, null, null, null, null, null, null,
                null), existing, NOW).record().region()).isEqualTo("eu");
        assertThat(fields(() -> IntegrationForm.validate(edit(null, null, null, null, "dod", "eu", null, null, null, null,
                null, null, null, null), existing, NOW))).containsExactly("region");
        assertThat(fields(() -> IntegrationForm.validate(edit(null, null, null, null, null, "eu", "https://proxy.example",
                null, null, null, null, null, null, null), existing, NOW))).containsExactly("apiBaseUrl");
        assertThat(IntegrationForm.validate(edit(null, null, null, null, null, null, "https://127.0.0.1:8443/", null, null,
                null, null, null, null, null), existing, NOW).record().apiBaseUrl()).isEqualTo("https://127.0.0.1:8443");
        assertThat(fields(() -> IntegrationForm.validate(edit(null, null, null, null, null, null,
                "https://user:pw@proxy.example/?q=1", null, null, null, null, null, null, null), existing, NOW)))
                .containsExactly("apiBaseUrl");
    }

    @Test
    void aStorageConnectionStringReplacesAccountAndKeyAndIsCheckedWithoutBeingEchoed() {
        IntegrationForm.Draft created = IntegrationForm.validate(input("c", "Abc~secret.value_1", List.of("alerts")), null, NOW);
        IntegrationForm.Existing existing = new IntegrationForm.Existing(created.record(), created.secrets());
        String azurite = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5LWZvci10ZXN0cw==;"
                + "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;";

        IntegrationForm.Draft connected = IntegrationForm.validate(storage(null, "defender-streaming", null, azurite),
                existing, NOW);
        assertThat(connected.record().streaming().storageAccount()).isNull();
        assertThat(connected.record().streaming().storageQueue()).isEqualTo("defender-streaming");
        assertThat(connected.secrets().storageConnectionString()).contains(azurite);
        assertThat(connected.changed()).containsExactly("streaming", "storageConnectionString");

        // An edit that does not send it keeps it; an empty string removes it.
        IntegrationForm.Existing stored = new IntegrationForm.Existing(connected.record(), connected.secrets());
        assertThat(IntegrationForm.validate(storage(null, null, null, null), stored, NOW).secrets().storageConnectionString())
                .contains(azurite);
        IntegrationForm.Draft cleared = IntegrationForm.validate(storage(null, "", null, ""), stored, NOW);
        assertThat(cleared.record().streaming()).isNull();
        assertThat(cleared.secrets().storageConnectionString()).isEmpty();

        // The connection string names the account and carries its key: neither may be set beside it.
        InvalidInputException both = catchThrowableOfType(InvalidInputException.class, () ->
                IntegrationForm.validate(storage("acct", "queue", "key-1", azurite), existing, NOW));
        assertThat(both.errors()).extracting(FieldError::field).containsExactly("storageAccount", "storageKey");
        assertThat(both.errors()).allSatisfy(e -> assertThat(e.fix()).contains("clear"));
        assertThat(fields(() -> IntegrationForm.validate(storage(null, null, null, azurite), existing, NOW)))
                .containsExactly("storageQueue");
        assertThat(fields(() -> IntegrationForm.validate(storage(null, "queue", null, null), existing, NOW)))
                .containsExactly("storageAccount");

        InvalidInputException notOne = catchThrowableOfType(InvalidInputException.class, () ->
                IntegrationForm.validate(storage(null, "queue", null, "AccountKey=c2VjcmV0LXZhbHVl"), existing, NOW));
        assertThat(notOne.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("storageConnectionString");
            assertThat(e.problem()).contains("AccountName=").doesNotContain("c2VjcmV0LXZhbHVl");
            assertThat(e.fix()).contains("Access keys");
        });
        assertThat(IntegrationForm.validate(storage(null, "queue", null, "UseDevelopmentStorage=true"), existing, NOW)
                .secrets().storageConnectionString()).isPresent();
    }

    @Test
    void certificatesAreParsedAndTheirFactsKept() {
        DemoCredentials demo = DemoCredentials.get();
        String pem = demo.certificatePem() + demo.privateKeyPem();
        IntegrationForm.Draft draft = IntegrationForm.validate(new IntegrationInput("cert", TENANT, CLIENT, "certificate",
                null, pem, null, null, null, null, null, null, null, null, null, null, null, null, null, List.of("alerts"),
                null, null), null, NOW);
        assertThat(draft.record().authMethod()).isEqualTo(IntegrationRecord.AuthMethod.CERTIFICATE);
        assertThat(draft.record().certificate().subject()).contains("defender-connector demo");
        assertThat(draft.record().certificate().notAfter()).isAfter(NOW);
        assertThat(draft.secrets().credential(IntegrationRecord.AuthMethod.CERTIFICATE).describe()).startsWith("certificate ");

        // Switching to certificate auth without a certificate, or with a secret's expiry date, is refused.
        IntegrationForm.Draft secret = IntegrationForm.validate(input("s", "Abc~secret.value_1", List.of("alerts")), null, NOW);
        assertThat(fields(() -> IntegrationForm.validate(edit("certificate", null, null, null, null, null, null, null, null,
                null, null, null, null, "2027-01-01"), new IntegrationForm.Existing(secret.record(), secret.secrets()), NOW)))
                .containsExactly("certificate", "secretExpires");
        assertThatThrownBy(() -> IntegrationForm.validate(new IntegrationInput("cert", TENANT, CLIENT, "certificate", null,
                demo.certificatePem(), null, null, null, null, null, null, null, null, null, null, null, null, null,
                List.of("alerts"), null, null), null, NOW)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no private key");
    }
}
