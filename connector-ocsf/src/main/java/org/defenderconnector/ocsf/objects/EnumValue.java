package org.defenderconnector.ocsf.objects;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.defenderconnector.ocsf.ReferenceTable;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OCSF enum value with its caption. OCSF pairs every {@code X_id} attribute with a string sibling
 * {@code X} ({@code type_id}/{@code type}, {@code logon_type_id}/{@code logon_type}...) that must hold the
 * schema's caption, or the source's own word when the id is 99 Other; writing both from one value keeps
 * them consistent.
 *
 * <p>A class rather than a record so that it can keep its id and caption as ready JSON nodes: value nodes
 * are immutable, so every event can share them, and an event writes dozens of pairs (this was one of the
 * larger costs of mapping a row).
 */
public final class EnumValue {
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
    private static final ReferenceTable<String> SIBLINGS_BY_REFERENCE = new ReferenceTable<>();

    private final int id;
    private final String caption;
    private final IntNode idNode;
    private final TextNode captionNode;

    public EnumValue(int id, String caption) {
        this.id = id;
        this.caption = Objects.requireNonNull(caption, "caption");
        this.idNode = IntNode.valueOf(id);
        this.captionNode = TextNode.valueOf(caption);
    }

    public int id() {
        return id;
    }

    public String caption() {
        return caption;
    }

    /** The id as a JSON node, shared (value nodes are immutable). */
    public IntNode idNode() {
        return idNode;
    }

    /** The caption as a JSON node, shared (value nodes are immutable). */
    public TextNode captionNode() {
        return captionNode;
    }

    /** 99 Other, carrying the source's own value as caption. */
    public static EnumValue other(String sourceValue) {
        return new EnumValue(OTHER_ID, sourceValue);
    }

    /** Writes {@code idAttribute} (which must end in {@code _id}) and its caption sibling into {@code node}. */
    public ObjectNode writeTo(ObjectNode node, String idAttribute) {
        node.set(idAttribute, idNode);
        node.set(siblingOf(idAttribute), captionNode);
        return node;
    }

    /** The caption attribute paired with an {@code _id} attribute: {@code type_id} → {@code type}. */
    public static String siblingOf(String idAttribute) {
        // By reference first: id attribute names are constants, and every event writes dozens of pairs.
        String sibling = SIBLINGS_BY_REFERENCE.get(idAttribute);
        if (sibling != null) {
            return sibling;
        }
        sibling = SIBLINGS.get(idAttribute);
        if (sibling != null) {
            return sibling;
        }
        if (!idAttribute.endsWith("_id")) {
            throw new IllegalArgumentException("not an OCSF enum id attribute: " + idAttribute);
        }
        sibling = idAttribute.substring(0, idAttribute.length() - 3);
        if (SIBLINGS.size() < MAX_SIBLINGS) {
            SIBLINGS.put(idAttribute, sibling);
            SIBLINGS_BY_REFERENCE.add(idAttribute, sibling);
        }
        return sibling;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EnumValue that && id == that.id && caption.equals(that.caption);
    }

    @Override
    public int hashCode() {
        return 31 * id + caption.hashCode();
    }

    @Override
    public String toString() {
        return "EnumValue[id=" + id + ", caption=" + caption + "]";
    }
}
