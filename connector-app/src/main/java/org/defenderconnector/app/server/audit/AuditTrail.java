package org.defenderconnector.app.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.defenderconnector.store.admin.AuditEntry;
import org.defenderconnector.store.admin.AuditLog;

import java.util.List;
import java.util.Map;

/**
 * Records configuration changes: who, what, on which object, and which fields changed. Callers pass
 * field names and non-secret values only; for a secret they pass the word "changed" or "set".
 */
public final class AuditTrail {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AuditLog log;

    public AuditTrail(AuditLog log) {
        this.log = log;
    }

    public void record(String actor, String action, String target, Map<String, ?> details) {
        String json;
        try {
            json = details == null || details.isEmpty() ? null : JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit details must be plain values", e);
        }
        log.record(actor, action, target, json);
    }

    public List<AuditEntry> page(Long beforeId, int limit) {
        return log.page(beforeId, limit);
    }
}
