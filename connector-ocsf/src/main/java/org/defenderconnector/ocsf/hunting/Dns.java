package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.objects.EnumValue;

import java.util.Map;
import java.util.Optional;

/**
 * DNS details for DNS Activity (4003) events: the query, answers and response code. Defender's
 * network inspection (DnsConnectionInspected) reports them in AdditionalFields with Zeek-style keys
 * (query, qtype_name, qclass_name, trans_id, rcode, rcode_name, answers, TTLs); DnsQueryResponse in
 * DeviceEvents and IdentityQueryEvents have their own spellings, handled by the callers.
 */
final class Dns {
    private static final Map<Integer, String> RCODES = Map.ofEntries(Map.entry(0, "NoError"), Map.entry(1, "FormError"),
            Map.entry(2, "ServError"), Map.entry(3, "NXDomain"), Map.entry(4, "NotImp"), Map.entry(5, "Refused"),
            Map.entry(6, "YXDomain"), Map.entry(7, "YXRRSet"), Map.entry(8, "NXRRSet"), Map.entry(9, "NotAuth"),
            Map.entry(10, "NotZone"), Map.entry(11, "DSOTYPENI"), Map.entry(16, "BADSIG_VERS"), Map.entry(17, "BADKEY"),
            Map.entry(18, "BADTIME"), Map.entry(19, "BADMODE"), Map.entry(20, "BADNAME"), Map.entry(21, "BADALG"),
            Map.entry(22, "BADTRUNC"), Map.entry(23, "BADCOOKIE"));

    static final EnumValue QUERY = new EnumValue(1, "Query");
    static final EnumValue RESPONSE = new EnumValue(2, "Response");
    static final EnumValue TRAFFIC = new EnumValue(6, "Traffic");

    private Dns() {
    }

    static ObjectNode query(String hostname, String type, String dnsClass, Long transactionId) {
        ObjectNode query = JsonNodeFactory.instance.objectNode();
        query.put("hostname", hostname);
        if (type != null) {
            query.put("type", type);
        }
        if (dnsClass != null) {
            query.put("class", dnsClass);
        }
        if (transactionId != null && transactionId >= Integer.MIN_VALUE && transactionId <= Integer.MAX_VALUE) {
            query.put("packet_uid", transactionId.intValue());
        }
        return query;
    }

    /** Maps the Zeek-style inspection keys of AdditionalFields onto the event. */
    static void fromInspection(OcsfEvent event, AdditionalFields fields) {
        Optional<String> hostname = fields.take("query");
        Optional<String> type = fields.take("qtype_name");
        Optional<String> dnsClass = fields.take("qclass_name");
        Optional<Long> transactionId = fields.takeLong("trans_id");
        hostname.ifPresent(h -> event.set("query", query(h, type.orElse(null), dnsClass.orElse(null),
                transactionId.orElse(null))));
        Optional<Long> rcode = fields.takeLong("rcode");
        // The name is only needed when the code is missing or not one OCSF defines; otherwise it stays unmapped.
        Optional<EnumValue> known = rcode.map(code -> responseCode(code.intValue(), null)).filter(v -> v.id() != EnumValue.OTHER_ID);
        EnumValue value = known.orElseGet(() -> {
            Optional<String> name = fields.take("rcode_name");
            return rcode.map(code -> responseCode(code.intValue(), name.orElse(null)))
                    .or(() -> name.map(EnumValue::other)).orElse(null);
        });
        if (value != null) {
            value.writeTo(event.node(), "rcode_id");
        }
        Optional<JsonNode> answers = fields.takeJson("answers");
        Optional<JsonNode> ttls = answers.isPresent() ? fields.takeJson("TTLs") : Optional.empty();
        answers.filter(JsonNode::isArray).ifPresent(list -> {
            ArrayNode out = event.array("answers");
            for (int i = 0; i < list.size(); i++) {
                ObjectNode answer = answer(list.get(i).asText(), ttls.map(t -> t.get(0)).isPresent()
                        ? ttl(ttls.get(), list.size(), i) : null);
                out.add(answer);
            }
        });
    }

    static ObjectNode answer(String rdata, Integer ttl) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("rdata", rdata);
        if (ttl != null) {
            answer.put("ttl", ttl);
        }
        return answer;
    }

    static EnumValue responseCode(int code, String sourceName) {
        String caption = RCODES.get(code);
        return caption != null ? new EnumValue(code, caption)
                : EnumValue.other(sourceName != null ? sourceName : Integer.toString(code));
    }

    private static Integer ttl(JsonNode ttls, int answers, int index) {
        if (!ttls.isArray() || ttls.size() != answers) {
            return null;
        }
        JsonNode value = ttls.get(index);
        if (value.isNumber()) {
            double seconds = value.asDouble();
            return seconds >= 0 && seconds <= Integer.MAX_VALUE ? (int) seconds : null;
        }
        return null;
    }
}
