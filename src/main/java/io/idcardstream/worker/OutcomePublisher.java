package io.idcardstream.worker;

import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdentityRecognized;
import io.idcardstream.events.state.PendingRequest;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Answers a pending request, all in the task's open transaction: the outcome to its topic, its summary into the
 * ledger when it answers a call (so a repeat is answered without one), and the pending entry deleted.
 *
 * <p>Threading notes: owned by one stream task.
 */
final class OutcomePublisher {
    private final ProcessorContext<String, Object> context;
    private final KeyValueStore<Long, PendingRequest> pendingStore;
    private final IdempotencyLedger ledger;
    private final WorkerMetrics metrics;

    OutcomePublisher(ProcessorContext<String, Object> context, KeyValueStore<Long, PendingRequest> pendingStore,
            IdempotencyLedger ledger, WorkerMetrics metrics) {
        this.context = context;
        this.pendingStore = pendingStore;
        this.ledger = ledger;
        this.metrics = metrics;
    }

    /** @param remember whether the ledger keeps it (not for a duplicate's or a lost request's outcome) */
    void publish(PendingRequest state, Object outcome, boolean remember) {
        Record<String, Object> out = new Record<>(state.getKey(), outcome, state.getSourceTimestamp());
        if (outcome instanceof IdentityRecognized recognized) {
            context.forward(out, IdCardTopology.RECOGNIZED_SINK);
            metrics.outcome(recognized.getDuplicate() ? "duplicate" : "recognized", WorkerMetrics.OK);
            if (remember) {
                ledger.record(state.getKey(), LedgerEntries.of(recognized));
            }
        } else {
            IdCardOcrFailed failed = (IdCardOcrFailed) outcome;
            context.forward(out, IdCardTopology.FAILED_SINK);
            metrics.outcome(failed.getDuplicate() ? "duplicate" : "failed", failed.getErrorCode());
            if (remember) {
                ledger.record(state.getKey(), LedgerEntries.of(failed));
            }
        }
        pendingStore.delete(state.getSourceOffset());
    }
}
