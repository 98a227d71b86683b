package io.idcardstream.server;

import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.IdCardRecognizer;
import io.idcardstream.ocr.OcrException;
import io.idcardstream.ocr.ProviderDescription;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A hand-written recogniser for tests of the server: answers every request by a script (a fixed result, an
 * API error, a result after a delay, a gate the test opens, or never) and records every request it got.
 * A scripted recogniser behind the real server, called through the real SDK over real HTTP, is how the
 * server is tested until (and besides) the local engine.
 *
 * <p>Threading notes: thread-safe; answers complete on the caller's thread, on the JDK's delayed executor,
 * or on the thread that opens the gate.
 */
public final class ScriptedRecognizer implements IdCardRecognizer {
    private final Function<IdCardOcrRequest, CompletableFuture<IdCardOcrResult>> script;
    private final List<IdCardOcrRequest> requests = new CopyOnWriteArrayList<>();
    private final Queue<CompletableFuture<IdCardOcrResult>> gated;
    private final IdCardOcrResult gatedResult;
    private volatile boolean closed;

    private ScriptedRecognizer(Function<IdCardOcrRequest, CompletableFuture<IdCardOcrResult>> script) {
        this(script, new ConcurrentLinkedQueue<>(), null);
    }

    private ScriptedRecognizer(Function<IdCardOcrRequest, CompletableFuture<IdCardOcrResult>> script,
                               Queue<CompletableFuture<IdCardOcrResult>> gated, IdCardOcrResult gatedResult) {
        this.script = script;
        this.gated = gated;
        this.gatedResult = gatedResult;
    }

    /** Answers every request with {@code result} at once. */
    public static ScriptedRecognizer returning(IdCardOcrResult result) {
        return new ScriptedRecognizer(request -> CompletableFuture.completedFuture(result));
    }

    /** Answers every request with {@code result} after {@code latency} (the recogniser's "own time"). */
    public static ScriptedRecognizer returningAfter(IdCardOcrResult result, Duration latency) {
        return new ScriptedRecognizer(request -> CompletableFuture.supplyAsync(() -> result,
                CompletableFuture.delayedExecutor(latency.toNanos(), TimeUnit.NANOSECONDS)));
    }

    /** Fails every request with the API error {@code code}. */
    public static ScriptedRecognizer failing(String code, String message) {
        return new ScriptedRecognizer(request -> CompletableFuture.failedFuture(new OcrException(code, message, null)));
    }

    /** Never answers (a hung recogniser). */
    public static ScriptedRecognizer neverAnswering() {
        return new ScriptedRecognizer(request -> new CompletableFuture<>());
    }

    /** Holds every request until {@link #openGate()}, then answers all of them with {@code result}. */
    public static ScriptedRecognizer gated(IdCardOcrResult result) {
        Queue<CompletableFuture<IdCardOcrResult>> held = new ConcurrentLinkedQueue<>();
        return new ScriptedRecognizer(request -> {
            CompletableFuture<IdCardOcrResult> answer = new CompletableFuture<>();
            held.add(answer);
            return answer;
        }, held, result);
    }

    /** Answers every request held by {@link #gated}. */
    public void openGate() {
        for (CompletableFuture<IdCardOcrResult> answer = gated.poll(); answer != null; answer = gated.poll()) {
            answer.complete(gatedResult);
        }
    }

    @Override
    public CompletableFuture<IdCardOcrResult> recognize(IdCardOcrRequest request) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("recogniser closed"));
        }
        requests.add(request);
        return script.apply(request);
    }

    /** Every request received, in arrival order. */
    public List<IdCardOcrRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public ProviderDescription description() {
        return new ProviderDescription("scripted", null, "test", null);
    }

    @Override
    public void close() {
        closed = true;
        gated.forEach(answer -> answer.completeExceptionally(new IllegalStateException("recogniser closed")));
    }
}
