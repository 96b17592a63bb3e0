package org.defenderconnector.emulator.data;

import java.time.Instant;

/**
 * A response action on a device (machineaction.md).
 *
 * @param relatedFileSha1 the file of a StopAndQuarantineFile action, else null
 */
public record MachineAction(String id, String type, String scope, String requestor, String requestorComment,
                            String status, Machine machine, Instant created, Instant lastUpdate,
                            String relatedFileSha1, String requestSource) {

    public MachineAction withStatus(String newStatus, Instant time) {
        return new MachineAction(id, type, scope, requestor, requestorComment, newStatus, machine, created, time,
                relatedFileSha1, requestSource);
    }
}
