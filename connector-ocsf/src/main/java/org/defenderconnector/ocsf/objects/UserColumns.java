package org.defenderconnector.ocsf.objects;

/**
 * Which columns of a Defender row describe one account. Any column may be null when the table has no
 * such column.
 */
public record UserColumns(String name, String domain, String sid, String upn, String objectId, String displayName) {

    /** The Account* columns (AccountName, AccountDomain, AccountSid, AccountUpn, AccountObjectId, AccountDisplayName). */
    public static final UserColumns ACCOUNT = prefixed("");

    /** The account that ran the initiating process (InitiatingProcessAccount*). */
    public static final UserColumns INITIATING_PROCESS = prefixed("InitiatingProcess");

    /** The account an identity event was applied to (TargetAccountUpn, TargetAccountDisplayName). */
    public static final UserColumns TARGET =
            new UserColumns(null, null, null, "TargetAccountUpn", null, "TargetAccountDisplayName");

    /**
     * The {@code <prefix>AccountName}, {@code <prefix>AccountDomain}... family. The names are interned, as
     * literals and Jackson's field names are, so that a row's lookups find them by reference.
     */
    public static UserColumns prefixed(String prefix) {
        return new UserColumns((prefix + "AccountName").intern(), (prefix + "AccountDomain").intern(),
                (prefix + "AccountSid").intern(), (prefix + "AccountUpn").intern(),
                (prefix + "AccountObjectId").intern(), (prefix + "AccountDisplayName").intern());
    }
}
