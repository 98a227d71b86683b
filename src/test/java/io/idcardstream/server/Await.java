package io.idcardstream.server;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Waits for a condition with a deadline, reporting what was expected and what was last seen. */
final class Await {
    private Await() {}

    static <T> void until(String what, Supplier<T> actual, T expected, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        T last = actual.get();
        while (!expected.equals(last)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Waited " + deadline.toMillis() + " ms for " + what + " to be " + expected
                        + " but it was " + last);
            }
            LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
            last = actual.get();
        }
    }
}
