package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.MappingContext;
import org.defenderconnector.ocsf.OcsfClass;
import org.defenderconnector.ocsf.OcsfEvent;
import org.defenderconnector.ocsf.Severity;

/**
 * Software Inventory Info 5020 for vulnerability-management rows that name no CVE. The export APIs list
 * every installed product per device, vulnerable or not; a row without a CVE is an inventory fact about
 * a device (software X version Y is installed), not a vulnerability — OCSF's vulnerability object needs a
 * CVE, CWE or advisory. See docs/ocsf/vulnerabilities.md.
 */
final class SoftwareInventory {
    static final int COLLECT = 2;

    private SoftwareInventory() {
    }

    /**
     * activity 2 Collect for snapshot rows; for delta rows 99 Other with the change word (New, Fixed,
     * Updated), which OCSF's inventory activities cannot express.
     */
    static OcsfEvent start(String deltaStatus, MappingContext context) {
        OcsfEvent event = deltaStatus == null
                ? OcsfEvent.start(OcsfClass.SOFTWARE_INVENTORY_INFO, COLLECT, "Collect", context)
                : OcsfEvent.start(OcsfClass.SOFTWARE_INVENTORY_INFO, 99, deltaStatus, context);
        event.severity(Severity.INFORMATIONAL);
        return event;
    }

    /**
     * sbom.package is the installed product. OCSF requires sbom.software_components; Defender reports no
     * components of a product, so the list is empty rather than invented.
     */
    static void putPackage(OcsfEvent event, String name, String vendor, String version) {
        if (name == null || version == null) {
            return;
        }
        ObjectNode sbom = event.object("sbom");
        ObjectNode pkg = sbom.putObject("package");
        pkg.put("name", name);
        pkg.put("version", version);
        OcsfNode.put(pkg, "vendor_name", vendor);
        sbom.putArray("software_components");
    }
}
