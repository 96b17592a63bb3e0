package org.defenderconnector.emulator.data;

/** What an evidence item is about; each API names and shapes these differently. */
public enum EvidenceKind {
    USER, PROCESS, FILE, IP, URL, REGISTRY, MAILBOX, MAIL_MESSAGE, MAIL_CLUSTER
}
