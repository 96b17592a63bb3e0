package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * OCSF {@code os} objects and device type hints from Defender's {@code osPlatform} words (Windows10,
 * WindowsServer2019, Linux, Ubuntu, macOS, iOS, Android...). The platform word is kept as the OS name: it
 * is what Defender reports, and OCSF requires a name.
 */
final class OperatingSystems {
    static final int WINDOWS = 100;
    static final int LINUX = 200;
    static final int ANDROID = 201;
    static final int MACOS = 300;
    static final int IOS = 301;
    static final int IPADOS = 302;
    static final int OTHER = 99;

    private static final String[] LINUX_WORDS = {"linux", "ubuntu", "debian", "redhat", "red hat", "rhel",
            "centos", "suse", "sles", "fedora", "oracle", "amazon", "alma", "rocky"};

    private OperatingSystems() {
    }

    /** The os object, or null when the platform is unknown (OCSF requires os.name). */
    static ObjectNode os(String platform, String version, String build, Integer cpuBits) {
        if (platform == null) {
            return null;
        }
        ObjectNode os = OcsfNode.object();
        os.put("name", platform);
        int typeId = typeId(platform);
        OcsfNode.putEnum(os, "type_id", typeId, "type", typeId == OTHER ? platform : caption(typeId));
        OcsfNode.put(os, "version", version);
        OcsfNode.put(os, "build", build);
        OcsfNode.put(os, "cpu_bits", cpuBits);
        return os;
    }

    /**
     * The os object read from an entity, or null without reading anything when there is no platform (OCSF
     * requires os.name); the version, build and architecture then stay for unmapped. Field names may be
     * null when the entity has no such field. The build is read as a number or text.
     */
    static ObjectNode from(EntityFields entity, String platformField, String versionField, String buildField,
                           String architectureField) {
        if (entity.peekText(platformField) == null) {
            return null;
        }
        String build = null;
        if (buildField != null && entity.peek(buildField) != null) {
            build = entity.peek(buildField).asText();
            entity.text(buildField);
        }
        Integer bits = null;
        if (architectureField != null && Architectures.isKnown(entity.peekText(architectureField))) {
            bits = Architectures.bits(entity.peekText(architectureField));
        }
        return os(entity.text(platformField), versionField == null ? null : entity.text(versionField), build, bits);
    }

    static int typeId(String platform) {
        String p = platform.toLowerCase(Locale.ROOT).replace(" ", "");
        if (p.startsWith("windows")) {
            return WINDOWS;
        }
        if (p.startsWith("macos") || p.startsWith("osx") || p.startsWith("mac")) {
            return MACOS;
        }
        if (p.startsWith("ipados")) {
            return IPADOS;
        }
        if (p.startsWith("ios")) {
            return IOS;
        }
        if (p.startsWith("android")) {
            return ANDROID;
        }
        for (String word : LINUX_WORDS) {
            if (p.startsWith(word.replace(" ", ""))) {
                return LINUX;
            }
        }
        return OTHER;
    }

    /** OCSF device type: a Windows Server platform is a server; anything else is not knowable from the OS. */
    static int deviceTypeId(String platform) {
        return platform != null && platform.toLowerCase(Locale.ROOT).contains("server") ? DeviceTypes.SERVER : DeviceTypes.UNKNOWN;
    }

    private static String caption(int typeId) {
        return switch (typeId) {
            case WINDOWS -> "Windows";
            case LINUX -> "Linux";
            case ANDROID -> "Android";
            case MACOS -> "macOS";
            case IOS -> "iOS";
            case IPADOS -> "iPadOS";
            default -> "Other";
        };
    }

    /** The few OCSF device.type_id values the REST entities let us state truthfully. */
    static final class DeviceTypes {
        static final int UNKNOWN = 0;
        static final int SERVER = 1;
        static final int VIRTUAL = 6;

        private DeviceTypes() {
        }

        static String caption(int typeId) {
            return switch (typeId) {
                case SERVER -> "Server";
                case VIRTUAL -> "Virtual";
                default -> "Unknown";
            };
        }
    }
}
