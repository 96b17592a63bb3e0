package org.defenderconnector.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * The two OCSF attributes the store indexes (class and severity), read with the streaming parser
 * from the top level only, so storing an event does not cost a full tree parse.
 */
record OcsfSummary(Integer classUid, Integer severityId) {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final OcsfSummary NONE = new OcsfSummary(null, null);

    static OcsfSummary of(String ocsfJson) {
        if (ocsfJson == null) {
            return NONE;
        }
        Integer classUid = null;
        Integer severityId = null;
        try (JsonParser parser = FACTORY.createParser(ocsfJson)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return NONE;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("class_uid".equals(name) && value == JsonToken.VALUE_NUMBER_INT) {
                    classUid = parser.getIntValue();
                } else if ("severity_id".equals(name) && value == JsonToken.VALUE_NUMBER_INT) {
                    severityId = parser.getIntValue();
                } else {
                    parser.skipChildren();
                }
                if (classUid != null && severityId != null) {
                    break;
                }
            }
        } catch (IOException e) {
            return NONE;
        }
        return new OcsfSummary(classUid, severityId);
    }
}
