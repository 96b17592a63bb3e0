package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.RecordFields;
import org.defenderconnector.ocsf.objects.DeviceObject;
import org.defenderconnector.ocsf.objects.EndpointColumns;
import org.defenderconnector.ocsf.objects.EndpointObject;
import org.defenderconnector.ocsf.objects.EnumValue;
import org.defenderconnector.ocsf.objects.UserColumns;
import org.defenderconnector.ocsf.objects.UserObject;

import java.util.Locale;
import java.util.Optional;

/**
 * IdentityQueryEvents (queries against Active Directory seen by Defender for Identity):
 * <ul>
 *   <li>DNS queries (ActionType or Protocol mentions DNS) → DNS Activity (4003), 1 Query:
 *       {@code query.hostname} ← QueryTarget, {@code query.type} ← QueryType, Protocol → {@code app_protocol_name},
 *       client → {@code src_endpoint},
 *       server → {@code dst_endpoint}, the account as {@code actor.user} (host profile);</li>
 *   <li>all other queries (LDAP, SAMR, SMB session enumeration…) → Entity Management (3004), 2 Read — a
 *       read of directory entities: {@code entity.name} ← QueryTarget, {@code entity.type} ← QueryType
 *       (type_id User/Group/Device when QueryType says so), {@code entity.user}/{@code entity.device} ←
 *       TargetAccountUpn/TargetDeviceName; {@code actor.user} ← Account*; {@code src_endpoint} ← the client;
 *       {@code device} ← the domain controller (host profile).</li>
 * </ul>
 * Query (the LDAP filter or query text) and Protocol have no OCSF place in Entity Management and stay
 * unmapped.
 */
public final class IdentityQueryEventsMapper extends HuntingMapper {

    public IdentityQueryEventsMapper() {
        super("IdentityQueryEvents", Product.DEFENDER_XDR);
    }

    @Override
    protected ObjectNode mapRow(HuntingRow row) {
        RecordFields fields = row.fields();
        String actionType = row.actionType();
        String protocol = fields.peek("Protocol") == null ? "" : fields.peek("Protocol").asText();
        boolean dns = (actionType != null && actionType.toLowerCase(Locale.ROOT).contains("dns"))
                || protocol.equalsIgnoreCase("dns");
        OcsfEvent event;
        if (dns) {
            event = row.start(OcsfClass.DNS_ACTIVITY, Dns.QUERY);
            event.set("app_protocol_name", fields.text("Protocol"));
            String target = fields.text("QueryTarget");
            if (target != null) {
                event.set("query", Dns.query(target, fields.text("QueryType"), null, null));
            }
            EndpointObject.read(fields, EndpointColumns.IDENTITY_DESTINATION)
                    .ifPresent(destination -> event.set("dst_endpoint", destination));
        } else {
            event = row.start(OcsfClass.ENTITY_MANAGEMENT, new EnumValue(2, "Read"));
            entity(fields).ifPresent(entity -> event.set("entity", entity));
            IdentityDirectoryEventsMapper.domainController(fields, event);
        }
        IdentityEndpoints.source(fields).ifPresent(source -> event.set("src_endpoint", source));
        UserObject.read(fields, UserColumns.ACCOUNT).ifPresent(user -> {
            event.set("actor.user", user);
            if (dns) {
                event.profile("host");
            }
        });
        row.additionalFields();
        return row.build(event);
    }

    private static Optional<ObjectNode> entity(RecordFields fields) {
        ObjectNode entity = JsonNodeFactory.instance.objectNode();
        String target = fields.text("QueryTarget");
        com.fasterxml.jackson.databind.JsonNode type = fields.peek("QueryType");
        if (target != null) {
            entity.put("name", target);
        } else if (type != null && !type.asText().isBlank()) {
            // Enumerations ("AllUsers", "AllGroups") have no single target: the set queried is the entity.
            entity.put("name", type.asText());
            fields.markUsed("QueryType");
        }
        // Otherwise QueryType only chooses the entity kind; the word itself stays under unmapped.
        if (type != null && !type.asText().isBlank()) {
            entityType(type.asText()).writeTo(entity, "type_id");
        }
        UserObject.read(fields, new UserColumns(null, null, null, "TargetAccountUpn", null, "TargetAccountDisplayName"))
                .ifPresent(user -> entity.set("user", user));
        String targetDevice = fields.text("TargetDeviceName");
        if (targetDevice != null) {
            DeviceObject.of(null, targetDevice).ifPresent(device -> entity.set("device", device));
        }
        boolean identified = entity.has("name") || entity.has("user") || entity.has("device");
        return identified ? Optional.of(entity) : Optional.empty();
    }

    /** QueryType words (QueryUser, EnumerateUsers, QueryGroup, AllComputers...) to the kind of entity read. */
    private static EnumValue entityType(String queryType) {
        String type = queryType.toLowerCase(Locale.ROOT);
        if (type.contains("user") || type.contains("account")) {
            return new EnumValue(2, "User");
        }
        if (type.contains("group")) {
            return new EnumValue(3, "Group");
        }
        if (type.contains("computer") || type.contains("device") || type.contains("machine")) {
            return new EnumValue(1, "Device");
        }
        if (type.contains("domain") || type.contains("organization")) {
            return new EnumValue(4, "Organization");
        }
        return EnumValue.other(queryType);
    }
}
