package io.idcardstream.worker;

import java.util.ArrayDeque;

/**
 * The instance's rate limiter for OCR calls, in two layers:
 * <ol>
 *   <li>a <b>hard window</b>: at most {@code C = floor(rate)} calls in any window of {@code 1 s × (1 + margin)}
 *       (for rates under 1/s: one call per {@code (1 / rate) × (1 + margin)}), so no second at the provider,
 *       even with some network jitter, sees more than the share of the quota;</li>
 *   <li>a <b>pacer</b> (GCRA) at {@code C / window} with a small burst, so a backlog is spread evenly over the
 *       second instead of sent at its start, while a call arriving at a quiet moment goes at once.</li>
 * </ol>
 * Adaptive: each {@code RequestLimitExceeded} halves the rate (at most once per second, never below a tenth);
 * each quiet second gives a tenth back until the nominal rate is whole again. The quota may be shared with
 * other clients; this finds the part that is left.
 *
 * <p>Threading notes: not thread-safe; owned by the dispatcher, which serialises calls.
 */
final class AdaptiveRateLimiter {
    private static final double MIN_FACTOR = 0.1;
    private static final double RECOVERY_PER_SECOND = 0.1;
    private static final long SECOND = 1_000_000_000L;
    /** Calls the pacer lets through back to back after a quiet spell (within the hard window's limit). */
    private static final int BURST = 4;

    private final double margin;
    private double nominalRate;
    private double factor = 1.0;
    private long lastThrottleNanos = Long.MIN_VALUE / 2;
    private long lastRecoveryNanos;
    /** Start times of the most recent calls, oldest first; at most {@code capacity} kept. */
    private final ArrayDeque<Long> recent = new ArrayDeque<>();
    /** GCRA: the theoretical arrival time of the next call. */
    private long pacerNanos;

    AdaptiveRateLimiter(double nominalRate, double margin, long nowNanos) {
        if (margin < 0 || margin >= 1) {
            throw new IllegalArgumentException("margin must be in [0, 1) but was " + margin);
        }
        this.margin = margin;
        setNominalRate(nominalRate);
        this.lastRecoveryNanos = nowNanos;
        this.pacerNanos = nowNanos;
    }

    /** Changes the rate (e.g. when partitions are assigned or revoked); 0 stops all calls. */
    void setNominalRate(double rate) {
        if (rate < 0 || Double.isNaN(rate) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be a finite number >= 0 but was " + rate);
        }
        this.nominalRate = rate;
    }

    /** Calls per window now. */
    private int capacity() {
        return Math.max(1, (int) Math.floor(nominalRate * factor));
    }

    /** The hard window's length now, in nanoseconds. */
    private long windowNanos() {
        double rate = nominalRate * factor;
        double seconds = rate >= 1 ? 1.0 : 1.0 / rate;
        return (long) (seconds * (1 + margin) * SECOND);
    }

    /** The sustained rate the limiter allows now (calls per second). */
    double effectiveRate() {
        return nominalRate <= 0 ? 0 : capacity() / (windowNanos() / (double) SECOND);
    }

    /**
     * Reserves the next call.
     *
     * @return nanoseconds to wait before making it; {@code Long.MAX_VALUE} when the rate is 0 (nothing reserved)
     */
    long reserve(long nowNanos) {
        if (nominalRate <= 0) {
            return Long.MAX_VALUE;
        }
        recover(nowNanos);
        int capacity = capacity();
        long window = windowNanos();
        long interval = window / capacity;
        while (recent.size() > capacity) {
            recent.pollFirst();
        }
        long at = nowNanos;
        if (recent.size() == capacity) {
            at = Math.max(at, recent.peekFirst() + window);
        }
        at = Math.max(at, pacerNanos - (long) (BURST - 1) * interval);
        pacerNanos = Math.max(pacerNanos, at) + interval;
        recent.addLast(at);
        if (recent.size() > capacity) {
            recent.pollFirst();
        }
        return at - nowNanos;
    }

    /** The provider refused a call for its rate limit. */
    void throttled(long nowNanos) {
        if (nowNanos - lastThrottleNanos >= SECOND) {
            factor = Math.max(MIN_FACTOR, factor / 2);
            lastThrottleNanos = nowNanos;
            lastRecoveryNanos = nowNanos;
        }
    }

    private void recover(long nowNanos) {
        if (factor >= 1.0) {
            lastRecoveryNanos = nowNanos;
            return;
        }
        long elapsed = nowNanos - lastRecoveryNanos;
        if (elapsed >= SECOND) {
            long seconds = elapsed / SECOND;
            factor = Math.min(1.0, factor + RECOVERY_PER_SECOND * seconds);
            lastRecoveryNanos += seconds * SECOND;
        }
    }

    double factor() {
        return factor;
    }
}
