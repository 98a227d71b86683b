package io.idcardstream.app;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT as a stop request the long-running commands answer themselves, so they close what they run
 * and exit with their own code ("0: stopped on request"). With only a shutdown hook the JVM exits 128 + the
 * signal number (143 for SIGTERM) whatever the command returns: {@code System.exit} from {@code main} waits behind
 * the hooks already running. A second signal while stopping exits at once with that code, so a stuck stop can
 * still be interrupted.
 *
 * <p>{@code sun.misc.Signal} (module {@code jdk.unsupported}) is the JDK's only way to handle a signal; where a
 * signal cannot be handled (e.g. {@code -Xrs}), the JVM's default remains and the command's shutdown hook stops it.
 *
 * <p>Threading notes: the returned future completes on the JVM's signal-handler thread.
 */
final class StopSignals {
    private StopSignals() {}

    /** Handles SIGTERM and SIGINT from now on; the future completes with the first signal's name. */
    static CompletableFuture<String> install() {
        CompletableFuture<String> stop = new CompletableFuture<>();
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (!stop.complete("SIG" + signal.getName())) {
                        System.exit(128 + signal.getNumber());
                    }
                });
            } catch (IllegalArgumentException e) {
                // Reserved by the JVM or unknown here: the default handling (shutdown hooks, 128 + n) stays.
            }
        }
        return stop;
    }
}
