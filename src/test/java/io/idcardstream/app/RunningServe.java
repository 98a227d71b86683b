package io.idcardstream.app;

import io.idcardstream.ocr.IdCardRecognizer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** {@code serve} run in-process on its own thread with a given recogniser and environment, stopped by the test. */
final class RunningServe implements AutoCloseable {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Pattern LISTENING = Pattern.compile("API listening on http://([^/]+)/");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CompletableFuture<Void> stop = new CompletableFuture<>();
    private final CompletableFuture<Integer> exit;
    private final String endpoint;

    RunningServe(IdCardRecognizer recognizer, Map<String, String> environment, String... args) {
        this((config, fetcher) -> recognizer, environment, args);
    }

    RunningServe(ServeCommand.RecognizerFactory recognizers, Map<String, String> environment, String... args) {
        CommandLine commandLine = new CommandLine(new ServeCommand(recognizers, environment, stop));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        exit = CompletableFuture.supplyAsync(() -> commandLine.execute(args));
        endpoint = awaitEndpoint();
    }

    private String awaitEndpoint() {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < end) {
            Matcher matcher = LISTENING.matcher(out.toString());
            if (matcher.find() && out.toString().contains("X-TC-Timestamp: $TS")) {
                return matcher.group(1);
            }
            if (exit.isDone()) {
                throw new AssertionError("serve exited with " + exit.join() + ": " + err);
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        throw new AssertionError("serve did not start within " + DEADLINE + "; output so far: " + out + err);
    }

    /** {@code host:port}. */
    String endpoint() {
        return endpoint;
    }

    /** Everything printed to stdout until now. */
    String stdout() {
        return out.toString();
    }

    String stderr() {
        return err.toString();
    }

    /** Stops serve and returns its exit code. */
    int stop() throws Exception {
        stop.complete(null);
        return exit.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws Exception {
        if (!exit.isDone()) {
            stop();
        }
    }
}
