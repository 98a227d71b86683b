package io.idcardstream.worker;

/**
 * A smooth rate limiter (GCRA, burst 1) whose rate adapts to the provider: each {@code RequestLimitExceeded}
 * halves it (at most once per second, so one burst of refusals counts once, and never below a tenth of the
 * nominal rate), and every second without a refusal gives back a tenth of the nominal rate until it is whole
 * again. The quota may be shared with other clients; this finds the part that is left.
 *
 * <p>Threading notes: not thread-safe; owned by the dispatcher, which serialises calls.
 */
final class AdaptiveRateLimiter {
    private static final double MIN_FACTOR = 0.1;
    private static final double RECOVERY_PER_SECOND = 0.1;
    private static final long SECOND = 1_000_000_000L;

    private double nominalRate;
    private double factor = 1.0;
    private long lastThrottleNanos = Long.MIN_VALUE / 2;
    private long lastRecoveryNanos;
    /** Clock reading from which the next token may be used. */
    private long nextFreeNanos;

    AdaptiveRateLimiter(double nominalRate, long nowNanos) {
        setNominalRate(nominalRate);
        this.lastRecoveryNanos = nowNanos;
        this.nextFreeNanos = nowNanos;
    }

    /** Changes the rate (e.g. when partitions are assigned or revoked); 0 stops all calls. */
    void setNominalRate(double rate) {
        if (rate < 0 || Double.isNaN(rate) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be a finite number >= 0 but was " + rate);
        }
        this.nominalRate = rate;
    }

    double effectiveRate() {
        return nominalRate * factor;
    }

    /**
     * Reserves the next token.
     *
     * @return nanoseconds to wait before using it; {@code Long.MAX_VALUE} when the rate is 0 (nothing reserved)
     */
    long reserve(long nowNanos) {
        recover(nowNanos);
        double rate = effectiveRate();
        if (rate <= 0) {
            return Long.MAX_VALUE;
        }
        long interval = (long) (SECOND / rate);
        // Idle time does not accumulate tokens: at most one call goes at once.
        long at = Math.max(nextFreeNanos, nowNanos);
        nextFreeNanos = at + interval;
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
