package io.idcardstream.worker;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Wall-clock time in nanoseconds since the Unix epoch, for the {@link OcrDispatcher}: the quota's time slots
 * ({@link QuotaSlots}) are counted in it, so every instance must read the same time, as NTP keeps it. Never goes
 * back: a clock stepped backwards holds still until it catches up, so no wait is cut short. Thread-safe.
 */
public final class EpochNanos implements LongSupplier {
    private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);

    @Override
    public long getAsLong() {
        Instant now = Instant.now();
        long nanos = Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
        return last.accumulateAndGet(nanos, Math::max);
    }
}
