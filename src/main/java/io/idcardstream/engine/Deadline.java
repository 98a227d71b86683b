package io.idcardstream.engine;

import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.OcrException;
import java.time.Duration;

/**
 * When a call must be finished, checked between the pipeline's stages so a call whose caller has already been
 * answered with a timeout stops spending CPU at the next stage boundary.
 *
 * <p>Thread-safe (immutable).
 */
public final class Deadline {
    private final long deadlineNanos;
    private final Duration budget;

    private Deadline(long deadlineNanos, Duration budget) {
        this.deadlineNanos = deadlineNanos;
        this.budget = budget;
    }

    /** A deadline {@code budget} from now. */
    public static Deadline in(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos(), budget);
    }

    /** No deadline (for the benchmark and command-line tools). */
    public static Deadline none() {
        return new Deadline(Long.MAX_VALUE, null);
    }

    /** The message of a call that missed this deadline, the same wherever it is noticed. */
    public String missedMessage() {
        return "no result within " + (budget == null ? "∞" : budget.toMillis() + " ms");
    }

    public boolean passed() {
        return deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0;
    }

    /** @throws OcrException {@code ClientTimeout} once the deadline has passed */
    public void check() throws OcrException {
        if (passed()) {
            throw new OcrException(ErrorCodes.CLIENT_TIMEOUT, missedMessage(), null);
        }
    }
}
