package io.idcardstream.worker;

import io.idcardstream.ocr.ErrorCategory;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.IdCardRecognizer;
import io.idcardstream.ocr.OcrException;
import io.idcardstream.ocr.ProviderDescription;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the OCR calls of every stream task of this instance, so the quota is used fully and never exceeded: in
 * the slots of the partitions it owns ({@link QuotaSlots}), partitions taking turns ({@link LaneTurns}), at most
 * {@code maxInFlight} at once, each within its deadline ({@link BoundedCall}), none while an account-wide error
 * pauses them ({@link AccountPause}). Threading notes: one thread (from {@link #start}) waits for slots and starts
 * calls; results arrive on the recogniser's threads; stream threads register lanes. {@code lock} guards all state.
 */
public final class OcrDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OcrDispatcher.class);
    private static final long IDLE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final IdCardRecognizer recognizer;
    private final DispatchSettings settings;
    private final LongSupplier nanoClock;
    private final WorkerMetrics metrics;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final LaneTurns lanes;
    /** Null without a quota (the local engine): calls go as fast as the in-flight bounds allow. */
    private final QuotaSlots slots;
    private final Thread thread;
    private int inFlight;
    private final AccountPause pause;
    private volatile boolean closed;

    public OcrDispatcher(IdCardRecognizer recognizer, DispatchSettings settings, LongSupplier nanoClock,
            WorkerMetrics metrics) {
        this.recognizer = recognizer;
        this.settings = settings;
        this.nanoClock = nanoClock;
        this.metrics = metrics;
        this.lanes = new LaneTurns(settings.maxInFlightPerPartition());
        this.slots = settings.rateLimited() ? new QuotaSlots(settings.quotaPerSecond(), settings.safetyMargin(),
                settings.totalPartitions(), nanoClock.getAsLong()) : null;
        this.pause = new AccountPause(settings.initialPause(), settings.maxPause(), nanoClock.getAsLong(), metrics);
        metrics.bindDispatcher(replay -> locked(() -> lanes.readyCount(replay)), this::effectiveRate, this::paused);
        this.thread = new Thread(this::run, "ocr-dispatcher");
        this.thread.setDaemon(true);
    }

    /** Starts making calls (its own thread); a dispatcher not started only queues them. */
    public OcrDispatcher start() {
        thread.start();
        return this;
    }

    /** The clock the dispatcher times calls and slots by; the processors feeding it stamp their calls with it. */
    LongSupplier nanoClock() {
        return nanoClock;
    }

    public ProviderDescription provider() {
        return recognizer.description();
    }

    DispatchLane register(int partition) {
        DispatchLane lane = new DispatchLane(partition);
        lanesChanged(() -> lanes.add(lane));
        return lane;
    }

    /** The lane's queued calls are dropped; its calls in flight finish but their results are discarded. */
    void unregister(DispatchLane lane) {
        lanesChanged(() -> {
            lane.closed = true;
            lane.clearReady();
            lanes.remove(lane);
        });
    }

    /** A partition came or went: the slots this instance may use change with it, at once. */
    private void lanesChanged(Runnable change) {
        locked(() -> {
            change.run();
            if (slots != null) {
                slots.own(lanes.partitions());
            }
            changed.signalAll();
        });
    }

    void submit(DispatchLane lane, DispatchLane.Call call) {
        lane.offer(call);
        signal();
    }

    /** Puts a call back at the head of its lane (after an account-wide error: it was not the call's fault). */
    void resubmitFirst(DispatchLane lane, DispatchLane.Call call) {
        lane.offerFirst(call);
        signal();
    }

    private void signal() {
        locked(changed::signalAll);
    }

    private void locked(Runnable change) {
        lock.lock();
        try {
            change.run();
        } finally {
            lock.unlock();
        }
    }

    private <T> T locked(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (!closed) {
            try {
                dispatchOne();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // Never let one bad call end the dispatcher: every queued request would wait forever.
                log.error("The OCR dispatcher hit an unexpected error; it continues", e);
            }
        }
    }

    private void dispatchOne() throws InterruptedException {
        long waitNanos;
        lock.lock();
        try {
            while (!closed && (nextEligible(false) == null || pause.pausedAt(nanoClock.getAsLong()))) {
                long untilResume = pause.remainingAt(nanoClock.getAsLong());
                changed.awaitNanos(untilResume > 0 ? untilResume : IDLE_WAIT_NANOS);
            }
            if (closed) {
                return;
            }
            waitNanos = slots != null ? slots.reserve(nanoClock.getAsLong()) : 0;
        } finally {
            lock.unlock();
        }
        if (waitNanos == Long.MAX_VALUE) {
            return;
        }
        sleepNanos(waitNanos);
        Taken taken = locked(this::take);
        if (taken != null) {
            start(taken.lane(), taken.call());
        }
    }

    private record Taken(DispatchLane lane, DispatchLane.Call call) {}

    /** The next call, now that its slot has come; null when the slot cannot be used or the work went away. */
    private Taken take() {
        if (slots != null && !slots.usable(nanoClock.getAsLong())) {
            return null; // the slot's partition was revoked while waiting, or the slot passed: the next one is taken
        }
        LaneTurns.Turn turn = nextEligible(true);
        if (turn == null) {
            return null; // the work went away (lane revoked) while the slot came: the slot is unused
        }
        turn.lane().inFlight++;
        inFlight++;
        return new Taken(turn.lane(), turn.lane().poll(turn.replay()));
    }

    private void sleepNanos(long nanos) throws InterruptedException {
        long deadline = nanoClock.getAsLong() + nanos;
        for (long left = nanos; left > 0; left = deadline - nanoClock.getAsLong()) {
            LockSupport.parkNanos(this, left);
            if (Thread.interrupted() || closed) {
                throw new InterruptedException("dispatcher closing");
            }
        }
    }

    /** The next lane whose turn it is, while the instance has room for another call. */
    private LaneTurns.Turn nextEligible(boolean take) {
        return inFlight >= settings.maxInFlight() ? null : lanes.next(take);
    }

    private void start(DispatchLane lane, DispatchLane.Call call) {
        long started = nanoClock.getAsLong();
        long waited = started - call.readyAtNanos();
        metrics.rateLimitWaited(waited);
        metrics.callStarted(call.replay());
        BoundedCall.start(recognizer, call.request(), settings.callTimeout())
                .whenComplete((result, failure) -> finish(lane, call, result, failure, waited, started));
    }

    private void finish(DispatchLane lane, DispatchLane.Call call, IdCardOcrResult result, Throwable failure,
            long waited, long started) {
        long now = nanoClock.getAsLong();
        OcrException error = failure == null ? null : BoundedCall.asOcrException(failure);
        metrics.callEnded(java.time.Duration.ofNanos(now - started), error == null ? WorkerMetrics.OK : error.code());
        locked(() -> {
            lane.inFlight--;
            inFlight--;
            if (error != null && error.classification().category() == ErrorCategory.RATE_LIMIT) {
                if (slots != null) {
                    slots.throttled(now);
                }
                metrics.throttled();
            }
            pause.callEnded(error, now);
            changed.signalAll();
        });
        if (!lane.closed) {
            lane.complete(new DispatchLane.Result(call, result, error, waited, now - started));
        }
    }

    double effectiveRate() {
        return locked(() -> slots != null ? slots.effectiveRate() : Double.POSITIVE_INFINITY);
    }

    /** True while account-wide errors (credentials, billing) stop all calls. */
    public boolean paused() {
        return locked(() -> pause.pausedAt(nanoClock.getAsLong()));
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
