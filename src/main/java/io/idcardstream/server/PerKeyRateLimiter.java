package io.idcardstream.server;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per SecretId (Bucket4j): {@code rps} tokens per second, refilled continuously, holding at
 * most {@code rps} tokens, so a quiet key may burst to {@code rps} requests at once and a busy one gets
 * {@code rps} per second on average. {@code rps = 0} turns limiting off.
 *
 * <p>Buckets are created on first use; only authenticated SecretIds reach the limiter, so their number is
 * bounded by the configured keys.
 *
 * <p>Threading notes: thread-safe and lock-free (Bucket4j's default synchronisation).
 */
final class PerKeyRateLimiter {
    private final int rps;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    PerKeyRateLimiter(int rps, Clock clock) {
        if (rps < 0) {
            throw new IllegalArgumentException("rps must be at least 0 but was " + rps);
        }
        this.rps = rps;
        this.time = clockTime(Objects.requireNonNull(clock, "clock"));
    }

    /** Takes one token from {@code secretId}'s bucket; false when it is empty. */
    boolean tryAcquire(String secretId) {
        if (rps == 0) {
            return true;
        }
        return buckets.computeIfAbsent(secretId, id -> Bucket.builder()
                .addLimit(limit -> limit.capacity(rps).refillGreedy(rps, Duration.ofSeconds(1)))
                .withCustomTimePrecision(time)
                .build()).tryConsume(1);
    }

    int rps() {
        return rps;
    }

    /** Bucket4j time from the server's clock, so tests can hold time still. */
    private static TimeMeter clockTime(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
