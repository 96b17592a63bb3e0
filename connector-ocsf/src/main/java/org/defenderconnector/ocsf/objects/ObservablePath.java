package org.defenderconnector.ocsf.objects;

import com.fasterxml.jackson.databind.node.TextNode;
import org.defenderconnector.ocsf.ReferenceTable;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An attribute path of an event as {@link Observables} walks it ({@code actor.process.file.name}, array
 * indexes left out), with what the walk needs to know about it: whether it is skipped, its observable
 * type, whether it holds a list of e-mail addresses. Paths are worked out once and kept: events of one
 * class have the same few hundred paths, and building every attribute's dotted name and looking up its
 * type, for every event, was most of the walk's time. A path's type depends only on its own key and its
 * parent's key (the object holding the attribute), so it can be kept with the path. Kept paths are
 * bounded; past the bound they are built each time and not kept.
 */
final class ObservablePath {
    private static final EnumValue HOSTNAME = new EnumValue(1, "Hostname");
    private static final EnumValue IP = new EnumValue(2, "IP Address");
    private static final EnumValue MAC = new EnumValue(3, "MAC Address");
    private static final EnumValue USER_NAME = new EnumValue(4, "User Name");
    static final EnumValue EMAIL = new EnumValue(5, "Email Address");
    private static final EnumValue URL = new EnumValue(6, "URL String");
    private static final EnumValue FILE_NAME = new EnumValue(7, "File Name");
    private static final EnumValue HASH = new EnumValue(8, "Hash");
    private static final EnumValue PROCESS_NAME = new EnumValue(9, "Process Name");
    private static final EnumValue COMMAND_LINE = new EnumValue(13, "Command Line");
    private static final EnumValue FILE_PATH = new EnumValue(45, "File Path");
    private static final EnumValue REGISTRY_KEY_PATH = new EnumValue(46, "Registry Key Path");

    private static final Set<String> SKIPPED = Set.of("unmapped", "metadata", "observables", "enrichments", "raw_data");
    private static final Set<String> USER_OBJECTS = Set.of("user", "owner", "accessor", "creator", "modifier",
            "user_result", "users");
    private static final Set<String> PROCESS_OBJECTS = Set.of("process", "parent_process");
    private static final Set<String> FILE_OBJECTS = Set.of("file", "file_result", "files", "folder");
    private static final Set<String> REGISTRY_OBJECTS = Set.of("reg_key", "prev_reg_key", "reg_value", "prev_reg_value");
    private static final Set<String> EMAIL_ADDRESS_LISTS = Set.of("from", "smtp_from", "to", "smtp_to", "cc",
            "reply_to", "sender", "return_path", "delivered_to", "from_list", "reply_to_list", "delivered_to_list");

    private static final int MAX_KEPT = 20_000;
    private static final AtomicInteger KEPT = new AtomicInteger();

    /** The event itself. */
    static final ObservablePath ROOT = new ObservablePath("", "", false, null, false);

    /** The dotted name, the observable's {@code name}. */
    final String text;
    /** The dotted name as a JSON node, shared by every observable of this path. */
    final TextNode textNode;
    /** The last key; for the paths below it, the name of the object holding them. */
    final String key;
    /** A top-level attribute the walk leaves out ({@code unmapped}, {@code metadata}...). */
    final boolean skipped;
    /** The observable type of a value at this path; null when such a value is not an observable. */
    final EnumValue type;
    /** An attribute whose array holds e-mail addresses ({@code to}, {@code cc}...). */
    final boolean emailList;

    private final Map<String, ObservablePath> children = new ConcurrentHashMap<>();
    /**
     * The child met last at each position of the object: objects at one path mostly have the same keys
     * in the same order, so a key is usually found here by identity, without hashing. Threads may
     * overwrite each other's entries; that is harmless, as an entry is only used when its key is the
     * very key asked for, and paths are immutable.
     */
    private final ObservablePath[] byPosition = new ObservablePath[32];
    /**
     * The kept children by their key's reference, in an open-addressing table replaced (never changed) on
     * each addition: attribute names are constants or Jackson-interned, so this finds a child when objects
     * at this path vary in shape (rows of one table with other columns filled), without the map's hashing
     * and volatile reads. Keys not found here by reference are looked up in {@link #children}.
     */
    private final ReferenceTable<ObservablePath> byReference = new ReferenceTable<>();

    private ObservablePath(String text, String key, boolean skipped, EnumValue type, boolean emailList) {
        this.text = text;
        this.textNode = TextNode.valueOf(text);
        this.key = key;
        this.skipped = skipped;
        this.type = type;
        this.emailList = emailList;
    }

    /** The path of attribute {@code childKey}, found at {@code position} of the object at this path. */
    ObservablePath child(int position, String childKey) {
        if (position >= byPosition.length) {
            return child(childKey);
        }
        ObservablePath seen = byPosition[position];
        if (seen != null && seen.key == childKey) {
            return seen;
        }
        ObservablePath child = child(childKey);
        byPosition[position] = child;
        return child;
    }

    private ObservablePath child(String childKey) {
        ObservablePath child = byReference.get(childKey);
        if (child != null) {
            return child;
        }
        child = children.get(childKey);
        if (child != null) {
            if (child.key == childKey) {
                byReference.add(childKey, child);
            }
            return child;
        }
        if (child != null) {
            return child;
        }
        boolean top = text.isEmpty();
        if (top && childKey.isEmpty()) {
            // An empty top-level key adds nothing to the path: its members are walked as top-level ones.
            return this;
        }
        child = new ObservablePath(top ? childKey : text + "." + childKey, childKey,
                top && SKIPPED.contains(childKey), typeOf(key, childKey), EMAIL_ADDRESS_LISTS.contains(childKey));
        if (KEPT.get() < MAX_KEPT) {
            ObservablePath raced = children.putIfAbsent(childKey, child);
            if (raced != null) {
                return raced;
            }
            KEPT.incrementAndGet();
            byReference.add(childKey, child);
        }
        return child;
    }

    /** The observable type of attribute {@code key} of an object held under {@code objectName}; null if none. */
    private static EnumValue typeOf(String objectName, String key) {
        switch (key) {
            case "hostname":
                return HOSTNAME;
            case "ip":
                return IP;
            case "mac":
                return MAC;
            case "email_addr":
                return EMAIL;
            case "url_string":
                return URL;
            case "cmd_line":
                return COMMAND_LINE;
            case "value":
                return "hashes".equals(objectName) || "fingerprints".equals(objectName) ? HASH : null;
            case "name":
                return USER_OBJECTS.contains(objectName) ? USER_NAME
                        : PROCESS_OBJECTS.contains(objectName) ? PROCESS_NAME
                        : FILE_OBJECTS.contains(objectName) ? FILE_NAME : null;
            case "path":
                return FILE_OBJECTS.contains(objectName) ? FILE_PATH
                        : REGISTRY_OBJECTS.contains(objectName) ? REGISTRY_KEY_PATH : null;
            default:
                return "email".equals(objectName) && EMAIL_ADDRESS_LISTS.contains(key) ? EMAIL : null;
        }
    }
}
