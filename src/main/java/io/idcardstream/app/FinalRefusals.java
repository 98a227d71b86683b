package io.idcardstream.app;

import io.idcardstream.fetch.ImageFetchException;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.IdCardRecognizer;
import io.idcardstream.ocr.OcrException;
import io.idcardstream.ocr.ProviderDescription;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A recogniser whose image-download refusals are final. The local engine answers an ImageUrl the SSRF guard
 * refuses (loopback, private or metadata address, a scheme other than http(s)) with
 * {@code FailedOperation.DownLoadError}, the code {@code serve} and Tencent give for any URL they cannot download.
 * That code is retried, for an image host down for a moment; a refused address is refused again on every
 * attempt, so its failure is marked {@link OcrException#permanent() permanent} and answered at once.
 *
 * <p>It lives in {@code app} because only {@code app} sees both the fetcher's reasons and the recogniser.
 *
 * <p>Threading notes: thread-safe; adds no threads (futures complete on the delegate's).
 */
final class FinalRefusals implements IdCardRecognizer {
    private final IdCardRecognizer delegate;

    private FinalRefusals(IdCardRecognizer delegate) {
        this.delegate = delegate;
    }

    static IdCardRecognizer wrap(IdCardRecognizer recognizer) {
        return new FinalRefusals(recognizer);
    }

    @Override
    public CompletableFuture<IdCardOcrResult> recognize(IdCardOcrRequest request) {
        CompletableFuture<IdCardOcrResult> result = new CompletableFuture<>();
        delegate.recognize(request).whenComplete((value, failure) -> {
            if (failure == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(finalIfRefused(failure));
            }
        });
        return result;
    }

    private static Throwable finalIfRefused(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof OcrException ocr && ocr.getCause() instanceof ImageFetchException fetch
                && fetch.reason() == ImageFetchException.Reason.REFUSED) {
            return ocr.permanent();
        }
        return cause;
    }

    @Override
    public ProviderDescription description() {
        return delegate.description();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
