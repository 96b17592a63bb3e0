package org.defenderconnector.ocsf;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;

/**
 * The fallback for a record kind no mapper knows (a new hunting table, a new stream category):
 * an OCSF Base Event with the whole record under {@code unmapped}, so nothing is ever dropped.
 */
public final class BaseEventMapper implements OcsfMapper {
    /** Fields that commonly carry the event time, tried in order. */
    private static final String[] TIME_FIELDS = {"Timestamp", "time", "TimeGenerated", "lastUpdateTime",
            "lastUpdateDateTime", "createdDateTime", "creationTime"};

    @Override
    public Set<String> kinds() {
        return Set.of();
    }

    @Override
    public ObjectNode map(RecordFields record, MappingContext context) {
        OcsfEvent event = OcsfEvent.start(OcsfClass.BASE_EVENT, OcsfEvent.ACTIVITY_OTHER,
                context.logName() == null ? "Other" : context.logName(), context);
        event.time(eventTime(record));
        event.set("message", "Record of " + (context.logName() == null ? "an unknown kind" : context.logName())
                + " kept unmapped");
        // Read the time without marking it used: the whole record belongs under unmapped.
        return event.build(new RecordFields(record.record()));
    }

    private static long eventTime(RecordFields record) {
        for (String field : TIME_FIELDS) {
            String text = record.record().path(field).asText(null);
            if (text != null) {
                Long millis = DefenderTime.toEpochMillis(text).orElse(null);
                if (millis != null) {
                    return millis;
                }
            }
        }
        return System.currentTimeMillis();
    }
}
