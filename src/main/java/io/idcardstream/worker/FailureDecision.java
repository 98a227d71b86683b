package io.idcardstream.worker;

import io.idcardstream.ocr.ErrorClass;
import io.idcardstream.ocr.OcrException;
import java.util.OptionalLong;
import java.util.function.DoubleSupplier;

/**
 * What a failed call means for its request, decided in one place for the dispatcher (which pauses every call on
 * an account-wide error) and the processor (which answers, schedules the retry, or puts the request back):
 *
 * <ul>
 *   <li>{@link Kind#PAUSE_AND_REQUEUE}: every call would fail the same way (credentials, billing, endpoint); not
 *       this request's fault, so it waits at the head of its lane and the attempt does not count;</li>
 *   <li>{@link Kind#RETRY_AT}: retryable, and the {@link RetryPolicy} allows another attempt at
 *       {@link #retryAtMillis};</li>
 *   <li>{@link Kind#ANSWER}: terminal, or retryable with no attempt left: the request is answered as failed.</li>
 * </ul>
 *
 * @param retryAtMillis when to try again, for {@link Kind#RETRY_AT}; 0 otherwise
 */
record FailureDecision(Kind kind, long retryAtMillis) {
    enum Kind { ANSWER, RETRY_AT, PAUSE_AND_REQUEUE }

    private static final FailureDecision ANSWER = new FailureDecision(Kind.ANSWER, 0);
    private static final FailureDecision PAUSE_AND_REQUEUE = new FailureDecision(Kind.PAUSE_AND_REQUEUE, 0);

    /** Whether {@code error} stops every call of the instance for a while. */
    static boolean pausesAllCalls(OcrException error) {
        return error.classification().pausesProcessing();
    }

    /**
     * @param attemptsMade calls made for the request, the failed one included
     * @param acceptedAtMillis when the request was accepted (the retry deadline counts from there)
     */
    static FailureDecision of(OcrException error, RetryPolicy retry, int attemptsMade, long acceptedAtMillis,
            long nowMillis, DoubleSupplier random) {
        if (pausesAllCalls(error)) {
            return PAUSE_AND_REQUEUE;
        }
        ErrorClass kind = error.classification();
        if (kind.retryable()) {
            OptionalLong next = retry.nextAttemptAt(attemptsMade, acceptedAtMillis, nowMillis, random);
            if (next.isPresent()) {
                return new FailureDecision(Kind.RETRY_AT, next.getAsLong());
            }
        }
        return ANSWER;
    }
}
