package org.defenderconnector.emulator.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Bodies in the documented OData shapes, with {@code @odata.context} pointing at the emulator's own host. */
public final class ODataBodies {

    /** MDE timestamps: ISO-8601 UTC with 7 fractional digits ({@code 2021-01-26T20:33:57.7220239Z}). */
    public static final DateTimeFormatter MDE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private ODataBodies() {
    }

    /** {@code {"@odata.context": "<base>/api/$metadata#<entitySet>", "value": []}}. */
    public static ObjectNode defenderCollection(ApiRequest request, String entitySet) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("@odata.context", request.baseUrl() + "/api/$metadata#" + entitySet);
        body.putArray("value");
        return body;
    }

    /** {@code {"@odata.context": "<base>/v1.0/$metadata#<entitySet>", "value": []}}. */
    public static ObjectNode graphCollection(ApiRequest request, String entitySet) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("@odata.context", request.baseUrl() + "/v1.0/$metadata#" + entitySet);
        body.putArray("value");
        return body;
    }

    /** A single score entity: {@code {"@odata.context": ".../$metadata#<Set>/$entity", "time", "score"}}. */
    public static ObjectNode score(ApiRequest request, String entitySet, Instant time, double score) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("@odata.context", request.baseUrl() + "/api/$metadata#" + entitySet + "/$entity");
        body.put("time", MDE_TIME.format(time));
        body.put("score", score);
        return body;
    }
}
