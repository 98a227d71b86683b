package io.idcardstream.worker;

import io.idcardstream.ocr.ErrorCategory;
import io.idcardstream.ocr.ErrorClass;
import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.IdCardRecognizer;
import io.idcardstream.ocr.OcrException;
import io.idcardstream.ocr.ProviderDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the OCR calls of every stream task of this instance, so the quota is used fully and never exceeded.
 *
 * <ul>
 *   <li><b>Rate:</b> calls only in the time slots of the partitions this instance owns ({@link QuotaSlots}):
 *       exactly {@code quota × owned partitions ÷ all partitions}, fractions included, and never two instances
 *       in one slot. Lanes (partitions) with work take turns, so each busy partition gets at least its own
 *       slots' rate and the slots of quiet partitions go to busy ones instead of being lost.</li>
 *   <li><b>Adaptive:</b> {@code RequestLimitExceeded} slows the instance down ({@link QuotaSlots}).</li>
 *   <li><b>Bounded:</b> at most {@code maxInFlight} calls, and {@code maxInFlightPerPartition} per lane.</li>
 *   <li><b>Account-wide errors pause:</b> after an error that every call would get (credentials, billing,
 *       endpoint), no call is made for a pause that doubles while the error persists; the next call probes.</li>
 * </ul>
 *
 * <p>Threading notes: one dispatcher thread takes tokens and starts calls; results arrive on the recogniser's
 * threads and are handed to the lane. Lanes are registered and unregistered by stream threads. All shared
 * state is guarded by {@code lock}.
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
    private final List<DispatchLane> lanes = new ArrayList<>();
    /** Null without a quota (the local engine): calls go as fast as the in-flight bounds allow. */
    private final QuotaSlots slots;
    private final Thread thread;
    private int nextLane;
    private int inFlight;
    private long pausedUntilNanos;
    private long pauseNanos;
    private volatile boolean closed;

    public OcrDispatcher(IdCardRecognizer recognizer, DispatchSettings settings, LongSupplier nanoClock,
            WorkerMetrics metrics) {
        this.recognizer = recognizer;
        this.settings = settings;
        this.nanoClock = nanoClock;
        this.metrics = metrics;
        this.slots = settings.rateLimited() ? new QuotaSlots(settings.quotaPerSecond(), settings.safetyMargin(),
                settings.totalPartitions(), nanoClock.getAsLong()) : null;
        this.pauseNanos = settings.initialPause().toNanos();
        this.pausedUntilNanos = nanoClock.getAsLong();
        metrics.bindDispatcher(this::readyCount, this::effectiveRate, this::paused);
        this.thread = new Thread(this::run, "ocr-dispatcher");
        this.thread.setDaemon(true);
        this.thread.start();
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
        lock.lock();
        try {
            lanes.add(lane);
            updateRate();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return lane;
    }

    /** The lane's queued calls are dropped; its calls in flight finish but their results are discarded. */
    void unregister(DispatchLane lane) {
        lock.lock();
        try {
            lane.closed = true;
            lane.ready().clear();
            lanes.remove(lane);
            updateRate();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void submit(DispatchLane lane, DispatchLane.Call call) {
        lane.ready().addLast(call);
        signal();
    }

    /** Puts a call back at the head of its lane (after an account-wide error: it was not the call's fault). */
    void resubmitFirst(DispatchLane lane, DispatchLane.Call call) {
        lane.ready().addFirst(call);
        signal();
    }

    private void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void updateRate() {
        if (slots != null) {
            slots.own(lanes.stream().map(DispatchLane::partition).toList());
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
            while (!closed && (nextEligible(false) == null || nanoClock.getAsLong() < pausedUntilNanos)) {
                long untilResume = pausedUntilNanos - nanoClock.getAsLong();
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
        DispatchLane lane;
        DispatchLane.Call call;
        lock.lock();
        try {
            if (slots != null && !slots.usable(nanoClock.getAsLong())) {
                return; // the slot's partition was revoked while waiting, or the slot passed: the next one is taken
            }
            lane = nextEligible(true);
            if (lane == null) {
                return; // the work went away (lane revoked) while the slot came: the slot is unused
            }
            call = lane.ready().pollFirst();
            lane.inFlight++;
            inFlight++;
        } finally {
            lock.unlock();
        }
        start(lane, call);
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

    /** The next lane (round robin) with a call ready and room in flight; advances the turn when taking. */
    private DispatchLane nextEligible(boolean take) {
        if (inFlight >= settings.maxInFlight() || lanes.isEmpty()) {
            return null;
        }
        for (int i = 0; i < lanes.size(); i++) {
            int index = (nextLane + i) % lanes.size();
            DispatchLane lane = lanes.get(index);
            if (!lane.ready().isEmpty() && lane.inFlight < settings.maxInFlightPerPartition()) {
                if (take) {
                    nextLane = index + 1;
                }
                return lane;
            }
        }
        return null;
    }

    private void start(DispatchLane lane, DispatchLane.Call call) {
        long started = nanoClock.getAsLong();
        long waited = started - call.readyAtNanos();
        metrics.rateLimitWaited(waited);
        metrics.callStarted();
        CompletableFuture<IdCardOcrResult> future;
        try {
            future = recognizer.recognize(call.request());
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<IdCardOcrResult> bounded = future.copy();
        CompletableFuture.delayedExecutor(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS).execute(() ->
                bounded.completeExceptionally(new OcrException(ErrorCodes.CLIENT_TIMEOUT, "No answer within "
                        + settings.callTimeout().toMillis() + " ms", null)));
        bounded.whenComplete((result, failure) -> finish(lane, call, result, failure, waited, started));
    }

    private void finish(DispatchLane lane, DispatchLane.Call call, IdCardOcrResult result, Throwable failure,
            long waited, long started) {
        long now = nanoClock.getAsLong();
        OcrException error = failure == null ? null : asOcrException(failure);
        metrics.callEnded(java.time.Duration.ofNanos(now - started), error == null ? WorkerMetrics.OK : error.code());
        lock.lock();
        try {
            lane.inFlight--;
            inFlight--;
            if (error != null) {
                ErrorClass kind = error.classification();
                if (kind.category() == ErrorCategory.RATE_LIMIT) {
                    if (slots != null) {
                        slots.throttled(now);
                    }
                    metrics.throttled();
                }
                if (kind.pausesProcessing()) {
                    pausedUntilNanos = Math.max(pausedUntilNanos, now + pauseNanos);
                    log.warn("OCR calls paused for {} ms after {}: every call would fail until the account or "
                            + "configuration is fixed; the next call after the pause checks again",
                            TimeUnit.NANOSECONDS.toMillis(pauseNanos), error.code());
                    metrics.paused(error.code());
                    pauseNanos = Math.min(settings.maxPause().toNanos(), pauseNanos * 2);
                }
            } else {
                pauseNanos = settings.initialPause().toNanos();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (!lane.closed) {
            lane.complete(new DispatchLane.Result(call, result, error, waited, now - started));
        }
    }

    static OcrException asOcrException(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof OcrException ocr) {
            return ocr;
        }
        // A recogniser must fail with OcrException; anything else is a bug, reported rather than retried.
        return new OcrException(ErrorCodes.INTERNAL_ERROR,
                "The recogniser failed unexpectedly: " + cause.getClass().getName(), null, cause);
    }

    int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    int readyCount() {
        lock.lock();
        try {
            return lanes.stream().mapToInt(DispatchLane::readyCount).sum();
        } finally {
            lock.unlock();
        }
    }

    double effectiveRate() {
        lock.lock();
        try {
            return slots != null ? slots.effectiveRate() : Double.POSITIVE_INFINITY;
        } finally {
            lock.unlock();
        }
    }

    /** True while account-wide errors (credentials, billing) stop all calls. */
    public boolean paused() {
        lock.lock();
        try {
            return nanoClock.getAsLong() < pausedUntilNanos;
        } finally {
            lock.unlock();
        }
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
