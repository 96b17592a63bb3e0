package org.defenderconnector.streaming;

import org.defenderconnector.api.Position;

/**
 * Told when a position this source returned has been durably committed. Streaming sources have
 * side effects that must wait for that moment: deleting a Storage queue message once its blob is
 * closed, committing Event Hub offsets to the consumer group.
 *
 * <p>With the embedded engine no call is needed: {@code StreamRunner} passes the last committed
 * position to every {@code poll}, and these sources take that argument as the acknowledgement. A
 * runner that commits asynchronously (Kafka Connect's {@code commitRecord}/{@code commit}) calls this
 * instead; the side effects are then carried out on the next {@code poll}, on the polling thread.
 */
public interface PositionCommitHook {
    void onCommitted(Position committed);
}
