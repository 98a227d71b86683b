package io.idcardstream.engine;

import ai.onnxruntime.OrtException;
import io.idcardstream.ocr.OcrException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one recognition's independent model runs (one per text line) on the calling thread plus up to
 * {@code threads - 1} helper threads. The work is shared rather than handed out: every participant takes the next
 * item not yet taken, so a caller whose helpers are busy with other recognitions does everything itself and never
 * waits for a helper that has not started; it only waits for items a helper has already begun.
 *
 * <p>Threading notes: thread-safe; one instance serves every recognition of a recogniser. Helpers are daemon
 * threads named {@code idcard-engine-line-N}, {@code concurrency × (threads - 1)} of them, so each running
 * recognition can have its share. The caller takes items until none is left and then waits for the ones its
 * helpers have begun, even when interrupted (a model run cannot be interrupted, and the models may only be closed
 * once no run uses them). {@link #close} stops the helpers.
 */
final class SharedWork implements AutoCloseable {

    /** One item of a batch; items must not depend on each other. */
    @FunctionalInterface
    interface Item {
        void run(int index) throws OrtException;
    }

    private final int threads;
    private final ThreadPoolExecutor helpers;

    /**
     * @param threads threads one batch may use, the caller's included: 1 runs everything on the caller
     * @param concurrency batches that may run at once (the recogniser's concurrency)
     * @param threadFactory makes the helper threads
     */
    SharedWork(int threads, int concurrency, ThreadFactory threadFactory) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 but was " + threads);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1 but was " + concurrency);
        }
        this.threads = threads;
        int size = concurrency * (threads - 1);
        this.helpers = size == 0 ? null : new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), threadFactory);
    }

    /**
     * Runs {@code item} for every index of {@code order}, taken in that order (put the longest first so the
     * threads finish together). Returns when every item has run; the first failure stops the batch (items already
     * begun finish) and is thrown.
     *
     * @throws OcrException {@code ClientTimeout} when the deadline passes before every item has begun
     */
    void runAll(int[] order, Item item, Deadline deadline) throws OrtException, OcrException {
        if (helpers == null || order.length < 2) {
            for (int index : order) {
                deadline.check();
                item.run(index);
            }
            return;
        }
        Batch batch = new Batch(order, item, deadline);
        List<Future<?>> offered = new ArrayList<>();
        for (int i = 0; i < Math.min(threads - 1, order.length - 1); i++) {
            try {
                offered.add(helpers.submit(batch::help));
            } catch (RejectedExecutionException e) {
                break; // closing: the caller does the rest
            }
        }
        batch.drain();
        batch.closeAndAwaitHelpers();
        offered.forEach(helper -> helper.cancel(false)); // those still queued need not start at all
        batch.rethrow();
    }

    @Override
    public void close() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }

    /** The items of one call of {@link #runAll}, shared by its participants. */
    private static final class Batch {
        private final int[] order;
        private final Item item;
        private final Deadline deadline;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private boolean closed;
        private int helping;

        Batch(int[] order, Item item, Deadline deadline) {
            this.order = order;
            this.item = item;
            this.deadline = deadline;
        }

        /** A helper's part: nothing once the caller has finished the batch. */
        void help() {
            synchronized (this) {
                if (closed) {
                    return;
                }
                helping++;
            }
            try {
                drain();
            } finally {
                synchronized (this) {
                    helping--;
                    notifyAll();
                }
            }
        }

        /**
         * Called by the caller once no item is left to take: no helper joins any more, and the ones inside an item
         * finish it. The wait is not bounded by the deadline because a model run cannot be stopped (the call itself
         * is answered at its deadline by the recogniser's timer); it lasts one line's run at most.
         */
        synchronized void closeAndAwaitHelpers() {
            closed = true;
            boolean interrupted = false;
            while (helping > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        void drain() {
            int taken;
            while (failure.get() == null && (taken = next.getAndIncrement()) < order.length) {
                try {
                    deadline.check();
                    item.run(order[taken]);
                } catch (OcrException | OrtException | RuntimeException | Error e) {
                    fail(e);
                }
            }
        }

        void fail(Throwable e) {
            failure.compareAndSet(null, e);
        }

        void rethrow() throws OrtException, OcrException {
            Throwable e = failure.get();
            if (e instanceof OrtException ort) {
                throw ort;
            }
            if (e instanceof OcrException ocr) {
                throw ocr;
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e instanceof Error error) {
                throw error;
            }
        }
    }
}
