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

    /**
     * Closes {@code server} once every request it admitted has been answered, failing if one is still open after
     * 5 s. A request's place is freed just after its answer is written, so a client may be a moment ahead.
     */
    static void closeOnceAnswered(IdCardOcrServer server) {
        try {
            until("requests left unanswered", server::inFlight, 0, Duration.ofSeconds(5));
        } finally {
            server.close();
        }
    }
}
