package io.idcardstream.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OrtException;
import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.OcrException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedWorkTest {

    private static final ThreadFactory HELPERS = runnable -> {
        Thread thread = new Thread(runnable, "test-helper");
        thread.setDaemon(true);
        return thread;
    };

    @Test
    void shouldRunEveryItemOnceWithTheCallerAndAHelperAtTheSameTime() throws Exception {
        // Given two threads per batch, and a first item that only finishes once another item has begun
        try (SharedWork work = new SharedWork(2, 1, HELPERS)) {
            CountDownLatch secondBegun = new CountDownLatch(1);
            Map<Integer, String> ranOn = new ConcurrentHashMap<>();
            AtomicInteger runs = new AtomicInteger();
            boolean[] overlapped = new boolean[1];

            // When the batch runs
            work.runAll(new int[] {2, 0, 1, 3}, index -> {
                runs.incrementAndGet();
                ranOn.put(index, Thread.currentThread().getName());
                if (index == 2) {
                    overlapped[0] = await(secondBegun);
                } else {
                    secondBegun.countDown();
                }
            }, Deadline.none());

            // Then every item ran exactly once, two of them at the same time on the caller and the helper
            assertThat(runs).hasValue(4);
            assertThat(ranOn).containsOnlyKeys(0, 1, 2, 3);
            assertThat(overlapped[0]).isTrue();
            assertThat(ranOn.values()).contains(Thread.currentThread().getName(), "test-helper");
        }
    }

    @Test
    void shouldReturnOnlyOnceTheItemsTheHelperBeganHaveFinished() throws Exception {
        // Given a batch of two items whose helper-run item lingers after the caller's item is done
        try (SharedWork work = new SharedWork(2, 1, HELPERS)) {
            CountDownLatch bothBegun = new CountDownLatch(2);
            CountDownLatch never = new CountDownLatch(1);
            AtomicInteger finished = new AtomicInteger();
            String caller = Thread.currentThread().getName();

            // When it runs
            work.runAll(new int[] {0, 1}, index -> {
                bothBegun.countDown();
                await(bothBegun);
                if (!Thread.currentThread().getName().equals(caller)) {
                    awaitBriefly(never);
                }
                finished.incrementAndGet();
            }, Deadline.none());

            // Then both items had finished when it returned
            assertThat(finished).hasValue(2);
        }
    }

    @Test
    void shouldDoEverythingOnTheCallerWhenTheHelpersAreBusy() throws Exception {
        // Given one helper, held by another batch whose items wait for a release
        try (SharedWork work = new SharedWork(2, 1, HELPERS)) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch bothHeld = new CountDownLatch(2);
            Thread other = new Thread(() -> {
                try {
                    work.runAll(new int[] {0, 1}, index -> {
                        bothHeld.countDown();
                        await(release);
                    }, Deadline.none());
                } catch (OrtException | OcrException e) {
                    throw new AssertionError(e);
                }
            });
            other.start();
            assertThat(bothHeld.await(10, TimeUnit.SECONDS)).isTrue();

            // When a second batch runs meanwhile
            List<String> threads = new CopyOnWriteArrayList<>();
            work.runAll(new int[] {0, 1, 2}, index -> threads.add(Thread.currentThread().getName()),
                    Deadline.none());

            // Then the caller ran all of it without waiting for the helper
            assertThat(threads).containsExactly(Thread.currentThread().getName(), Thread.currentThread().getName(),
                    Thread.currentThread().getName());
            release.countDown();
            other.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(other.isAlive()).isFalse();
        }
    }

    @Test
    void shouldThrowTheFailureOfAnItemAfterTheBegunItemsFinish() throws Exception {
        // Given a batch whose item 1 fails
        try (SharedWork work = new SharedWork(2, 1, HELPERS)) {
            // When it runs, then that failure is thrown
            assertThatThrownBy(() -> work.runAll(new int[] {0, 1, 2}, index -> {
                if (index == 1) {
                    throw new OrtException("model failed on line 1");
                }
            }, Deadline.none())).isInstanceOf(OrtException.class).hasMessageContaining("model failed on line 1");
        }
    }

    @Test
    void shouldStopWithClientTimeoutOnceTheDeadlineHasPassed() throws Exception {
        for (int threads : new int[] {1, 2}) {
            // Given a deadline already passed
            try (SharedWork work = new SharedWork(threads, 1, HELPERS)) {
                Deadline passed = Deadline.in(Duration.ofNanos(1));
                waitUntil(passed);
                AtomicInteger runs = new AtomicInteger();

                // When a batch runs, then no item runs and the call times out
                assertThatThrownBy(() -> work.runAll(new int[] {0, 1, 2}, index -> runs.incrementAndGet(), passed))
                        .isInstanceOfSatisfying(OcrException.class,
                                e -> assertThat(e.code()).isEqualTo(ErrorCodes.CLIENT_TIMEOUT));
                assertThat(runs).as("%d threads", threads).hasValue(0);
            }
        }
    }

    @Test
    void shouldNameTheArgumentAndTheValueWhenRefusingIt() {
        assertThatThrownBy(() -> new SharedWork(0, 1, HELPERS)).hasMessage("threads must be >= 1 but was 0");
        assertThatThrownBy(() -> new SharedWork(2, 0, HELPERS)).hasMessage("concurrency must be >= 1 but was 0");
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Lingers a moment (a latch nobody counts down), long enough for a caller that does not wait to return. */
    private static void awaitBriefly(CountDownLatch never) {
        try {
            assertThat(never.await(300, TimeUnit.MILLISECONDS)).isFalse();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(Deadline deadline) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!deadline.passed() && System.nanoTime() < giveUp) {
            Thread.onSpinWait();
        }
        assertThat(deadline.passed()).isTrue();
    }
}
