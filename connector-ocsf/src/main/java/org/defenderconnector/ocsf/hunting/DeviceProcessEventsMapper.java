package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.objects.EnumValue;
import org.defenderconnector.ocsf.objects.ProcessColumns;
import org.defenderconnector.ocsf.objects.ProcessObject;

/**
 * DeviceProcessEvents → Process Activity (1007). ProcessCreated is 1 Launch; any other ActionType is
 * 99 Other carrying the ActionType.
 * <ul>
 *   <li>{@code process} = the created process (ProcessId, ProcessCommandLine, FileName/FolderPath and
 *       hashes, ProcessVersionInfo*, ProcessIntegrityLevel, Account* as its user, LogonId);</li>
 *   <li>{@code process.parent_process} and {@code actor.process} = the initiating process (the creator),
 *       with its own parent from InitiatingProcessParent*; {@code actor.user} = the initiating account;</li>
 *   <li>{@code device} = DeviceId/DeviceName.</li>
 * </ul>
 */
public final class DeviceProcessEventsMapper extends HuntingMapper {
    private static final EnumValue LAUNCH = new EnumValue(1, "Launch");

    public DeviceProcessEventsMapper() {
        super("DeviceProcessEvents", Product.DEFENDER_FOR_ENDPOINT);
    }

    @Override
    protected ObjectNode mapRow(HuntingRow row) {
        String actionType = row.actionType();
        EnumValue activity = "ProcessCreated".equalsIgnoreCase(actionType) ? LAUNCH
                : actionType == null ? EnumValue.UNKNOWN : EnumValue.other(actionType);
        OcsfEvent event = row.start(OcsfClass.PROCESS_ACTIVITY, activity);
        row.device(event, false);
        row.initiatingActor(event);
        ProcessObject.read(row.fields(), ProcessColumns.CREATED_PROCESS).ifPresent(process -> {
            if (event.has("actor.process")) {
                // The same object, not a copy: the event is read-only once built (see Normalizer), and
                // copying the initiating process was a tenth of mapping a row.
                process.set("parent_process", event.node().get("actor").get("process"));
            }
            event.set("process", process);
        });
        row.additionalFields();
        return row.build(event);
    }
}
