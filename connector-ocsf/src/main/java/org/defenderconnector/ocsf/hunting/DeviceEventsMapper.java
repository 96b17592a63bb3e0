package org.defenderconnector.ocsf.hunting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.Product;
import org.defenderconnector.ocsf.objects.EnumValue;

import java.util.Locale;

/**
 * DeviceEvents (Defender's "miscellaneous" table: security controls, API calls, system changes) → one
 * OCSF class per family of ActionType:
 * <table>
 *   <caption>ActionType → class</caption>
 *   <tr><td>ScheduledTask{Created,Updated,Deleted,Enabled,Disabled}</td><td>Scheduled Job Activity 1006</td></tr>
 *   <tr><td>NtAllocateVirtualMemory*, NtProtectVirtualMemory*, MemoryRemoteProtect, Read/WriteProcessMemoryApiCall,
 *       WriteToLsassProcessMemory, NtMapViewOfSectionRemoteApiCall</td><td>Memory Activity 1004</td></tr>
 *   <tr><td>CreateRemoteThreadApiCall, QueueUserApcRemoteApiCall, SetThreadContextRemoteApiCall (Inject),
 *       OpenProcessApiCall (Open), ProcessCreatedUsingWmiQuery (Launch)</td><td>Process Activity 1007</td></tr>
 *   <tr><td>AntivirusScan{Completed,Cancelled,Failed}</td><td>Scan Activity 6007</td></tr>
 *   <tr><td>Antivirus detections, Amsi*, Asr*, ExploitGuard*, ControlledFolderAccess*, SmartScreen*,
 *       TamperingAttempt, NetworkProtectionUserBypassEvent</td><td>Detection Finding 2004</td></tr>
 *   <tr><td>AppControl*, AppLocker*, ServiceInstalled, FirewallServiceStopped</td><td>Application Lifecycle 6002</td></tr>
 *   <tr><td>PnpDevice*, UsbDrive*, RemovableStorage*, BluetoothPolicyTriggered, DeviceControl*</td><td>Peripheral Activity 1010</td></tr>
 *   <tr><td>Firewall*ConnectionBlocked, Firewall*ConnectionToAppBlocked</td><td>Network Activity 4001 (5 Refuse)</td></tr>
 *   <tr><td>DnsQueryResponse</td><td>DNS Activity 4003</td></tr>
 *   <tr><td>UserAccountCreated/Deleted/Modified, PasswordChangeAttempt</td><td>Account Change 3001</td></tr>
 *   <tr><td>UserAccountAddedToLocalGroup/RemovedFromLocalGroup, SecurityGroupCreated/Deleted</td><td>Group Management 3006</td></tr>
 *   <tr><td>SecurityLogCleared</td><td>Event Log Activity 1008</td></tr>
 *   <tr><td>DriverLoad</td><td>Kernel Extension Activity 1002</td></tr>
 *   <tr><td>PowerShellCommand</td><td>Script Activity 1009</td></tr>
 *   <tr><td>any other ActionType</td><td>Base Event, 99 Other = the ActionType, with device and actor (host profile)</td></tr>
 * </table>
 * The reporting device and the initiating process are {@code device} and {@code actor} throughout.
 */
public final class DeviceEventsMapper extends HuntingMapper {

    public DeviceEventsMapper() {
        super("DeviceEvents", Product.DEFENDER_FOR_ENDPOINT);
    }

    @Override
    protected ObjectNode mapRow(HuntingRow row) {
        String actionType = row.actionType();
        String action = actionType == null ? "" : actionType.toLowerCase(Locale.ROOT);
        OcsfEvent event;
        if (action.startsWith("scheduledtask")) {
            event = DeviceEventKinds.scheduledTask(row, actionType, action);
        } else if (DeviceEventKinds.MEMORY.containsKey(action)) {
            event = DeviceEventKinds.memory(row, DeviceEventKinds.MEMORY.get(action));
        } else if (DeviceEventKinds.PROCESS.containsKey(action)) {
            event = DeviceEventKinds.process(row, action, DeviceEventKinds.PROCESS.get(action));
        } else if (action.startsWith("antivirusscan")) {
            event = DeviceEventKinds.antivirusScan(row, actionType, action);
        } else if (DeviceEventKinds.isDetection(action)) {
            event = DeviceEventKinds.detection(row, actionType, action);
        } else if (action.startsWith("appcontrol") || action.startsWith("applocker") || action.equals("serviceinstalled")
                || action.equals("firewallservicestopped")) {
            event = DeviceEventKinds.application(row, actionType, action);
        } else if (action.startsWith("pnpdevice") || action.startsWith("usbdrive") || action.startsWith("removablestorage")
                || action.startsWith("bluetooth") || action.startsWith("devicecontrol")) {
            event = PeripheralEvents.map(row, actionType, action);
        } else if (action.startsWith("firewall") && action.endsWith("blocked")) {
            event = DeviceEventKinds.firewall(row, action);
        } else if (action.equals("dnsqueryresponse")) {
            event = DeviceEventKinds.dnsResponse(row);
        } else if (action.startsWith("useraccount") && !action.contains("group") || action.equals("passwordchangeattempt")) {
            event = LocalAccountEvents.account(row, actionType, action);
        } else if (action.contains("localgroup") || action.startsWith("securitygroup")) {
            event = LocalAccountEvents.group(row, actionType, action);
        } else if (action.equals("securitylogcleared")) {
            event = DeviceEventKinds.logCleared(row);
        } else if (action.equals("driverload")) {
            event = DeviceEventKinds.driverLoad(row);
        } else if (action.equals("powershellcommand")) {
            event = DeviceEventKinds.powerShell(row);
        } else {
            event = row.start(OcsfClass.BASE_EVENT, action.isEmpty() ? EnumValue.UNKNOWN : EnumValue.other(actionType));
            row.device(event, true);
            row.initiatingActor(event);
        }
        row.additionalFields();
        return row.build(event);
    }
}
