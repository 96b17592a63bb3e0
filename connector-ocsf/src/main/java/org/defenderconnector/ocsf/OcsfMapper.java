package org.defenderconnector.ocsf;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;

/**
 * Maps one kind of Defender record (an entity such as an MDE alert, or an advanced hunting table)
 * to one OCSF 1.8.0 event. Implementations read the record through {@link RecordFields}, so every
 * field they do not map is kept under {@code unmapped} by {@link OcsfEvent#build}.
 */
public interface OcsfMapper {
    /** The record kinds this mapper handles: table names ("DeviceNetworkEvents") or entity kinds ("mde-alert"). */
    Set<String> kinds();

    ObjectNode map(RecordFields record, MappingContext context);
}
