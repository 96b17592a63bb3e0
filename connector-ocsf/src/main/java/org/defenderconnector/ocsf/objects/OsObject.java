package org.defenderconnector.ocsf.objects;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;
import java.util.Optional;

/**
 * Builds an OCSF {@code os} from Defender's OSPlatform word ("Windows10", "WindowsServer2022",
 * "Linux", "macOS", "iOS", "Android"...): {@code name} keeps the word, {@code type_id} is the family.
 */
public final class OsObject {
    private OsObject() {
    }

    public static Optional<ObjectNode> fromPlatform(String platform) {
        if (platform == null || platform.isBlank()) {
            return Optional.empty();
        }
        ObjectNode os = JsonNodeFactory.instance.objectNode();
        os.put("name", platform);
        family(platform).writeTo(os, "type_id");
        return Optional.of(os);
    }

    public static EnumValue family(String platform) {
        String p = platform.toLowerCase(Locale.ROOT).replace(" ", "");
        if (p.startsWith("windowsmobile") || p.startsWith("windowsphone")) {
            return new EnumValue(101, "Windows Mobile");
        }
        if (p.startsWith("windows")) {
            return new EnumValue(100, "Windows");
        }
        if (p.startsWith("android")) {
            return new EnumValue(201, "Android");
        }
        if (p.startsWith("linux") || p.startsWith("ubuntu") || p.startsWith("rhel") || p.startsWith("redhat")
                || p.startsWith("centos") || p.startsWith("debian") || p.startsWith("suse") || p.startsWith("sles")) {
            return new EnumValue(200, "Linux");
        }
        if (p.startsWith("macos") || p.startsWith("osx") || p.startsWith("mac")) {
            return new EnumValue(300, "macOS");
        }
        if (p.startsWith("ipados")) {
            return new EnumValue(302, "iPadOS");
        }
        if (p.startsWith("ios")) {
            return new EnumValue(301, "iOS");
        }
        if (p.equals("unknown")) {
            return EnumValue.UNKNOWN;
        }
        return EnumValue.other(platform);
    }
}
