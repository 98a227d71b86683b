package io.idcardstream.worker;

import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.IdCardRecognizer;
import io.idcardstream.ocr.OcrException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers each request with exactly one outcome: an {@code IdentityRecognized} to the recognised sink, an
 * {@code IdCardOcrFailed} to the failed sink, or (for a record that decodes to nothing) the original record to
 * the dead-letter sink.
 *
 * <p>One instance per stream task, i.e. per input partition; it owns that partition's token bucket, so the
 * partitions of the request topic share the quota evenly. The OCR call blocks the stream thread, bounded by
 * the token wait and the call deadline.
 *
 * <p>Threading notes: used only from its stream thread.
 */
final class BlockingOcrProcessor implements Processor<String, IdCardOcrRequested, String, Object> {
    private static final Logger log = LoggerFactory.getLogger(BlockingOcrProcessor.class);

    private final WorkerSettings settings;
    private final BlockingSettings rate;
    private final IdCardRecognizer recognizer;
    private final RequestTranslator translator;
    private final OutcomeMapper outcomes;
    private final Clock clock;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private final WorkerMetrics metrics;

    private ProcessorContext<String, Object> context;
    private TokenBucket bucket;

    /** Waits for the rate limiter; a seam so tests need not sleep. */
    @FunctionalInterface
    interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    BlockingOcrProcessor(WorkerSettings settings, BlockingSettings rate, IdCardRecognizer recognizer, OutcomeMapper outcomes, Clock clock,
            LongSupplier nanoClock, Sleeper sleeper, WorkerMetrics metrics) {
        this.settings = settings;
        this.rate = rate;
        this.recognizer = recognizer;
        this.translator = new RequestTranslator(settings.inlineImageMaxBytes());
        this.outcomes = outcomes;
        this.clock = clock;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.bucket = new TokenBucket(rate.partitionRate(), 1, nanoClock);
    }

    @Override
    public void process(Record<String, IdCardOcrRequested> record) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        IdCardOcrRequested event = record.value();
        if (event == null) {
            DeadLetters.forwardTombstone(context, record, metrics);
            return;
        }
        Instant receivedAt = clock.instant();
        String key = event.getSubjectId();
        Object outcome = answer(event, receivedAt, source);
        // Outcomes carry no input headers (they may hold anything); the event's attributes carry context.
        if (outcome instanceof IdCardOcrFailed failed) {
            context.forward(new Record<>(key, outcome, record.timestamp()), IdCardTopology.FAILED_SINK);
            metrics.outcome("failed", failed.getErrorCode());
        } else {
            context.forward(new Record<>(key, outcome, record.timestamp()), IdCardTopology.RECOGNIZED_SINK);
            metrics.outcome("recognized", WorkerMetrics.OK);
        }
    }

    private Object answer(IdCardOcrRequested event, Instant receivedAt, RecordMetadata source) {
        IdCardOcrRequest request;
        try {
            request = translator.translate(event);
        } catch (OcrException refused) {
            log.info("Request {} at {}-{}@{} refused before any call: {}", event.getRequestId(), source.topic(),
                    source.partition(), source.offset(), refused.code());
            return outcomes.failed(event, refused, recognizer.description(),
                    new OutcomeMapper.Attempt(receivedAt, 0, 0, 0));
        }
        long waitNanos = bucket.reserve(rate.maxRateLimitWait().toNanos());
        if (waitNanos < 0) {
            return outcomes.failed(event, new OcrException(ErrorCodes.CLIENT_OVERLOADED,
                    "The partition's rate limiter would delay this call beyond ocr.rate.max.wait.ms", null),
                    recognizer.description(), new OutcomeMapper.Attempt(receivedAt, 0, 0, 0));
        }
        pause(waitNanos);
        metrics.rateLimitWaited(waitNanos);
        long started = nanoClock.getAsLong();
        try {
            IdCardOcrResult result = call(request);
            return outcomes.recognized(event, request, result, recognizer.description(),
                    attempt(receivedAt, waitNanos, started));
        } catch (OcrException failure) {
            log.atInfo().addKeyValue("requestId", event.getRequestId()).addKeyValue("topic", source.topic())
                    .addKeyValue("partition", source.partition()).addKeyValue("offset", source.offset())
                    .addKeyValue("code", failure.code())
                    .log("Request {} at {}-{}@{} failed: {}", event.getRequestId(), source.topic(), source.partition(),
                            source.offset(), failure.code());
            return outcomes.failed(event, failure, recognizer.description(), attempt(receivedAt, waitNanos, started));
        }
    }

    private OutcomeMapper.Attempt attempt(Instant receivedAt, long waitNanos, long started) {
        return new OutcomeMapper.Attempt(receivedAt, TimeUnit.NANOSECONDS.toMillis(waitNanos),
                TimeUnit.NANOSECONDS.toMillis(nanoClock.getAsLong() - started), 1);
    }

    private IdCardOcrResult call(IdCardOcrRequest request) throws OcrException {
        long started = nanoClock.getAsLong();
        metrics.callStarted();
        String code = WorkerMetrics.OK;
        try {
            return await(request);
        } catch (OcrException e) {
            code = e.code();
            throw e;
        } finally {
            metrics.callEnded(java.time.Duration.ofNanos(nanoClock.getAsLong() - started), code);
        }
    }

    private IdCardOcrResult await(IdCardOcrRequest request) throws OcrException {
        CompletableFuture<IdCardOcrResult> future = recognizer.recognize(request);
        try {
            return future.get(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new OcrException(ErrorCodes.CLIENT_TIMEOUT,
                    "No answer within ocr.call.timeout.ms (" + settings.callTimeout().toMillis() + " ms)", null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OcrException ocr) {
                throw ocr;
            }
            // A recogniser must fail with OcrException; anything else is a bug, reported, never retried blindly.
            throw new OcrException(ErrorCodes.INTERNAL_ERROR,
                    "The recogniser failed unexpectedly: " + e.getCause().getClass().getName(), null, e.getCause());
        } catch (CancellationException e) {
            throw new OcrException(ErrorCodes.CLIENT_TIMEOUT, "The OCR call was cancelled", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamsException("Interrupted while waiting for an OCR call; the record will be retried", e);
        }
    }

    private void pause(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            sleeper.sleepNanos(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamsException("Interrupted while waiting for the rate limiter; the record will be retried", e);
        }
    }
}
