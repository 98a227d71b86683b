package io.idcardstream.engine;

import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.OcrException;
import java.util.concurrent.TimeUnit;

/**
 * When a call must be finished, checked between the pipeline's stages so a call whose caller has already been
 * answered with a timeout stops spending CPU at the next stage boundary.
 *
 * <p>Thread-safe (immutable).
 */
public final class Deadline {
    private final long deadlineNanos;

    private Deadline(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    /** A deadline {@code nanos} from now. */
    public static Deadline in(long nanos) {
        return new Deadline(System.nanoTime() + nanos);
    }

    /** No deadline (for the benchmark and command-line tools). */
    public static Deadline none() {
        return new Deadline(Long.MAX_VALUE);
    }

    public boolean passed() {
        return deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0;
    }

    public long remaining(TimeUnit unit) {
        return deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE
                : unit.convert(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    /** @throws OcrException {@code ClientTimeout} once the deadline has passed */
    public void check() throws OcrException {
        if (passed()) {
            throw new OcrException(ErrorCodes.CLIENT_TIMEOUT, "the recognition missed its deadline", null);
        }
    }
}
