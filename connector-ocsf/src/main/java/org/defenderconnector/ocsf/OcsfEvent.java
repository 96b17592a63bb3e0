package org.defenderconnector.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Objects;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Builds one OCSF 1.8.0 event. It fills what every event must carry consistently — class and
 * category ids with their captions, {@code type_uid = class_uid * 100 + activity_id}, severity id
 * and caption, metadata (product, vendor, version 1.8.0, tenant, log name, original uid, profiles) —
 * so that no mapper can get those wrong on its own. Mappers add the rest with {@link #set}.
 */
public final class OcsfEvent {
    public static final String OCSF_VERSION = "1.8.0";
    public static final int ACTIVITY_UNKNOWN = 0;
    public static final int ACTIVITY_OTHER = 99;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final TextNode VERSION = TextNode.valueOf(OCSF_VERSION);
    private static final TextNode VENDOR = TextNode.valueOf(Product.VENDOR);
    private static final TextNode UNKNOWN_SEVERITY = TextNode.valueOf(Severity.caption(Severity.UNKNOWN));

    private final ObjectNode event = NODES.objectNode();
    private final ObjectNode metadata;
    /** The declared profiles in name order; few per event, so a sorted list rather than a set. */
    private final List<String> profiles = new ArrayList<>(2);

    private OcsfEvent(OcsfClass ocsfClass, int activityId, String activityName, MappingContext context) {
        Objects.requireNonNull(activityName, "activityName");
        event.put("class_uid", ocsfClass.uid());
        event.set("class_name", ocsfClass.captionNode());
        event.put("category_uid", ocsfClass.categoryUid());
        event.set("category_name", ocsfClass.categoryCaptionNode());
        event.put("activity_id", activityId);
        event.put("activity_name", activityName);
        event.put("type_uid", (long) ocsfClass.uid() * 100 + activityId);
        event.set("type_name", ocsfClass.typeName(activityId, activityName));
        event.put("severity_id", Severity.UNKNOWN);
        event.set("severity", UNKNOWN_SEVERITY);
        metadata = event.putObject("metadata");
        metadata.set("version", VERSION);
        ObjectNode product = metadata.putObject("product");
        product.put("name", context.product().productName());
        product.set("vendor_name", VENDOR);
        if (context.logName() != null) {
            metadata.put("log_name", context.logName());
        }
        if (context.tenantUid() != null) {
            metadata.put("tenant_uid", context.tenantUid());
        }
    }

    /**
     * Starts an event. {@code activityName} is the schema's caption for a defined activity id, and the
     * source's own word when the id is 99 Other.
     */
    public static OcsfEvent start(OcsfClass ocsfClass, int activityId, String activityName, MappingContext context) {
        return new OcsfEvent(ocsfClass, activityId, activityName, context);
    }

    /** The event's time in epoch milliseconds (OCSF timestamp_t), from the record's own event time. */
    public OcsfEvent time(long epochMillis) {
        event.put("time", epochMillis);
        return this;
    }

    public OcsfEvent severity(int severityId) {
        event.put("severity_id", severityId);
        event.put("severity", Severity.caption(severityId));
        return this;
    }

    /** Severity from the source's word; for 99 Other the caption keeps the source's word. */
    public OcsfEvent severity(String sourceSeverity) {
        int id = Severity.fromDefender(sourceSeverity);
        event.put("severity_id", id);
        event.put("severity", id == Severity.OTHER ? sourceSeverity : Severity.caption(id));
        return this;
    }

    public OcsfEvent originalUid(String uid) {
        if (uid != null) {
            metadata.put("original_event_uid", uid);
        }
        return this;
    }

    /** Declares a profile whose attributes the event uses (validators reject undeclared profile attributes). */
    public OcsfEvent profile(String profile) {
        int index = Collections.binarySearch(profiles, profile);
        if (index < 0) {
            profiles.add(-index - 1, Objects.requireNonNull(profile, "profile"));
        }
        return this;
    }

    /**
     * Sets a value at a dotted path ("device.os.name"), creating objects on the way. Null values are
     * skipped, so mappers can pass optional fields straight through.
     */
    public OcsfEvent set(String path, Object value) {
        if (value == null) {
            return this;
        }
        DottedPath dotted = DottedPath.of(path);
        put(objectAt(dotted.parents()), dotted.last(), value);
        return this;
    }

    /** The object at a dotted path, created when missing. */
    public ObjectNode object(String path) {
        return objectAt(DottedPath.of(path).parts());
    }

    private ObjectNode objectAt(String[] parts) {
        ObjectNode current = event;
        for (String part : parts) {
            JsonNode next = current.get(part);
            if (next == null || !next.isObject()) {
                next = current.putObject(part);
            }
            current = (ObjectNode) next;
        }
        return current;
    }

    /** The array at a dotted path, created when missing. */
    public ArrayNode array(String path) {
        DottedPath dotted = DottedPath.of(path);
        ObjectNode parent = objectAt(dotted.parents());
        JsonNode existing = parent.get(dotted.last());
        return existing != null && existing.isArray() ? (ArrayNode) existing : parent.putArray(dotted.last());
    }

    public boolean has(String path) {
        JsonNode current = event;
        for (String part : DottedPath.of(path).parts()) {
            current = current == null ? null : current.get(part);
        }
        return current != null && !current.isNull();
    }

    /** The event being built, for mappers that need direct access. */
    public ObjectNode node() {
        return event;
    }

    /**
     * Finishes the event: every record field no mapper read goes under {@code unmapped}, and the
     * declared profiles are written to metadata.
     */
    public ObjectNode build(RecordFields record) {
        ObjectNode rest = record.unread();
        if (!rest.isEmpty()) {
            JsonNode existing = event.get("unmapped");
            if (existing instanceof ObjectNode unmapped) {
                unmapped.setAll(rest);
            } else {
                event.set("unmapped", rest);
            }
        }
        if (!profiles.isEmpty()) {
            ArrayNode list = metadata.putArray("profiles");
            profiles.forEach(list::add);
        }
        return event;
    }

    static void put(ObjectNode parent, String name, Object value) {
        if (value instanceof JsonNode node) {
            parent.set(name, node);
        } else if (value instanceof String s) {
            parent.put(name, s);
        } else if (value instanceof Integer i) {
            parent.put(name, i);
        } else if (value instanceof Long l) {
            parent.put(name, l);
        } else if (value instanceof Double d) {
            parent.put(name, d);
        } else if (value instanceof Float f) {
            parent.put(name, f);
        } else if (value instanceof Boolean b) {
            parent.put(name, b);
        } else {
            throw new IllegalArgumentException("unsupported OCSF value type " + value.getClass().getName() + " at " + name);
        }
    }
}
