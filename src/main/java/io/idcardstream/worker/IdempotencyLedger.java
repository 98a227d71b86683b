package io.idcardstream.worker;

import io.idcardstream.events.state.LedgerEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * How each request id of one input partition was answered, kept for {@code ledger.retention.ms}: a windowed
 * store, so old entries expire with their segments instead of by scanning. Requests of one subject share a
 * partition (the key), so a producer retry, a rebalance or a replay of the same request finds its entry.
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

    Optional<LedgerEntry> lookup(String requestId, Instant now) {
        LedgerEntry latest = null;
        try (WindowStoreIterator<LedgerEntry> entries = store.fetch(requestId, now.minus(retention), now)) {
            while (entries.hasNext()) {
                latest = entries.next().value;
            }
        }
        return Optional.ofNullable(latest);
    }

    void record(LedgerEntry entry) {
        store.put(entry.getRequestId(), entry, entry.getCompletedAt());
    }
}
