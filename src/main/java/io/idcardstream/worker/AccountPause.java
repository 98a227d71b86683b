package io.idcardstream.worker;

import io.idcardstream.ocr.OcrException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long account-wide errors (credentials, billing, endpoint) stop every call: a pause from the error on, which
 * doubles (up to a maximum) while the error persists and starts over at its first length after a call succeeds.
 * The first call after a pause probes whether the account works again.
 *
 * <p>Threading notes: not thread-safe; the dispatcher guards it with its lock.
 */
final class AccountPause {
    private static final Logger log = LoggerFactory.getLogger(AccountPause.class);

    private final WorkerMetrics metrics;
    private final long initialNanos;
    private final long maxNanos;
    private long nextNanos;
    private long untilNanos;

    AccountPause(Duration initial, Duration max, long nowNanos, WorkerMetrics metrics) {
        this.metrics = metrics;
        this.initialNanos = initial.toNanos();
        this.maxNanos = max.toNanos();
        this.nextNanos = initialNanos;
        this.untilNanos = nowNanos;
    }

    /**
     * A call ended at {@code nowNanos}: an account-wide error ({@link FailureDecision#pausesAllCalls}) pauses every
     * call, a success shows the account works and the next pause starts short again; {@code error} is null for a
     * success.
     */
    void callEnded(OcrException error, long nowNanos) {
        if (error == null) {
            nextNanos = initialNanos;
        } else if (FailureDecision.pausesAllCalls(error)) {
            long length = nextNanos;
            untilNanos = Math.max(untilNanos, nowNanos + length);
            nextNanos = Math.min(maxNanos, nextNanos * 2);
            log.warn("OCR calls paused for {} ms after {}: every call would fail until the account or configuration "
                    + "is fixed; the next call after the pause checks again", TimeUnit.NANOSECONDS.toMillis(length),
                    error.code());
            metrics.paused(error.code());
        }
    }

    boolean pausedAt(long nowNanos) {
        return nowNanos < untilNanos;
    }

    /** Nanoseconds until calls may resume; 0 or less when they may now. */
    long remainingAt(long nowNanos) {
        return untilNanos - nowNanos;
    }
}
