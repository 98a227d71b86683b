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
    /** Of {@link #bySeq}, the replays (reprocess=true): they have a capacity of their own. */
    private int replays;
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
        if (isReplay(request)) {
            replays++;
        }
        if (request.state().getKind() == PendingKind.CALL) {
            callsByRequestId.put(request.scopedRequestId(), request.seq());
        }
        return keyOrder.enqueue(request.state().getKey(), request.seq());
    }

    /** Removes the answered {@code request}; its key's next request, which may start now, if any. */
    Optional<PendingCall> answered(PendingCall request) {
        if (bySeq.remove(request.seq()) != null && isReplay(request)) {
            replays--;
        }
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
     * Full when either class is at its capacity. The next record's class is not known yet, so a full replay class
     * stops live records too: its capacity is large enough that a replay burst is taken in whole and then waits
     * for its share of the quota as pending requests, not as records the partition cannot get past.
     */
    boolean full(AsyncSettings async) {
        return bySeq.size() - replays >= async.maxPendingPerPartition()
                || replays >= async.maxPendingReplaysPerPartition();
    }

    private static boolean isReplay(PendingCall request) {
        return request.event().getReprocess();
    }

    /**
     * Back-pressure: a full task takes no new record until a request is answered, waiting at most
     * {@code pendingFullWait} and then taking it anyway (counted as overflow), so a stuck provider cannot hold a
     * transaction open. The wait keeps picking up finished work, so it ends as soon as the provider answers.
     */
    void awaitRoom(DispatchLane lane, AsyncSettings async, LongSupplier nanoClock, Runnable pickUpFinishedWork) {
        long deadline = nanoClock.getAsLong() + async.pendingFullWait().toNanos();
        while (full(async)) {
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
        replays = 0;
    }
}
