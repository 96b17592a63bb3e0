package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.objects.EnumValue;
import org.defenderconnector.ocsf.objects.FileColumns;
import org.defenderconnector.ocsf.objects.FileObject;

/**
 * DeviceImageLoadEvents → Module Activity (1005): ImageLoaded is 1 Load, anything else 99 Other.
 * {@code module.file} = the loaded image (FileName, FolderPath, hashes, FileSize); Defender does not
 * say how it was loaded, so {@code module.load_type_id} is 0 Unknown (OCSF needs a load type or a
 * function name). {@code actor} = the loading (initiating) process; {@code device} = DeviceId/DeviceName.
 */
public final class DeviceImageLoadEventsMapper extends HuntingMapper {

    public DeviceImageLoadEventsMapper() {
        super("DeviceImageLoadEvents", Product.DEFENDER_FOR_ENDPOINT);
    }

    @Override
    protected ObjectNode mapRow(HuntingRow row) {
        String actionType = row.actionType();
        EnumValue activity = "ImageLoaded".equalsIgnoreCase(actionType) ? new EnumValue(1, "Load")
                : actionType == null ? EnumValue.UNKNOWN : EnumValue.other(actionType);
        OcsfEvent event = row.start(OcsfClass.MODULE_ACTIVITY, activity);
        FileObject.read(row.fields(), FileColumns.TARGET, FileObject.EXECUTABLE_FILE).ifPresent(file -> {
            ObjectNode module = event.object("module");
            module.set("file", file);
            EnumValue.UNKNOWN.writeTo(module, "load_type_id");
        });
        row.device(event, false);
        row.initiatingActor(event);
        row.additionalFields();
        return row.build(event);
    }
}
