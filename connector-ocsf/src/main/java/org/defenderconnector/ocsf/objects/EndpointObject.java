package org.defenderconnector.ocsf.objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.RecordFields;

import java.util.Locale;
import java.util.Optional;

/**
 * Builds an OCSF {@code network_endpoint}. Values OCSF would reject (an IP that is not a literal
 * address, a port outside 0–65535) are not mapped and stay under {@code unmapped}.
 * Defender's IP type becomes {@code network_scope_id}: Public → External; Private and Loopback →
 * Internal; the other kinds (Reserved, Teredo, FourToSixMapping, Broadcast) → Other.
 */
public final class EndpointObject {
    private EndpointObject() {
    }

    public static Optional<ObjectNode> read(RecordFields record, EndpointColumns columns) {
        ObjectNode endpoint = JsonNodeFactory.instance.objectNode();
        if (columns.hostname() != null) {
            String hostname = record.text(columns.hostname());
            if (hostname != null) {
                endpoint.put("hostname", hostname);
            }
        }
        String ip = peekText(record, columns.ip());
        if (ip != null && IpAddress.isValid(ip)) {
            record.markUsed(columns.ip());
            endpoint.put("ip", ip);
        }
        Integer port = peekPort(record, columns.port());
        if (port != null) {
            record.markUsed(columns.port());
            endpoint.put("port", port);
        }
        if (endpoint.isEmpty()) {
            return Optional.empty();
        }
        if (columns.ipType() != null && endpoint.has("ip")) {
            String type = record.text(columns.ipType());
            if (type != null) {
                scope(type).writeTo(endpoint, "network_scope_id");
            }
        }
        return Optional.of(endpoint);
    }

    /** An endpoint from plain values (found in AdditionalFields, or known to the mapper). */
    public static Optional<ObjectNode> of(String ip, Integer port, String hostname) {
        ObjectNode endpoint = JsonNodeFactory.instance.objectNode();
        if (hostname != null && !hostname.isBlank()) {
            endpoint.put("hostname", hostname);
        }
        if (ip != null && IpAddress.isValid(ip)) {
            endpoint.put("ip", ip);
        }
        if (port != null && port >= 0 && port <= 65535) {
            endpoint.put("port", port);
        }
        return endpoint.isEmpty() ? Optional.empty() : Optional.of(endpoint);
    }

    public static EnumValue scope(String ipType) {
        return switch (ipType.toLowerCase(Locale.ROOT)) {
            case "public" -> new EnumValue(2, "External");
            case "private", "loopback" -> new EnumValue(1, "Internal");
            case "unknown" -> EnumValue.UNKNOWN;
            default -> EnumValue.other(ipType);
        };
    }

    private static String peekText(RecordFields record, String column) {
        if (column == null) {
            return null;
        }
        JsonNode value = record.peek(column);
        String text = value == null ? null : value.asText().trim();
        return text == null || text.isEmpty() ? null : text;
    }

    private static Integer peekPort(RecordFields record, String column) {
        if (column == null) {
            return null;
        }
        JsonNode value = record.peek(column);
        if (value == null) {
            return null;
        }
        long port;
        if (value.isIntegralNumber()) {
            port = value.longValue();
        } else {
            try {
                port = Long.parseLong(value.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return port >= 0 && port <= 65535 ? (int) port : null;
    }
}
