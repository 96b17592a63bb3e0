package org.defenderconnector.emulator.data;

import java.time.Instant;

/**
 * One evidence item of an alert, holding every property any of the APIs shows (MDE evidence, XDR entities, Graph
 * typed evidence); fields that do not apply to the {@link #kind} are null.
 */
public record Evidence(EvidenceKind kind, Instant created, String sha1, String sha256, String fileName,
                       String filePath, Long fileSize, Long processId, String processCommandLine,
                       Instant processCreationTime, Long parentProcessId, Instant parentProcessCreationTime,
                       String parentProcessFileName, String parentProcessFilePath, String ipAddress, String url,
                       String registryKey, String registryHive, String registryValueType, String registryValue,
                       Person account, String detectionStatus, String mailboxAddress, String mailboxDisplayName,
                       String sender, String recipient, String subject, String deliveryAction,
                       String networkMessageId, String clusterBy) {
}
