package org.defenderconnector.emulator.data;

/** What an evidence item is about; each API names and shapes these differently. */
public enum EvidenceKind {
    USER, PROCESS, FILE, IP, URL, REGISTRY, MAILBOX, MAIL_MESSAGE, MAIL_CLUSTER;

    /**
     * The {@code entityType} value of MDE alert evidence and of Defender XDR incident entities, which
     * spell it the same way (Graph alerts_v2 uses {@code @odata.type} names instead).
     */
    public String defenderEntityType() {
        return switch (this) {
            case USER -> "User";
            case PROCESS -> "Process";
            case FILE -> "File";
            case IP -> "Ip";
            case URL -> "Url";
            case REGISTRY -> "Registry";
            case MAILBOX -> "MailBox";
            case MAIL_MESSAGE -> "MailMessage";
            case MAIL_CLUSTER -> "MailCluster";
        };
    }
}
