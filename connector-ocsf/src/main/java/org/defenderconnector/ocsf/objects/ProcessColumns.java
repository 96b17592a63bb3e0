package org.defenderconnector.ocsf.objects;

/**
 * Which columns of a Defender row describe one process. Any column may be null when the table has no
 * such column.
 *
 * @param pid             process id column
 * @param uniqueId        Defender's process unique id column (seen in streamed records, not in the docs)
 * @param commandLine     command line column
 * @param creationTime    creation time column
 * @param integrityLevel  integrity level column
 * @param file            the process image columns
 * @param user            the account that ran the process
 * @param logonId         logon session id column
 * @param isRemoteSession "ran in an RDP session" column
 * @param parent          the parent process columns, or null
 */
public record ProcessColumns(String pid, String uniqueId, String commandLine, String creationTime,
                             String integrityLevel, FileColumns file, UserColumns user, String logonId,
                             String isRemoteSession, ProcessColumns parent) {

    /** The parent of the initiating process (InitiatingProcessParentId, ...FileName, ...CreationTime). */
    public static final ProcessColumns INITIATING_PROCESS_PARENT = new ProcessColumns("InitiatingProcessParentId",
            "InitiatingProcessParentUniqueId", null, "InitiatingProcessParentCreationTime", null,
            FileColumns.INITIATING_PROCESS_PARENT, null, null, null, null);

    /** The process that initiated the event (InitiatingProcess* columns), with its parent. */
    public static final ProcessColumns INITIATING_PROCESS = new ProcessColumns("InitiatingProcessId",
            "InitiatingProcessUniqueId", "InitiatingProcessCommandLine", "InitiatingProcessCreationTime",
            "InitiatingProcessIntegrityLevel", FileColumns.INITIATING_PROCESS, UserColumns.INITIATING_PROCESS,
            "InitiatingProcessLogonId", "IsInitiatingProcessRemoteSession", INITIATING_PROCESS_PARENT);

    /** The process DeviceProcessEvents reports as created (ProcessId, ProcessCommandLine, FileName, Account*...). */
    public static final ProcessColumns CREATED_PROCESS = new ProcessColumns("ProcessId", "ProcessUniqueId",
            "ProcessCommandLine", "ProcessCreationTime", "ProcessIntegrityLevel", FileColumns.CREATED_PROCESS,
            UserColumns.ACCOUNT, "LogonId", "IsProcessRemoteSession", null);

    /**
     * The process a DeviceEvents action was applied to (the target of an API call, the process created
     * by WMI): ProcessId, ProcessCommandLine, ProcessCreationTime and the FileName family. Its account
     * is left to the mapper because DeviceEvents' Account* columns mean different things per ActionType.
     */
    public static final ProcessColumns TARGET_PROCESS = new ProcessColumns("ProcessId", "ProcessUniqueId",
            "ProcessCommandLine", "ProcessCreationTime", null, FileColumns.TARGET, null, null,
            "IsProcessRemoteSession", null);
}
