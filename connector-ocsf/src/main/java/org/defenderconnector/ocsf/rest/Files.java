package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** OCSF {@code file} objects from Defender's file name + folder + hash fields. */
final class Files {
    private static final int REGULAR_FILE = 1;

    private Files() {
    }

    record FileFieldNames(String name, String folder, String md5, String sha1, String sha256, String size) {
        static final FileFieldNames MDE_ENTITY = new FileFieldNames("fileName", "filePath", "md5", "sha1", "sha256", null);
        static final FileFieldNames GRAPH_FILE_DETAILS = new FileFieldNames("fileName", "filePath", "md5", "sha1", "sha256", "fileSize");
    }

    /**
     * The file, or null when there is no file name (OCSF requires one); then nothing is read, so the
     * fields stay for the caller's leftovers. Defender's filePath is the folder: OCSF path is folder + name,
     * parent_folder the folder itself. Defender only reports files here, so type_id is 1 Regular File.
     */
    static ObjectNode from(EntityFields entity, FileFieldNames names) {
        if (entity.peekText(names.name()) == null) {
            return null;
        }
        String name = entity.text(names.name());
        String folder = entity.text(names.folder());
        ObjectNode file = OcsfNode.object();
        file.put("name", name);
        OcsfNode.putEnum(file, "type_id", REGULAR_FILE, "type", "Regular File");
        if (folder != null) {
            file.put("path", join(folder, name));
            file.put("parent_folder", folder);
        }
        ArrayNode hashes = Fingerprints.of(
                names.md5() == null ? null : entity.text(names.md5()),
                entity.text(names.sha1()),
                entity.text(names.sha256()));
        OcsfNode.put(file, "hashes", hashes);
        if (names.size() != null) {
            OcsfNode.put(file, "size", entity.longValue(names.size()));
        }
        return file;
    }

    /** Folder + name with the folder's own separator (Windows backslash unless the folder uses slashes). */
    static String join(String folder, String name) {
        if (folder.endsWith("\\") || folder.endsWith("/")) {
            return folder + name;
        }
        String separator = folder.contains("/") && !folder.contains("\\") ? "/" : "\\";
        return folder + separator + name;
    }
}
