package io.idcardstream.worker;

import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.OcrException;
import java.util.Deque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One input partition's place at the {@link OcrDispatcher}: the calls it wants made, in order, live requests apart
 * from replays ({@code reprocess=true}) so live traffic can go first, and the results that came back. The stream
 * task fills the ready queues and drains {@code completions}; the dispatcher does the opposite.
 *
 * <p>Threading notes: the queues are concurrent; {@code inFlight} is guarded by the dispatcher's lock.
 */
final class DispatchLane {
    /** A call the task wants made; {@code seq} identifies its pending entry; a replay waits behind live calls. */
    record Call(long seq, IdCardOcrRequest request, long readyAtNanos, boolean replay) {}

    /** How a call ended: a result or an error, and where its time went. */
    record Result(Call call, IdCardOcrResult result, OcrException error, long waitNanos, long callNanos) {}

    private final int partition;
    private final Deque<Call> live = new ConcurrentLinkedDeque<>();
    private final Deque<Call> replays = new ConcurrentLinkedDeque<>();
    private final Queue<Result> completions = new ConcurrentLinkedQueue<>();
    private final Semaphore completed = new Semaphore(0);
    int inFlight;
    volatile boolean closed;

    DispatchLane(int partition) {
        this.partition = partition;
    }

    int partition() {
        return partition;
    }

    /** Queues a call behind the others of its class. */
    void offer(Call call) {
        (call.replay() ? replays : live).addLast(call);
    }

    /** Puts a call back at the head of its class (it was not the call's fault it failed). */
    void offerFirst(Call call) {
        (call.replay() ? replays : live).addFirst(call);
    }

    boolean hasReady(boolean replay) {
        return !(replay ? replays : live).isEmpty();
    }

    /** The next call of the class, or null. */
    Call poll(boolean replay) {
        return (replay ? replays : live).pollFirst();
    }

    void clearReady() {
        live.clear();
        replays.clear();
    }

    void complete(Result result) {
        completions.add(result);
        completed.release();
    }

    /** The next finished call, or null; for the stream thread. */
    Result pollCompletion() {
        Result result = completions.poll();
        if (result != null) {
            completed.tryAcquire();
        }
        return result;
    }

    /** Waits until a call finishes or the time is up; for the stream thread when its task is full. */
    boolean awaitCompletion(long timeoutNanos) throws InterruptedException {
        if (completed.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS)) {
            completed.release(); // pollCompletion takes it
            return true;
        }
        return false;
    }

    int readyCount(boolean replay) {
        return (replay ? replays : live).size();
    }
}
