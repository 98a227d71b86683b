package io.idcardstream.worker;

import io.idcardstream.events.state.PendingKind;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.errors.StreamsException;

/**
 * The task's accepted, unanswered requests in memory, by input offset, with the two things asked of them: which
 * request of a key may run ({@link KeyOrder}), and whether a request id already has a call under way (a repeat
 * that arrives meanwhile is a duplicate, not a second paid call).
 *
 * <p>Threading notes: owned by one stream task.
 */
final class PendingRequests {
    private final Map<Long, PendingCall> bySeq = new HashMap<>();
    private final KeyOrder keyOrder = new KeyOrder();
    /** Calls under way, by {@link IdempotencyLedger#scoped} (subject, request id). */
    private final Map<String, Long> callsByRequestId = new HashMap<>();
    private final WorkerMetrics metrics;

    PendingRequests(WorkerMetrics metrics) {
        this.metrics = metrics;
    }

    /** Adds {@code request}; true when it is the first of its key and may start now. */
    boolean add(PendingCall request) {
        bySeq.put(request.seq(), request);
        metrics.pendingChanged(1);
        if (request.state().getKind() == PendingKind.CALL) {
            callsByRequestId.put(request.scopedRequestId(), request.seq());
        }
        return keyOrder.enqueue(request.state().getKey(), request.seq());
    }

    /** Removes the answered {@code request}; its key's next request, which may start now, if any. */
    Optional<PendingCall> answered(PendingCall request) {
        bySeq.remove(request.seq());
        metrics.pendingChanged(-1);
        callsByRequestId.remove(request.scopedRequestId(), request.seq());
        return keyOrder.answered(request.state().getKey()).stream().mapToObj(bySeq::get).findFirst();
    }

    PendingCall get(long seq) {
        return bySeq.get(seq);
    }

    boolean callUnderWay(PendingCall request) {
        return callsByRequestId.containsKey(request.scopedRequestId());
    }

    int size() {
        return bySeq.size();
    }

    /**
     * Back-pressure: a full task takes no new record until a request is answered, waiting at most
     * {@code pendingFullWait} and then taking it anyway (counted as overflow), so a stuck provider cannot hold a
     * transaction open. The wait keeps picking up finished work, so it ends as soon as the provider answers.
     */
    void awaitRoom(DispatchLane lane, AsyncSettings async, LongSupplier nanoClock, Runnable pickUpFinishedWork) {
        long deadline = nanoClock.getAsLong() + async.pendingFullWait().toNanos();
        while (bySeq.size() >= async.maxPendingPerPartition()) {
            long left = deadline - nanoClock.getAsLong();
            if (left <= 0) {
                metrics.pendingOverflow();
                return;
            }
            try {
                lane.awaitCompletion(Math.min(left, async.pollInterval().toNanos()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StreamsException("Interrupted while waiting for OCR calls to finish", e);
            }
            pickUpFinishedWork.run();
        }
    }

    /** The task is closing: its requests are no longer this instance's to count. */
    void forget() {
        metrics.pendingChanged(-bySeq.size());
        bySeq.clear();
    }
}
