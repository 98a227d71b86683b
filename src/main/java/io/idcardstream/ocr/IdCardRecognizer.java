package io.idcardstream.ocr;

import java.util.concurrent.CompletableFuture;

/**
 * Recognises one ID card image with the semantics of Tencent Cloud's IDCardOCR (2018-11-19).
 *
 * <p>Threading notes: implementations are thread-safe and never block the caller; the returned future
 * completes on the implementation's own threads, exceptionally with an {@link OcrException} carrying the
 * API's error code. Every call completes within the implementation's configured deadline.
 */
public interface IdCardRecognizer extends AutoCloseable {

    CompletableFuture<IdCardOcrResult> recognize(IdCardOcrRequest request);

    /** Provider, endpoint and versions, for the outcome events. */
    ProviderDescription description();

    /** Stops the recogniser's threads; calls in flight complete exceptionally. */
    @Override
    void close();
}
