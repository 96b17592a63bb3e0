package org.defenderconnector.ocsf.objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OCSF enum value with its caption. OCSF pairs every {@code X_id} attribute with a string sibling
 * {@code X} ({@code type_id}/{@code type}, {@code logon_type_id}/{@code logon_type}...) that must hold the
 * schema's caption, or the source's own word when the id is 99 Other; writing both from one value keeps
 * them consistent.
 */
public record EnumValue(int id, String caption) {
    public static final int UNKNOWN_ID = 0;
    public static final int OTHER_ID = 99;
    public static final EnumValue UNKNOWN = new EnumValue(UNKNOWN_ID, "Unknown");

    /**
     * Caption attribute names by id attribute name. Every event writes dozens of enum pairs; reusing one
     * name instance spares a substring per pair and lets the event's maps use its cached hash. The id
     * attributes are the schema's, a few dozen names; the bound only guards against misuse.
     */
    private static final Map<String, String> SIBLINGS = new ConcurrentHashMap<>();
    private static final int MAX_SIBLINGS = 512;

    public EnumValue {
        Objects.requireNonNull(caption, "caption");
    }

    /** 99 Other, carrying the source's own value as caption. */
    public static EnumValue other(String sourceValue) {
        return new EnumValue(OTHER_ID, sourceValue);
    }

    /** Writes {@code idAttribute} (which must end in {@code _id}) and its caption sibling into {@code node}. */
    public ObjectNode writeTo(ObjectNode node, String idAttribute) {
        node.put(idAttribute, id);
        node.put(siblingOf(idAttribute), caption);
        return node;
    }

    /** The caption attribute paired with an {@code _id} attribute: {@code type_id} → {@code type}. */
    public static String siblingOf(String idAttribute) {
        String sibling = SIBLINGS.get(idAttribute);
        if (sibling != null) {
            return sibling;
        }
        if (!idAttribute.endsWith("_id")) {
            throw new IllegalArgumentException("not an OCSF enum id attribute: " + idAttribute);
        }
        sibling = idAttribute.substring(0, idAttribute.length() - 3);
        if (SIBLINGS.size() < MAX_SIBLINGS) {
            SIBLINGS.put(idAttribute, sibling);
        }
        return sibling;
    }
}
