package io.idcardstream.testing;

import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.IdCardRecognizer;
import io.idcardstream.ocr.ImageSource;
import io.idcardstream.ocr.OcrException;
import io.idcardstream.ocr.ProviderDescription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A recogniser for tests of the worker: answers each image (inline bytes as UTF-8 text, or the URL)
 * with a scripted result or failure, and records every request it was asked.
 */
public final class ImageScriptedRecognizer implements IdCardRecognizer {
    public static final ProviderDescription PROVIDER = new ProviderDescription("scripted", "test", "1.0", "none");

    private final Map<String, Function<IdCardOcrRequest, CompletableFuture<IdCardOcrResult>>> script =
            new ConcurrentHashMap<>();
    private final List<IdCardOcrRequest> requests = new CopyOnWriteArrayList<>();

    public ImageScriptedRecognizer answer(String image, IdCardOcrResult result) {
        script.put(image, request -> CompletableFuture.completedFuture(result));
        return this;
    }

    public ImageScriptedRecognizer fail(String image, OcrException error) {
        script.put(image, request -> CompletableFuture.failedFuture(error));
        return this;
    }

    public ImageScriptedRecognizer crash(String image, RuntimeException bug) {
        script.put(image, request -> CompletableFuture.failedFuture(bug));
        return this;
    }

    public ImageScriptedRecognizer hang(String image) {
        script.put(image, request -> new CompletableFuture<>());
        return this;
    }

    /** Answers after {@code latency}, on another thread (so calls finish out of order). */
    public ImageScriptedRecognizer answerAfter(String image, IdCardOcrResult result, Duration latency) {
        script.put(image, request -> CompletableFuture.supplyAsync(() -> result,
                CompletableFuture.delayedExecutor(latency.toMillis(), TimeUnit.MILLISECONDS)));
        return this;
    }

    /** Fails the first {@code times} calls for the image with {@code error}, then answers {@code result}. */
    public ImageScriptedRecognizer failTimes(String image, int times, OcrException error, IdCardOcrResult result) {
        AtomicInteger calls = new AtomicInteger();
        script.put(image, request -> calls.incrementAndGet() <= times
                ? CompletableFuture.failedFuture(error) : CompletableFuture.completedFuture(result));
        return this;
    }

    /** How many calls were made for the image. */
    public long calls(String image) {
        return requests.stream().filter(r -> key(r.image()).equals(image)).count();
    }

    public List<IdCardOcrRequest> requests() {
        return List.copyOf(requests);
    }

    public static String key(ImageSource image) {
        return image instanceof ImageSource.Inline inline
                ? new String(inline.bytes(), StandardCharsets.UTF_8) : ((ImageSource.Url) image).url();
    }

    @Override
    public CompletableFuture<IdCardOcrResult> recognize(IdCardOcrRequest request) {
        requests.add(request);
        var answer = script.get(key(request.image()));
        if (answer == null) {
            return CompletableFuture.failedFuture(new AssertionError("no scripted answer for " + request.image()));
        }
        return answer.apply(request);
    }

    @Override
    public ProviderDescription description() {
        return PROVIDER;
    }

    @Override
    public void close() {}
}
