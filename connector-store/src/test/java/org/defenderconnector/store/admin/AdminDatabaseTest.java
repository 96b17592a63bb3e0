package org.defenderconnector.store.admin;

import org.defenderconnector.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminDatabaseTest {
    private static final String SECRET = "Sup3r~Secret.Value_ForTheTest42";

    @TempDir
    Path dir;

    private static SecretKey newKey() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        return generator.generateKey();
    }

    private static byte[] allBytes(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (Path f : files.toList()) {
                out.write(Files.readAllBytes(f));
            }
            return out.toByteArray();
        }
    }

    @Test
    void secretsAreStoredEncryptedAndBoundToTheirRow() throws Exception {
        SecretKey key = newKey();
        try (AdminDatabase db = AdminDatabase.open(dir.resolve("server.db"))) {
            SecretVault vault = new SecretVault(db, key, Clock.systemUTC());
            vault.put("contoso", "client_secret", SECRET);
            assertThat(vault.getString("contoso", "client_secret")).contains(SECRET);
            assertThat(vault.names("contoso")).containsExactly("client_secret");
            assertThat(new String(allBytes(dir), StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);

            // A ciphertext moved to another owner's row does not decrypt (owner and name are associated data).
            db.update("INSERT INTO secrets(owner, name, nonce, ciphertext, updated)"
                    + " SELECT 'fabrikam', name, nonce, ciphertext, updated FROM secrets WHERE owner='contoso'");
            assertThatThrownBy(() -> vault.get("fabrikam", "client_secret")).isInstanceOf(StoreException.class)
                    .hasMessageNotContaining(SECRET);
        }
        try (AdminDatabase db = AdminDatabase.open(dir.resolve("server.db"))) {
            SecretVault wrongKey = new SecretVault(db, newKey(), Clock.systemUTC());
            assertThatThrownBy(() -> wrongKey.get("contoso", "client_secret"))
                    .isInstanceOf(StoreException.class).hasMessageContaining("DEFENDER_CONNECTOR_KEY");
            SecretVault rightKey = new SecretVault(db, key, Clock.systemUTC());
            assertThat(rightKey.getString("contoso", "client_secret")).contains(SECRET);
            rightKey.deleteAll("contoso");
            assertThat(rightKey.names("contoso")).isEmpty();
        }
    }

    @Test
    void integrationsRoundTripWithEveryField() {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        IntegrationRecord record = new IntegrationRecord("contoso", "11111111-1111-1111-1111-111111111111",
                "22222222-2222-2222-2222-222222222222", IntegrationRecord.AuthMethod.CERTIFICATE, "gcc-high", null,
                "https://127.0.0.1:8443", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
                new IntegrationRecord.StreamingSettings("acct", "queue", null, null, null), List.of("alerts", "machines"),
                60, LocalDate.parse("2027-01-31"),
                new IntegrationRecord.CertificateFacts("AB12", "CN=app", Instant.parse("2027-06-01T00:00:00Z")),
                false, now, now);
        try (AdminDatabase db = AdminDatabase.open(dir.resolve("server.db"))) {
            IntegrationRecords integrations = new IntegrationRecords(db);
            assertThat(integrations.insert(record)).isTrue();
            assertThat(integrations.insert(record)).isFalse();
            assertThat(integrations.find("contoso")).contains(record);
            IntegrationRecord active = record.withActive(true, now.plusSeconds(5));
            assertThat(integrations.update(active)).isTrue();
            assertThat(integrations.list()).containsExactly(active);
            assertThat(integrations.delete("contoso")).isTrue();
            assertThat(integrations.find("contoso")).isEmpty();
            assertThat(integrations.update(active)).isFalse();
        }
    }

    @Test
    void tokenAudiencesRoundTripInTheirOrderAndCanBeCleared() {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        java.util.Map<String, String> audiences = new java.util.LinkedHashMap<>();
        audiences.put("mde", "https://api-gov.securitycenter.microsoft.us");
        audiences.put("graph", "https://graph.microsoft.us");
        IntegrationRecord record = new IntegrationRecord("gov", "11111111-1111-1111-1111-111111111111",
                "22222222-2222-2222-2222-222222222222", IntegrationRecord.AuthMethod.SECRET, "gcc-high", null, null, null,
                audiences, null, List.of("alerts"), 0, null, null, false, now, now);
        try (AdminDatabase db = AdminDatabase.open(dir.resolve("server.db"))) {
            IntegrationRecords integrations = new IntegrationRecords(db);
            assertThat(integrations.insert(record)).isTrue();
            IntegrationRecord read = integrations.find("gov").orElseThrow();
            assertThat(read).isEqualTo(record);
            assertThat(read.audiences().keySet()).containsExactly("mde", "graph");
            IntegrationRecord cleared = new IntegrationRecord("gov", record.tenantId(), record.clientId(),
                    record.authMethod(), record.cloud(), null, null, null, java.util.Map.of(), null, record.streams(), 0,
                    null, null, false, now, now.plusSeconds(1));
            assertThat(integrations.update(cleared)).isTrue();
            assertThat(integrations.find("gov").orElseThrow().audiences()).isEmpty();
        }
    }

    /**
     * A database created before the audiences column existed (this is the integrations table of that
     * release, verbatim) gets the column on open and keeps its integrations.
     */
    @Test
    void aDatabaseFromBeforeTheAudiencesColumnGetsItAndKeepsItsIntegrations() throws Exception {
        Path file = dir.resolve("old-server.db");
        try (java.sql.Connection old = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.Statement s = old.createStatement()) {
            s.execute("""
                    CREATE TABLE integrations (
                      name TEXT PRIMARY KEY,
                      tenant_id TEXT NOT NULL,
                      client_id TEXT NOT NULL,
                      auth_method TEXT NOT NULL,
                      cloud TEXT NOT NULL,
                      region TEXT,
                      api_base_url TEXT,
                      extra_ca_pem TEXT,
                      storage_account TEXT,
                      storage_queue TEXT,
                      event_hub_namespace TEXT,
                      event_hub_name TEXT,
                      event_hub_consumer_group TEXT,
                      streams TEXT NOT NULL,
                      poll_interval_seconds INTEGER NOT NULL,
                      secret_expires TEXT,
                      certificate_thumbprint TEXT,
                      certificate_subject TEXT,
                      certificate_not_after INTEGER,
                      active INTEGER NOT NULL DEFAULT 0,
                      created INTEGER NOT NULL,
                      updated INTEGER NOT NULL)""");
            s.execute("INSERT INTO integrations(name, tenant_id, client_id, auth_method, cloud, region, storage_queue,"
                    + " streams, poll_interval_seconds, secret_expires, active, created, updated) VALUES ('legacy',"
                    + " '11111111-1111-1111-1111-111111111111', '22222222-2222-2222-2222-222222222222', 'SECRET', 'dod',"
                    + " NULL, NULL, '[\"alerts\",\"machines\"]', 60, '2027-01-31', 1, 1000, 2000)");
        }
        try (AdminDatabase db = AdminDatabase.open(file)) {
            IntegrationRecords integrations = new IntegrationRecords(db);
            IntegrationRecord legacy = integrations.find("legacy").orElseThrow();
            assertThat(legacy.cloud()).isEqualTo("dod");
            assertThat(legacy.streams()).containsExactly("alerts", "machines");
            assertThat(legacy.secretExpires()).isEqualTo(LocalDate.parse("2027-01-31"));
            assertThat(legacy.active()).isTrue();
            assertThat(legacy.created()).isEqualTo(Instant.ofEpochMilli(1000));
            assertThat(legacy.audiences()).isEmpty();
            IntegrationRecord withAudience = new IntegrationRecord("legacy", legacy.tenantId(), legacy.clientId(),
                    legacy.authMethod(), legacy.cloud(), null, null, null,
                    java.util.Map.of("xdr", "https://api-gov.security.microsoft.us"), null, legacy.streams(),
                    legacy.pollIntervalSeconds(), legacy.secretExpires(), null, true, legacy.created(), legacy.updated());
            assertThat(integrations.update(withAudience)).isTrue();
        }
        // Opening again finds the column present and leaves it (and its value) alone.
        try (AdminDatabase db = AdminDatabase.open(file)) {
            assertThat(new IntegrationRecords(db).find("legacy").orElseThrow().audiences())
                    .containsExactly(java.util.Map.entry("xdr", "https://api-gov.security.microsoft.us"));
        }
    }

    @Test
    void usersTokensAndAuditLog() {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        try (AdminDatabase db = AdminDatabase.open(dir.resolve("server.db"))) {
            UserAccounts users = new UserAccounts(db);
            assertThat(users.create(new UserAccount("Admin", "hash", "admin", now, now))).isTrue();
            assertThat(users.create(new UserAccount("admin", "hash2", "viewer", now, now))).as("case-insensitive").isFalse();
            assertThat(users.find("ADMIN")).hasValueSatisfying(u -> assertThat(u.role()).isEqualTo("admin"));
            assertThat(users.updatePassword("admin", "new", now)).isTrue();
            assertThat(users.countWithRole("admin")).isEqualTo(1);

            ApiTokenRecords tokens = new ApiTokenRecords(db);
            tokens.create(new ApiTokenRecord("t1", "ci", "h1", "viewer", "admin", now, null));
            assertThat(tokens.findByHash("h1")).hasValueSatisfying(t -> assertThat(t.lastUsed()).isNull());
            tokens.touch("t1", now);
            assertThat(tokens.findByHash("h1")).hasValueSatisfying(t -> assertThat(t.lastUsed()).isEqualTo(now));
            assertThat(tokens.delete("t1")).isTrue();
            assertThat(tokens.list()).isEmpty();

            AuditLog audit = new AuditLog(db, Clock.systemUTC());
            for (int i = 0; i < 5; i++) {
                audit.record("admin", "integration.update", "contoso", "{\"n\":" + i + "}");
            }
            List<AuditEntry> newest = audit.page(null, 2);
            assertThat(newest).extracting(AuditEntry::details).containsExactly("{\"n\":4}", "{\"n\":3}");
            assertThat(audit.page(newest.get(1).id(), 10)).hasSize(3);
            assertThat(db.isHealthy()).isTrue();
        }
    }
}
