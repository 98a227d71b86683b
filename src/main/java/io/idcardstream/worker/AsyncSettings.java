package io.idcardstream.worker;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the asynchronous processor.
 *
 * @param retry how retryable failures are retried
 * @param maxPendingPerPartition accepted-but-unanswered live requests one partition holds before it stops taking
 *     new ones (the task waits up to {@code pendingFullWait} for a slot, then takes the record anyway and counts
 *     the overflow, so a stuck provider cannot hold a transaction open)
 * @param maxPendingReplaysPerPartition the same for replays ({@code reprocess=true}), counted apart: replays get
 *     a small share of the quota while live requests wait, so they stay pending much longer
 * @param pendingFullWait how long a full task waits for a slot
 * @param ledgerRetention how long a request id is remembered for deduplication
 * @param pollInterval how often finished calls and due retries are looked at when no record arrives
 */
public record AsyncSettings(
        RetryPolicy retry,
        int maxPendingPerPartition,
        int maxPendingReplaysPerPartition,
        Duration pendingFullWait,
        Duration ledgerRetention,
        Duration pollInterval) {

    public AsyncSettings {
        Objects.requireNonNull(retry, "retry");
        if (maxPendingPerPartition < 1 || maxPendingReplaysPerPartition < 1) {
            throw new IllegalArgumentException("maxPendingPerPartition and maxPendingReplaysPerPartition must be at "
                    + "least 1 but were " + maxPendingPerPartition + " and " + maxPendingReplaysPerPartition);
        }
        Objects.requireNonNull(pendingFullWait, "pendingFullWait");
        Objects.requireNonNull(ledgerRetention, "ledgerRetention");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (ledgerRetention.toMillis() < 1 || pollInterval.toMillis() < 1) {
            throw new IllegalArgumentException("ledgerRetention and pollInterval must be at least 1 ms but were "
                    + ledgerRetention + " and " + pollInterval);
        }
    }
}
