package org.defenderconnector.ocsf;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OCSF attribute path such as {@code "device.os.name"}, split once: mappers use a few hundred
 * literal paths millions of times, and splitting them on every {@link OcsfEvent#set} was a visible part
 * of the mapping time. Splitting is {@link String#split} on dots, as it always was.
 *
 * @param parts   all segments ({@code device, os, name})
 * @param parents the segments of the object holding the last one ({@code device, os}); empty at top level
 * @param last    the last segment ({@code name})
 */
record DottedPath(String[] parts, String[] parents, String last) {
    private static final String[] TOP_LEVEL = {};
    private static final int MAX_CACHED = 4096;
    private static final Map<String, DottedPath> CACHE = new ConcurrentHashMap<>();

    static DottedPath of(String path) {
        DottedPath split = CACHE.get(path);
        if (split == null) {
            split = split(path);
            if (CACHE.size() < MAX_CACHED) {
                CACHE.put(path, split);
            }
        }
        return split;
    }

    private static DottedPath split(String path) {
        int dot = path.lastIndexOf('.');
        String[] parents = dot < 0 ? TOP_LEVEL : path.substring(0, dot).split("\\.");
        return new DottedPath(path.split("\\."), parents, dot < 0 ? path : path.substring(dot + 1));
    }
}
