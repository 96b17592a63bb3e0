package org.defenderconnector.store.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stores integrations (without their secrets). */
public final class IntegrationRecords {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "name, tenant_id, client_id, auth_method, cloud, region, api_base_url,"
            + " extra_ca_pem, storage_account, storage_queue, event_hub_namespace, event_hub_name,"
            + " event_hub_consumer_group, streams, poll_interval_seconds, secret_expires, certificate_thumbprint,"
            + " certificate_subject, certificate_not_after, active, created, updated, audiences";

    private final AdminDatabase db;

    public IntegrationRecords(AdminDatabase db) {
        this.db = db;
    }

    public List<IntegrationRecord> list() {
        return db.query("SELECT " + COLUMNS + " FROM integrations ORDER BY name", IntegrationRecords::read);
    }

    public Optional<IntegrationRecord> find(String name) {
        return db.queryOne("SELECT " + COLUMNS + " FROM integrations WHERE name=?", IntegrationRecords::read, name);
    }

    /** Inserts a new integration; false when the name is taken. */
    public boolean insert(IntegrationRecord record) {
        return db.update("INSERT OR IGNORE INTO integrations(" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                values(record)) == 1;
    }

    /** Replaces an existing integration's settings; false when it does not exist. */
    public boolean update(IntegrationRecord record) {
        Object[] values = values(record);
        Object[] args = new Object[values.length];
        System.arraycopy(values, 1, args, 0, values.length - 1);
        args[values.length - 1] = record.name();
        return db.update("UPDATE integrations SET tenant_id=?, client_id=?, auth_method=?, cloud=?, region=?,"
                + " api_base_url=?, extra_ca_pem=?, storage_account=?, storage_queue=?, event_hub_namespace=?,"
                + " event_hub_name=?, event_hub_consumer_group=?, streams=?, poll_interval_seconds=?, secret_expires=?,"
                + " certificate_thumbprint=?, certificate_subject=?, certificate_not_after=?, active=?, created=?,"
                + " updated=?, audiences=? WHERE name=?", args) == 1;
    }

    public boolean delete(String name) {
        return db.update("DELETE FROM integrations WHERE name=?", name) == 1;
    }

    private static Object[] values(IntegrationRecord r) {
        IntegrationRecord.StreamingSettings s = r.streaming();
        IntegrationRecord.CertificateFacts c = r.certificate();
        return new Object[] {r.name(), r.tenantId(), r.clientId(), r.authMethod().name(), r.cloud(), r.region(),
                r.apiBaseUrl(), r.extraCaPem(),
                s == null ? null : s.storageAccount(), s == null ? null : s.storageQueue(),
                s == null ? null : s.eventHubNamespace(), s == null ? null : s.eventHubName(),
                s == null ? null : s.eventHubConsumerGroup(),
                streamsJson(r.streams()), r.pollIntervalSeconds(),
                r.secretExpires() == null ? null : r.secretExpires().toString(),
                c == null ? null : c.sha1Thumbprint(), c == null ? null : c.subject(),
                c == null || c.notAfter() == null ? null : c.notAfter().toEpochMilli(),
                r.active(), r.created().toEpochMilli(), r.updated().toEpochMilli(), audiencesJson(r.audiences())};
    }

    private static IntegrationRecord read(ResultSet rs) throws SQLException {
        IntegrationRecord.StreamingSettings streaming = new IntegrationRecord.StreamingSettings(rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13));
        String thumbprint = rs.getString(17);
        Object notAfter = rs.getObject(19);
        IntegrationRecord.CertificateFacts certificate = thumbprint == null ? null
                : new IntegrationRecord.CertificateFacts(thumbprint, rs.getString(18),
                notAfter == null ? null : Instant.ofEpochMilli(((Number) notAfter).longValue()));
        String expires = rs.getString(16);
        return new IntegrationRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                IntegrationRecord.AuthMethod.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), parseAudiences(rs.getString(23)), streaming, parseStreams(rs.getString(14)), rs.getInt(15),
                expires == null ? null : LocalDate.parse(expires), certificate, rs.getInt(20) == 1,
                Instant.ofEpochMilli(rs.getLong(21)), Instant.ofEpochMilli(rs.getLong(22)));
    }

    private static String streamsJson(List<String> streams) {
        try {
            return JSON.writeValueAsString(streams);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serializes", e);
        }
    }

    /** Null when no API overrides its audience, so rows written before the column existed read the same. */
    private static String audiencesJson(Map<String, String> audiences) {
        if (audiences.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(audiences);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }

    private static Map<String, String> parseAudiences(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored token audiences are not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static List<String> parseStreams(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored stream list is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
