package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pieces of OCSF vulnerability objects shared by the three Defender Vulnerability Management shapes. */
final class Vulnerabilities {
    private static final Pattern VECTOR_VERSION = Pattern.compile("^CVSS:(\\d+\\.\\d+)/");
    /**
     * Defender Vulnerability Management scores are CVSS v3 (the entity calls the field cvssV3), but the
     * export API does not say which 3.x; this states exactly that much.
     */
    static final String CVSS_V3_MINOR_UNKNOWN = "3.x";

    private Vulnerabilities() {
    }

    /** cve.cvss[]: one CVSS v3 base score, with the exact version when a vector string states it. */
    static ArrayNode cvss(Double baseScore, String vector) {
        if (baseScore == null) {
            return null;
        }
        ObjectNode cvss = OcsfNode.object();
        cvss.put("base_score", baseScore);
        String version = CVSS_V3_MINOR_UNKNOWN;
        if (vector != null) {
            Matcher m = VECTOR_VERSION.matcher(vector);
            if (m.find()) {
                version = m.group(1);
            }
            cvss.put("vector_string", vector);
        }
        cvss.put("version", version);
        return OcsfNode.array().add(cvss);
    }

    /** Export exploitabilityLevel: NoExploit → false; ExploitIsPublic/Verified/InKit → true; other words: unknown. */
    static Boolean exploitAvailable(String exploitabilityLevel) {
        if (exploitabilityLevel == null) {
            return null;
        }
        String level = exploitabilityLevel.toLowerCase(Locale.ROOT);
        if (level.equals("noexploit")) {
            return false;
        }
        return level.startsWith("exploitis") ? Boolean.TRUE : null;
    }

    /**
     * remediation from the recommended security update: desc is the update's name as Defender gives it;
     * without a name, a sentence naming the update id (OCSF requires a desc). Null when nothing is known.
     */
    static ObjectNode remediation(String updateName, String updateId, String updateUrl) {
        if (updateName == null && updateId == null && updateUrl == null) {
            return null;
        }
        ObjectNode remediation = OcsfNode.object();
        String desc = updateName != null ? updateName
                : updateId != null ? "Install security update " + kbName(updateId)
                : "Apply the security update described at " + updateUrl;
        remediation.put("desc", desc);
        if (updateId != null || updateUrl != null) {
            ObjectNode kb = remediation.putArray("kb_article_list").addObject();
            OcsfNode.put(kb, "uid", updateId);
            OcsfNode.put(kb, "title", updateName);
            OcsfNode.put(kb, "src_url", updateUrl);
        }
        return remediation;
    }

    /** affected_packages[]: one per disk path the software was found at (each an installation), else one. */
    static ArrayNode packages(String name, String vendor, String version, List<String> diskPaths) {
        if (name == null || version == null) {
            return null; // OCSF requires both
        }
        ArrayNode packages = OcsfNode.array();
        if (diskPaths.isEmpty()) {
            packages.add(affectedPackage(name, vendor, version, null));
        } else {
            diskPaths.forEach(path -> packages.add(affectedPackage(name, vendor, version, path)));
        }
        return packages;
    }

    /**
     * The device of export rows and machinesVulnerabilities rows. The export's "Unassigned"/"None" RBAC
     * values mean "no group" and are not turned into a group (they stay under unmapped).
     */
    static ObjectNode exportDevice(EntityFields row, String idField, String nameField) {
        String platform = row.peekText("osPlatform");
        ObjectNode device = Devices.device(row.text(idField), nameField == null ? null : row.text(nameField), platform);
        if (device == null) {
            return null;
        }
        ObjectNode os = OperatingSystems.from(row, "osPlatform", "osVersion", null, "osArchitecture");
        if (os != null) {
            device.set("os", os);
            if (os.has("cpu_bits")) {
                // the export's osArchitecture is a family word (x64, arm64): the OS runs on that CPU family
                Architectures.putHardware(device, row.text("osArchitecture"));
            }
        }
        if (Devices.isRealGroupName(row.peekText("rbacGroupName"))) {
            OcsfNode.put(device, "groups", Devices.groups(null, row.text("rbacGroupName")));
        }
        return device;
    }

    private static ObjectNode affectedPackage(String name, String vendor, String version, String path) {
        ObjectNode pkg = OcsfNode.object();
        pkg.put("name", name);
        pkg.put("version", version);
        OcsfNode.put(pkg, "vendor_name", vendor);
        OcsfNode.put(pkg, "path", path);
        return pkg;
    }

    private static String kbName(String id) {
        return id.chars().allMatch(Character::isDigit) ? "KB" + id : id;
    }
}
