package io.idcardstream.worker;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Requests waiting for their next attempt (a retry's backoff, or a start time carried over a restart), the
 * earliest first.
 *
 * <p>Threading notes: owned by one stream task.
 */
final class RetrySchedule {
    private final PriorityQueue<PendingCall> waiting =
            new PriorityQueue<>(Comparator.comparingLong(p -> p.state().getNextAttemptAt()));

    void add(PendingCall request) {
        waiting.add(request);
    }

    /** The next request whose time has come by {@code nowMillis}, removed; null when none is due. */
    PendingCall pollDue(long nowMillis) {
        PendingCall first = waiting.peek();
        return first != null && first.state().getNextAttemptAt() <= nowMillis ? waiting.poll() : null;
    }
}
