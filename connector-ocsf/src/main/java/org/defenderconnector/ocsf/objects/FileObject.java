package org.defenderconnector.ocsf.objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.defenderconnector.ocsf.RecordFields;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds an OCSF {@code file} object from one family of Defender file columns.
 *
 * <p>Defender's {@code FolderPath} is documented as "folder containing the file" but in practice
 * usually holds the full path including the file name; both spellings are handled: {@code path} is
 * always the full path and {@code parent_folder} the folder. OCSF requires {@code name} and
 * {@code type_id}; without a file name (or a path to take it from) no object is built and the columns
 * stay unread, so they land under {@code unmapped}.
 */
public final class FileObject {
    public static final EnumValue REGULAR_FILE = new EnumValue(1, "Regular File");
    public static final EnumValue FOLDER = new EnumValue(2, "Folder");
    public static final EnumValue EXECUTABLE_FILE = new EnumValue(8, "Executable File");

    private FileObject() {
    }

    public static Optional<ObjectNode> read(RecordFields record, FileColumns columns, EnumValue type) {
        String name = peekText(record, columns.name());
        String folder = peekText(record, columns.folderPath());
        if (name == null && folder == null) {
            return Optional.empty();
        }
        markUsed(record, columns.name());
        markUsed(record, columns.folderPath());
        ObjectNode file = JsonNodeFactory.instance.objectNode();
        Location location = Location.of(name, folder);
        file.put("name", location.name());
        if (location.path() != null) {
            file.put("path", location.path());
        }
        if (location.parentFolder() != null) {
            file.put("parent_folder", location.parentFolder());
        }
        extension(location.name()).ifPresent(ext -> file.put("ext", ext));
        type.writeTo(file, "type_id");
        Hashes.read(record, columns.md5(), columns.sha1(), columns.sha256()).ifPresent(h -> file.set("hashes", h));
        if (columns.size() != null) {
            Long size = record.longValue(columns.size());
            if (size != null && size >= 0) {
                file.put("size", size);
            }
        }
        if (columns.versionInfoPrefix() != null) {
            versionInfo(record, columns.versionInfoPrefix(), file);
        }
        return Optional.of(file);
    }

    /** A file object from a bare name or path (used for values found inside AdditionalFields). */
    public static ObjectNode ofNameOrPath(String nameOrPath, EnumValue type) {
        return of(nameOrPath, null, type);
    }

    /**
     * A file object from a name and a folder already read by the caller (e.g. a file's location
     * before a rename); either may be null but not both.
     */
    public static ObjectNode of(String name, String folder, EnumValue type) {
        ObjectNode file = JsonNodeFactory.instance.objectNode();
        Location location = Location.of(name, folder);
        file.put("name", location.name());
        if (location.path() != null) {
            file.put("path", location.path());
        }
        if (location.parentFolder() != null) {
            file.put("parent_folder", location.parentFolder());
        }
        extension(location.name()).ifPresent(ext -> file.put("ext", ext));
        type.writeTo(file, "type_id");
        return file;
    }

    /** The PE version information: company, product name and version, internal name, description. */
    private static void versionInfo(RecordFields record, String prefix, ObjectNode file) {
        VersionInfoColumns columns = VersionInfoColumns.of(prefix);
        String company = record.text(columns.companyName());
        String productName = record.text(columns.productName());
        if (company != null) {
            file.put("company_name", company);
        }
        if (productName != null) {
            ObjectNode product = file.putObject("product");
            product.put("name", productName);
            String version = record.text(columns.productVersion());
            if (version != null) {
                product.put("version", version);
            }
            if (company != null) {
                product.put("vendor_name", company);
            }
        }
        String internalName = record.text(columns.internalFileName());
        if (internalName != null) {
            file.put("internal_name", internalName);
        }
        String description = record.text(columns.fileDescription());
        if (description != null) {
            file.put("desc", description);
        }
        // OriginalFileName has no OCSF attribute; left unread it stays under unmapped.
    }

    static Optional<String> extension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(name.substring(dot + 1));
    }

    private static String peekText(RecordFields record, String column) {
        if (column == null) {
            return null;
        }
        JsonNode value = record.peek(column);
        if (value == null) {
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }

    private static void markUsed(RecordFields record, String column) {
        if (column != null) {
            record.markUsed(column);
        }
    }

    /**
     * The {@code <prefix>CompanyName}... column names, put together once per prefix rather than per row, and
     * interned so that a row's lookups find them by reference.
     */
    private record VersionInfoColumns(String companyName, String productName, String productVersion,
                                      String internalFileName, String fileDescription) {
        private static final Map<String, VersionInfoColumns> BY_PREFIX = new ConcurrentHashMap<>();

        static VersionInfoColumns of(String prefix) {
            return BY_PREFIX.computeIfAbsent(prefix, p -> new VersionInfoColumns((p + "CompanyName").intern(),
                    (p + "ProductName").intern(), (p + "ProductVersion").intern(), (p + "InternalFileName").intern(),
                    (p + "FileDescription").intern()));
        }
    }

    /** Where a file is: its name, full path and folder, from a name and/or a folder (either may hold a path). */
    record Location(String name, String path, String parentFolder) {
        static Location of(String name, String folder) {
            if (name != null && separatorIndex(name) >= 0) {
                // A "name" that is really a path (InitiatingProcessParentFileName sometimes is).
                int cut = separatorIndex(name);
                return new Location(name.substring(cut + 1), name, cut > 0 ? name.substring(0, cut) : null);
            }
            if (folder == null) {
                return new Location(name, null, null);
            }
            String trimmedFolder = stripTrailingSeparator(folder);
            if (name == null) {
                int cut = separatorIndex(trimmedFolder);
                String last = trimmedFolder.substring(cut + 1);
                return new Location(last, trimmedFolder, cut > 0 ? trimmedFolder.substring(0, cut) : null);
            }
            int cut = separatorIndex(trimmedFolder);
            String last = trimmedFolder.substring(cut + 1);
            if (last.equalsIgnoreCase(name) && cut >= 0) {
                return new Location(name, trimmedFolder, cut > 0 ? trimmedFolder.substring(0, cut) : null);
            }
            return new Location(name, trimmedFolder + separatorOf(trimmedFolder) + name, trimmedFolder);
        }

        private static int separatorIndex(String path) {
            return Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        }

        private static char separatorOf(String path) {
            return path.indexOf('\\') >= 0 || path.indexOf('/') < 0 ? '\\' : '/';
        }

        private static String stripTrailingSeparator(String path) {
            String result = path;
            while (result.length() > 1 && (result.endsWith("\\") || result.endsWith("/"))) {
                result = result.substring(0, result.length() - 1);
            }
            return result;
        }
    }
}
