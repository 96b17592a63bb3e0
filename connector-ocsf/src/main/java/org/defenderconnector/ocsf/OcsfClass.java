package org.defenderconnector.ocsf;

import com.fasterxml.jackson.databind.node.TextNode;
import org.defenderconnector.ocsf.objects.EnumValue;

/**
 * The OCSF 1.8.0 event classes our mappers emit, with their category. Captions are the schema's
 * captions exactly, because validators compare {@code class_name}/{@code category_name} with them.
 */
public enum OcsfClass {
    BASE_EVENT(0, "Base Event", 0, "Uncategorized"),
    FILE_SYSTEM_ACTIVITY(1001, "File System Activity", 1, "System Activity"),
    KERNEL_EXTENSION_ACTIVITY(1002, "Kernel Extension Activity", 1, "System Activity"),
    MEMORY_ACTIVITY(1004, "Memory Activity", 1, "System Activity"),
    MODULE_ACTIVITY(1005, "Module Activity", 1, "System Activity"),
    SCHEDULED_JOB_ACTIVITY(1006, "Scheduled Job Activity", 1, "System Activity"),
    PROCESS_ACTIVITY(1007, "Process Activity", 1, "System Activity"),
    EVENT_LOG_ACTIVITY(1008, "Event Log Activity", 1, "System Activity"),
    SCRIPT_ACTIVITY(1009, "Script Activity", 1, "System Activity"),
    PERIPHERAL_ACTIVITY(1010, "Peripheral Activity", 1, "System Activity"),
    REGISTRY_KEY_ACTIVITY(201001, "Registry Key Activity", 1, "System Activity"),
    REGISTRY_VALUE_ACTIVITY(201002, "Registry Value Activity", 1, "System Activity"),
    VULNERABILITY_FINDING(2002, "Vulnerability Finding", 2, "Findings"),
    COMPLIANCE_FINDING(2003, "Compliance Finding", 2, "Findings"),
    DETECTION_FINDING(2004, "Detection Finding", 2, "Findings"),
    INCIDENT_FINDING(2005, "Incident Finding", 2, "Findings"),
    ACCOUNT_CHANGE(3001, "Account Change", 3, "Identity & Access Management"),
    AUTHENTICATION(3002, "Authentication", 3, "Identity & Access Management"),
    ENTITY_MANAGEMENT(3004, "Entity Management", 3, "Identity & Access Management"),
    GROUP_MANAGEMENT(3006, "Group Management", 3, "Identity & Access Management"),
    NETWORK_ACTIVITY(4001, "Network Activity", 4, "Network Activity"),
    HTTP_ACTIVITY(4002, "HTTP Activity", 4, "Network Activity"),
    DNS_ACTIVITY(4003, "DNS Activity", 4, "Network Activity"),
    EMAIL_ACTIVITY(4009, "Email Activity", 4, "Network Activity"),
    DEVICE_INVENTORY_INFO(5001, "Device Inventory Info", 5, "Discovery"),
    USER_INVENTORY_INFO(5003, "User Inventory Info", 5, "Discovery"),
    PERIPHERAL_DEVICE_QUERY(5014, "Peripheral Device Query", 5, "Discovery"),
    DEVICE_CONFIG_STATE_CHANGE(5019, "Device Config State Change", 5, "Discovery"),
    SOFTWARE_INVENTORY_INFO(5020, "Software Inventory Info", 5, "Discovery"),
    OSINT_INVENTORY_INFO(5021, "OSINT Inventory Info", 5, "Discovery"),
    LIVE_EVIDENCE_INFO(5040, "Live Evidence Info", 5, "Discovery"),
    WEB_RESOURCES_ACTIVITY(6001, "Web Resources Activity", 6, "Application Activity"),
    API_ACTIVITY(6003, "API Activity", 6, "Application Activity"),
    APPLICATION_LIFECYCLE(6002, "Application Lifecycle", 6, "Application Activity"),
    WEB_RESOURCE_ACCESS_ACTIVITY(6004, "Web Resource Access Activity", 6, "Application Activity"),
    SCAN_ACTIVITY(6007, "Scan Activity", 6, "Application Activity"),
    REMEDIATION_ACTIVITY(7001, "Remediation Activity", 7, "Remediation"),
    FILE_REMEDIATION_ACTIVITY(7002, "File Remediation Activity", 7, "Remediation"),
    PROCESS_REMEDIATION_ACTIVITY(7003, "Process Remediation Activity", 7, "Remediation"),
    NETWORK_REMEDIATION_ACTIVITY(7004, "Network Remediation Activity", 7, "Remediation");

    private final int uid;
    private final String caption;
    private final int categoryUid;
    private final String categoryCaption;
    /**
     * The captions as JSON nodes, and each activity's {@code type_name}, made once: every event carries
     * them, and value nodes are immutable, so events can share them.
     */
    private final TextNode captionNode;
    private final TextNode categoryCaptionNode;
    private final TypeName[] typeNames = new TypeName[EnumValue.OTHER_ID + 1];

    OcsfClass(int uid, String caption, int categoryUid, String categoryCaption) {
        this.uid = uid;
        this.caption = caption;
        this.categoryUid = categoryUid;
        this.categoryCaption = categoryCaption;
        this.captionNode = TextNode.valueOf(caption);
        this.categoryCaptionNode = TextNode.valueOf(categoryCaption);
    }

    TextNode captionNode() {
        return captionNode;
    }

    TextNode categoryCaptionNode() {
        return categoryCaptionNode;
    }

    /**
     * {@code type_name}: the class caption and the activity's caption; for 99 Other the schema's "Other",
     * as the source's own word goes in activity_name only.
     */
    TextNode typeName(int activityId, String activityName) {
        String activity = activityId == EnumValue.OTHER_ID ? "Other" : activityName;
        if (activityId < 0 || activityId >= typeNames.length) {
            return TextNode.valueOf(caption + ": " + activity);
        }
        TypeName known = typeNames[activityId];
        if (known != null && known.activity.equals(activity)) {
            return known.node;
        }
        // Unsynchronised on purpose: a TypeName is immutable, and a lost update only costs a concatenation.
        TypeName made = new TypeName(activity, TextNode.valueOf(caption + ": " + activity));
        typeNames[activityId] = made;
        return made.node;
    }

    private record TypeName(String activity, TextNode node) {
    }

    public int uid() {
        return uid;
    }

    public String caption() {
        return caption;
    }

    public int categoryUid() {
        return categoryUid;
    }

    public String categoryCaption() {
        return categoryCaption;
    }
}
