package io.idcardstream.worker;

import io.idcardstream.events.state.LedgerEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * How each request of one subject was answered, kept for {@code ledger.retention.ms}: a windowed store, so old
 * entries expire with their segments instead of by scanning.
 *
 * <p>Scope: a repeat is the same request id <em>for the same subject</em> (the record key). Requests are keyed by
 * subject, so a producer retry, a rebalance or a replay of a request lands in the partition that answered it and
 * finds its entry, however many instances run. The same request id under another subject is another request and
 * gets its own call, wherever its key lands: deduplicating across keys would need a repartition by request id, and
 * answering subject B with subject A's outcome summary (which a shared partition used to do) is wrong data for B.
 * It does not hold across a change of the input topic's partition count (keys move) or after the retention.
 *
 * <p>Threading notes: stream thread only.
 */
final class IdempotencyLedger {
    static final String STORE = "idcard-ledger";

    private final WindowStore<String, LedgerEntry> store;
    private final Duration retention;

    IdempotencyLedger(WindowStore<String, LedgerEntry> store, Duration retention) {
        this.store = store;
        this.retention = retention;
    }

    Optional<LedgerEntry> lookup(String subjectId, String requestId, Instant now) {
        LedgerEntry latest = null;
        try (WindowStoreIterator<LedgerEntry> entries =
                store.fetch(scoped(subjectId, requestId), now.minus(retention), now)) {
            while (entries.hasNext()) {
                latest = entries.next().value;
            }
        }
        return Optional.ofNullable(latest);
    }

    void record(String subjectId, LedgerEntry entry) {
        store.put(scoped(subjectId, entry.getRequestId()), entry, entry.getCompletedAt());
    }

    /** The store key: unambiguous for any subject and request id (the subject's length comes first). */
    static String scoped(String subjectId, String requestId) {
        return subjectId.length() + ":" + subjectId + "/" + requestId;
    }
}
