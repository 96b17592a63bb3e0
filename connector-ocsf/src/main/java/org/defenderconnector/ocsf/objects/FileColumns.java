package org.defenderconnector.ocsf.objects;

/**
 * Which columns of a Defender row describe one file. Defender repeats the same column family with
 * different prefixes (the target file, the created process image, the initiating process image...).
 *
 * @param name              file name column
 * @param folderPath        folder column (Defender usually puts the full path, file name included)
 * @param md5               MD5 column, or null
 * @param sha1              SHA-1 column, or null
 * @param sha256            SHA-256 column, or null
 * @param size              size-in-bytes column, or null
 * @param versionInfoPrefix prefix of the PE version-info columns ({@code <prefix>CompanyName}...), or null
 */
public record FileColumns(String name, String folderPath, String md5, String sha1, String sha256, String size,
                          String versionInfoPrefix) {

    /** The file the recorded action was applied to (FileName, FolderPath, SHA1, SHA256, MD5, FileSize). */
    public static final FileColumns TARGET =
            new FileColumns("FileName", "FolderPath", "MD5", "SHA1", "SHA256", "FileSize", null);

    /** The image of the process DeviceProcessEvents reports as created, with its ProcessVersionInfo* columns. */
    public static final FileColumns CREATED_PROCESS =
            new FileColumns("FileName", "FolderPath", "MD5", "SHA1", "SHA256", "FileSize", "ProcessVersionInfo");

    /** The image of the process that initiated the event (InitiatingProcess* columns). */
    public static final FileColumns INITIATING_PROCESS = new FileColumns("InitiatingProcessFileName",
            "InitiatingProcessFolderPath", "InitiatingProcessMD5", "InitiatingProcessSHA1",
            "InitiatingProcessSHA256", "InitiatingProcessFileSize", "InitiatingProcessVersionInfo");

    /** The parent of the initiating process: Defender only gives its name (or full path). */
    public static final FileColumns INITIATING_PROCESS_PARENT =
            new FileColumns("InitiatingProcessParentFileName", null, null, null, null, null, null);
}
