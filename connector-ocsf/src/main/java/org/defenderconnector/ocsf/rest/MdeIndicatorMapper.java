package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.MappingContext;
import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.OcsfMapper;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.RecordFields;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * MDE custom indicators ({@code GET /api/indicators}) → OSINT Inventory Info 5021, activity 2 Collect:
 * OCSF's class for threat-intelligence inventory "collected from TIPs or XDR platforms"
 * (docs/ocsf/software-and-scores.md). {@code time} is the indicator's lastUpdateTime.
 */
public final class MdeIndicatorMapper implements OcsfMapper {
    public static final String KIND = "mde-indicator";

    private final Clock clock;

    public MdeIndicatorMapper() {
        this(Clock.systemUTC());
    }

    MdeIndicatorMapper(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(KIND);
    }

    @Override
    public ObjectNode map(RecordFields record, MappingContext callerContext) {
        MappingContext context = RestEvents.withProduct(callerContext, Product.DEFENDER_FOR_ENDPOINT);
        EntityFields indicator = new EntityFields(record);
        OcsfEvent event = OcsfEvent.start(OcsfClass.OSINT_INVENTORY_INFO, 2, "Collect", context);
        Long created = indicator.time("creationTimeDateTimeUtc");
        Long updated = indicator.time("lastUpdateTime");
        event.time(updated != null ? updated : created != null ? created : clock.millis());
        String severity = indicator.text("severity");
        event.severity(severity);
        String id = indicator.text("id");
        event.originalUid(id);

        ObjectNode osint = event.array("osint").addObject();
        OcsfNode.put(osint, "uid", id);
        String value = indicator.text("indicatorValue");
        // OCSF requires a value; an indicator always has one, but never emit a null.
        osint.put("value", value == null ? "" : value);
        // indicatorType is summarised by type_id (e.g. FileSha256 → Hash) and kept under unmapped for the algorithm.
        String type = indicator.peekText("indicatorType");
        int typeId = typeId(type);
        OcsfNode.putEnum(osint, "type_id", typeId, "type", typeId == 99 ? type : caption(typeId));
        OcsfNode.put(osint, "name", indicator.text("title"));
        OcsfNode.put(osint, "desc", indicator.text("description"));
        OcsfNode.put(osint, "category", indicator.text("category"));
        OcsfNode.put(osint, "created_time", created);
        OcsfNode.put(osint, "modified_time", updated);
        OcsfNode.put(osint, "expiration_time", indicator.time("expirationTime"));
        OcsfNode.put(osint, "external_uid", indicator.text("externalID"));
        if (event.node().path("severity_id").asInt() != 0) {
            OcsfNode.putEnum(osint, "severity_id", event.node().path("severity_id").asInt(), "severity",
                    event.node().path("severity").asText());
        }
        OcsfNode.put(osint, "attacks", MitreAttacks.attacks(indicator.texts("mitreTechniques"), null));
        OcsfNode.put(osint, "creator", creator(indicator));
        event.set("message", indicator.peekText("title"));

        List<ObjectNode> observables = new ArrayList<>();
        Integer observableType = observableType(typeId);
        if (value != null && observableType != null) {
            observables.add(Observables.named("osint[0].value", observableType, value));
        }
        return RestEvents.finish(event, indicator, observables);
    }

    /** IpAddress → 1 IP Address, DomainName → 2 Domain, Url → 5 URL, File* → 4 Hash, CertificateThumbprint → 7. */
    static int typeId(String indicatorType) {
        if (indicatorType == null) {
            return 0;
        }
        String t = indicatorType.toLowerCase(Locale.ROOT);
        if (t.equals("ipaddress")) {
            return 1;
        }
        if (t.equals("domainname")) {
            return 2;
        }
        if (t.equals("url")) {
            return 5;
        }
        if (t.startsWith("file") && Fingerprints.algorithmOf(t) != null) {
            return 4;
        }
        if (t.equals("certificatethumbprint")) {
            return 7;
        }
        return 99;
    }

    private static String caption(int typeId) {
        return switch (typeId) {
            case 1 -> "IP Address";
            case 2 -> "Domain";
            case 4 -> "Hash";
            case 5 -> "URL";
            case 7 -> "Digital Certificate";
            default -> "Unknown";
        };
    }

    private static Integer observableType(int osintTypeId) {
        return switch (osintTypeId) {
            case 1 -> Observables.IP_ADDRESS;
            case 2 -> Observables.HOSTNAME;
            case 4, 7 -> Observables.HASH; // a certificate thumbprint is the certificate's hash
            case 5 -> Observables.URL_STRING;
            default -> null;
        };
    }

    /**
     * Who created the indicator. sourceType User: createdBy is the user's UPN. sourceType AadApp: createdBy
     * is the Entra application id and source its display name; an application is a service identity (4).
     */
    private static ObjectNode creator(EntityFields indicator) {
        String sourceType = indicator.peekText("sourceType");
        String createdBy = indicator.peekText("createdBy");
        if (createdBy == null) {
            return null;
        }
        ObjectNode user;
        if ("AadApp".equalsIgnoreCase(sourceType)) {
            user = OcsfNode.object();
            user.put("uid", indicator.text("createdBy"));
            String display = indicator.firstText("createdBySource", "source");
            OcsfNode.put(user, "name", display);
            indicator.text("sourceType");
            OcsfNode.putEnum(user, "type_id", 4, "type", "Service");
        } else {
            user = Users.named(indicator.text("createdBy"));
            if ("User".equalsIgnoreCase(sourceType)) {
                indicator.text("sourceType");
                OcsfNode.putEnum(user, "type_id", 1, "type", "User");
            }
            for (String sourceField : new String[]{"createdBySource", "source"}) {
                if (createdBy.equalsIgnoreCase(indicator.peekText(sourceField))) {
                    indicator.text(sourceField); // the same identity, already stated
                }
            }
        }
        return user;
    }
}
