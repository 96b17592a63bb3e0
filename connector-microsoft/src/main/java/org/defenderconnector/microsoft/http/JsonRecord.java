package org.defenderconnector.microsoft.http;

import java.util.Map;

/**
 * One element of an OData {@code value} array: its JSON text exactly as received, and the few
 * top-level scalar fields the source asked for (ids, timestamps) as text.
 */
public record JsonRecord(String json, Map<String, String> fields) {
    public JsonRecord {
        fields = Map.copyOf(fields);
    }

    /** The field's text, or null when absent or JSON null. */
    public String field(String name) {
        return fields.get(name);
    }

    /** The first of the fields that is present. */
    public String firstField(String... names) {
        for (String name : names) {
            String v = fields.get(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
