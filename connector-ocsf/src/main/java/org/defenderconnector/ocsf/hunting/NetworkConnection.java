package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.RecordFields;
import org.defenderconnector.ocsf.objects.EndpointColumns;
import org.defenderconnector.ocsf.objects.EndpointObject;
import org.defenderconnector.ocsf.objects.EnumValue;

import java.util.Locale;
import java.util.Optional;

/**
 * The endpoints and connection info of a device's connection (DeviceNetworkEvents, firewall events in
 * DeviceEvents). OCSF's {@code src_endpoint} is the initiator: for outbound connections the local
 * side, for inbound ones the remote side. When the direction is unknown, local is written as source
 * and {@code is_src_dst_assignment_known} is false.
 */
final class NetworkConnection {
    static final EnumValue INBOUND = new EnumValue(1, "Inbound");
    static final EnumValue OUTBOUND = new EnumValue(2, "Outbound");

    private NetworkConnection() {
    }

    /** Where the local side sits in the OCSF event. */
    enum LocalRole { SOURCE, DESTINATION }

    /**
     * Writes both endpoints and {@code connection_info}. RemoteUrl gives the remote host name and, in
     * classes that have a {@code url} attribute ({@code withUrl}), the URL; a URL that cannot be
     * written stays under unmapped.
     */
    static void write(OcsfEvent event, RecordFields fields, EnumValue direction, boolean directionKnown,
                      boolean withUrl) {
        LocalRole local = direction.equals(INBOUND) ? LocalRole.DESTINATION : LocalRole.SOURCE;
        Optional<ObjectNode> localEndpoint = EndpointObject.read(fields, EndpointColumns.LOCAL);
        Optional<ObjectNode> remoteEndpoint = EndpointObject.read(fields, EndpointColumns.REMOTE);
        com.fasterxml.jackson.databind.JsonNode rawUrl = fields.peek("RemoteUrl");
        Optional<RemoteUrl> remoteUrl = RemoteUrl.parse(rawUrl == null ? null : rawUrl.asText());
        if (remoteUrl.isPresent()) {
            ObjectNode remote = remoteEndpoint.orElseGet(JsonNodeFactory.instance::objectNode);
            if (remoteUrl.get().hostname() != null) {
                remote.put("hostname", remoteUrl.get().hostname());
            }
            remoteEndpoint = remote.isEmpty() ? remoteEndpoint : Optional.of(remote);
            if (remoteUrl.get().url() == null) {
                fields.markUsed("RemoteUrl");
            } else if (withUrl) {
                event.set("url", remoteUrl.get().url());
                fields.markUsed("RemoteUrl");
            }
        }
        String localAt = local == LocalRole.SOURCE ? "src_endpoint" : "dst_endpoint";
        String remoteAt = local == LocalRole.SOURCE ? "dst_endpoint" : "src_endpoint";
        localEndpoint.ifPresent(e -> event.set(localAt, e));
        remoteEndpoint.ifPresent(e -> event.set(remoteAt, e));
        ObjectNode connection = event.object("connection_info");
        direction.writeTo(connection, "direction_id");
        protocol(fields.text("Protocol"), connection);
        ipVersion(remoteEndpoint.or(() -> localEndpoint)).ifPresent(v -> v.writeTo(connection, "protocol_ver_id"));
        if (event.node().path("class_uid").asInt() == 4001) {
            // Only Network Activity has the attribute (DNS Activity does not).
            event.set("is_src_dst_assignment_known", directionKnown);
        }
    }

    /** Writes only the listening (local) side, as the destination future connections will reach. */
    static void writeListener(OcsfEvent event, RecordFields fields) {
        EndpointObject.read(fields, EndpointColumns.LOCAL).ifPresent(local -> {
            event.set("dst_endpoint", local);
            ipVersion(Optional.of(local)).ifPresent(v -> v.writeTo(event.object("connection_info"), "protocol_ver_id"));
        });
        EndpointObject.read(fields, EndpointColumns.REMOTE).ifPresent(remote -> event.set("src_endpoint", remote));
        ObjectNode connection = event.object("connection_info");
        INBOUND.writeTo(connection, "direction_id");
        protocol(fields.text("Protocol"), connection);
        event.set("is_src_dst_assignment_known", true);
    }

    /** Direction from an inspection record's "direction" value ("In"/"Out"). */
    static Optional<EnumValue> direction(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "in", "inbound" -> Optional.of(INBOUND);
            case "out", "outbound" -> Optional.of(OUTBOUND);
            default -> Optional.empty();
        };
    }

    /** Protocol name (lower case, as OCSF's examples) and IANA number for the protocols Defender reports. */
    static void protocol(String protocol, ObjectNode connection) {
        if (protocol == null) {
            return;
        }
        String name = protocol.toLowerCase(Locale.ROOT);
        connection.put("protocol_name", name);
        Integer number = switch (name) {
            case "icmp" -> 1;
            case "igmp" -> 2;
            case "tcp", "tcpv4", "tcpv6" -> 6;
            case "udp", "udpv4", "udpv6" -> 17;
            case "icmpv6" -> 58;
            default -> null;
        };
        if (number != null) {
            connection.put("protocol_num", number);
        }
    }

    private static Optional<EnumValue> ipVersion(Optional<ObjectNode> endpoint) {
        return endpoint.filter(e -> e.has("ip")).map(e -> e.get("ip").asText().contains(":")
                ? new EnumValue(6, "Internet Protocol version 6 (IPv6)")
                : new EnumValue(4, "Internet Protocol version 4 (IPv4)"));
    }
}
