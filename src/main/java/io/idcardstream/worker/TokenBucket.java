package io.idcardstream.worker;

import java.util.function.LongSupplier;

/**
 * A smooth token bucket: {@code ratePerSecond} tokens per second, at most {@code burst} stored. With a burst
 * of 1 it never lets two calls through closer than {@code 1 / rate} apart, so a set of buckets whose rates sum
 * to the quota never exceeds the quota in any second.
 *
 * <p>Threading notes: not thread-safe; each stream task owns one bucket and uses it from its stream thread.
 */
public final class TokenBucket {
    private final double nanosPerToken;
    private final double burstNanos;
    private final LongSupplier nanoClock;
    /** The clock reading at which the bucket would be empty; tokens = (now - emptyAt) / nanosPerToken. */
    private double emptyAtNanos;

    public TokenBucket(double ratePerSecond, int burst, LongSupplier nanoClock) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("ratePerSecond must be a positive number but was " + ratePerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1 but was " + burst);
        }
        this.nanosPerToken = 1e9 / ratePerSecond;
        this.burstNanos = burst * nanosPerToken;
        this.nanoClock = nanoClock;
        // Start with one token: the first call goes at once, the rest are paced.
        this.emptyAtNanos = nanoClock.getAsLong() - nanosPerToken;
    }

    /**
     * Takes one token, reserving it in the future if none is stored.
     *
     * @return nanoseconds the caller must wait before using the token (0 when one was stored), or -1 when
     *     that wait would exceed {@code maxWaitNanos} (nothing is reserved then)
     */
    public long reserve(long maxWaitNanos) {
        long now = nanoClock.getAsLong();
        double emptyAt = Math.max(emptyAtNanos, now - burstNanos);
        double tokenReadyAt = emptyAt + nanosPerToken;
        long wait = (long) Math.ceil(tokenReadyAt - now);
        if (wait > maxWaitNanos) {
            return -1;
        }
        emptyAtNanos = tokenReadyAt;
        return Math.max(0, wait);
    }

    public double ratePerSecond() {
        return 1e9 / nanosPerToken;
    }
}
