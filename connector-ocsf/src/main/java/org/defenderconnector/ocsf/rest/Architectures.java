package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;
import java.util.Map;

/**
 * Defender's architecture words: machines' osArchitecture ("64-bit", "32-bit") and osProcessor (x64,
 * x86, arm64), the export API's osArchitecture (x64, arm64). Only exact known words are read; anything
 * else stays under unmapped rather than being squeezed into a bit count.
 */
final class Architectures {
    private static final int X86 = 1;
    private static final int ARM = 2;

    /** word → {cpu_architecture_id or 0 when the word names no family, bits}. */
    private static final Map<String, int[]> WORDS = Map.ofEntries(
            Map.entry("64-bit", new int[]{0, 64}), Map.entry("32-bit", new int[]{0, 32}),
            Map.entry("x64", new int[]{X86, 64}), Map.entry("amd64", new int[]{X86, 64}), Map.entry("x86_64", new int[]{X86, 64}),
            Map.entry("x86", new int[]{X86, 32}), Map.entry("i386", new int[]{X86, 32}), Map.entry("i686", new int[]{X86, 32}),
            Map.entry("arm64", new int[]{ARM, 64}), Map.entry("aarch64", new int[]{ARM, 64}),
            Map.entry("arm", new int[]{ARM, 32}), Map.entry("arm32", new int[]{ARM, 32}));

    private Architectures() {
    }

    static boolean isKnown(String word) {
        return word != null && WORDS.containsKey(word.toLowerCase(Locale.ROOT));
    }

    static Integer bits(String word) {
        return isKnown(word) ? Integer.valueOf(WORDS.get(word.toLowerCase(Locale.ROOT))[1]) : null;
    }

    /** device.hw_info with the CPU family and bits, when the word names a family (x64, arm64...). */
    static void putHardware(ObjectNode device, String word) {
        if (!isKnown(word)) {
            return;
        }
        int[] known = WORDS.get(word.toLowerCase(Locale.ROOT));
        if (known[0] == 0) {
            return;
        }
        ObjectNode hw = device.has("hw_info") ? (ObjectNode) device.get("hw_info") : device.putObject("hw_info");
        OcsfNode.putEnum(hw, "cpu_architecture_id", known[0], "cpu_architecture", known[0] == X86 ? "x86" : "ARM");
        hw.put("cpu_bits", known[1]);
    }
}
