package io.idcardstream.worker;

import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.IdCardRecognizer;
import io.idcardstream.ocr.OcrException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * One OCR call that ends within its deadline whatever the recogniser does: it completes with the recogniser's
 * answer, or fails with {@code ClientTimeout} at the deadline, and every failure is an {@link OcrException} (a
 * recogniser that throws anything else has a bug, reported as {@code InternalError} rather than retried).
 */
final class BoundedCall {
    private BoundedCall() {}

    static CompletableFuture<IdCardOcrResult> start(IdCardRecognizer recognizer, IdCardOcrRequest request,
            Duration timeout) {
        CompletableFuture<IdCardOcrResult> future;
        try {
            future = recognizer.recognize(request);
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<IdCardOcrResult> bounded = future.copy();
        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS).execute(() ->
                bounded.completeExceptionally(new OcrException(ErrorCodes.CLIENT_TIMEOUT, "No answer within "
                        + timeout.toMillis() + " ms", null)));
        return bounded;
    }

    /** The failure as the API's error, unwrapping what the future wrapped. */
    static OcrException asOcrException(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof OcrException ocr) {
            return ocr;
        }
        return new OcrException(ErrorCodes.INTERNAL_ERROR,
                "The recogniser failed unexpectedly: " + cause.getClass().getName(), null, cause);
    }
}
