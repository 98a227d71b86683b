package io.idcardstream.worker;

import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.events.state.LedgerEntry;
import io.idcardstream.events.state.PendingKind;
import io.idcardstream.events.state.PendingRequest;
import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.OcrException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers each request with exactly one outcome without blocking the stream thread on OCR calls: a request is
 * accepted into the pending store in the transaction of its input offset, its call is made by the instance's
 * {@link OcrDispatcher}, and it is answered ({@link OutcomePublisher}) in the transaction of its outcome, so no
 * commit leaves a request neither pending nor answered. Finished calls are picked up in {@link #process} and by a
 * wall-clock punctuator every {@code pollInterval}. One key's requests are answered in arrival order
 * ({@link KeyOrder}); after a restart the pending requests are read back and called again ({@link PendingRestore}).
 * docs/worker.md follows one request through these steps.
 *
 * <p>Threading notes: used only from its stream thread; talks to the dispatcher through its {@link DispatchLane}.
 */
final class AsyncOcrProcessor implements Processor<String, IdCardOcrRequested, String, Object> {
    static final String PENDING_STORE = "idcard-pending";

    private static final Logger log = LoggerFactory.getLogger(AsyncOcrProcessor.class);

    private final String requestTopic;
    private final AsyncSettings async;
    private final OcrDispatcher dispatcher;
    private final RequestSource requestSource;
    private final RequestTranslator translator;
    private final OutcomeMapper outcomes;
    private final Clock clock;
    private final LongSupplier nanoClock;
    private final WorkerMetrics metrics;

    private ProcessorContext<String, Object> context;
    private KeyValueStore<Long, PendingRequest> pendingStore;
    private IdempotencyLedger ledger;
    private DispatchLane lane;
    private OutcomePublisher publisher;
    private final PendingRequests pending;
    private final RetrySchedule retries = new RetrySchedule();

    AsyncOcrProcessor(String requestTopic, WorkerSettings settings, AsyncSettings async, OcrDispatcher dispatcher,
            RequestSource requestSource, OutcomeMapper outcomes, Clock clock, LongSupplier nanoClock,
            WorkerMetrics metrics) {
        this.requestTopic = requestTopic;
        this.async = async;
        this.dispatcher = dispatcher;
        this.requestSource = requestSource;
        this.translator = new RequestTranslator(settings.inlineImageMaxBytes());
        this.outcomes = outcomes;
        this.clock = clock;
        this.nanoClock = nanoClock;
        this.metrics = metrics;
        this.pending = new PendingRequests(metrics);
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.pendingStore = context.getStateStore(PENDING_STORE);
        WindowStore<String, LedgerEntry> ledgerStore = context.getStateStore(IdempotencyLedger.STORE);
        this.ledger = new IdempotencyLedger(ledgerStore, async.ledgerRetention());
        this.publisher = new OutcomePublisher(context, pendingStore, ledger, metrics);
        this.lane = dispatcher.register(context.taskId().partition());
        restore();
        context.schedule(async.pollInterval(), PunctuationType.WALL_CLOCK_TIME, timestamp -> pickUpFinishedWork());
    }

    @Override
    public void process(Record<String, IdCardOcrRequested> record) {
        pickUpFinishedWork();
        RecordMetadata source = context.recordMetadata().orElseThrow();
        IdCardOcrRequested event = record.value();
        if (event == null) {
            DeadLetters.forwardTombstone(context, record, metrics);
            return;
        }
        PendingRequest state = new PendingRequest(event.getRequestId(), event.getSubjectId(), source.offset(),
                record.timestamp(), clock.millis(), PendingKind.CALL, 0, 0L, 0L, 0L);
        PendingCall request = PendingCall.of(state, event, translator);
        PendingKind kind = kindOf(request);
        request.update(b -> b.setKind(kind));
        pendingStore.put(request.seq(), request.state());
        accept(request);
        pending.awaitRoom(lane, async, nanoClock, this::pickUpFinishedWork);
    }

    private PendingKind kindOf(PendingCall request) {
        IdCardOcrRequested event = request.event();
        if (!event.getReprocess() && (pending.callUnderWay(request)
                || ledger.lookup(event.getSubjectId(), event.getRequestId(), clock.instant()).isPresent())) {
            return PendingKind.DUPLICATE;
        }
        return request.refusal() == null ? PendingKind.CALL : PendingKind.REFUSED;
    }

    private void accept(PendingCall request) {
        if (pending.add(request)) {
            activate(request);
        }
    }

    /** The request is first of its key: answer it or start its call. */
    private void activate(PendingCall request) {
        PendingRequest state = request.state();
        switch (state.getKind()) {
            case DUPLICATE -> {
                Optional<LedgerEntry> earlier = ledger.lookup(state.getKey(), state.getRequestId(), clock.instant());
                if (earlier.isPresent()) {
                    answer(request, outcomes.duplicate(request.event(), earlier.get(),
                            Instant.ofEpochMilli(state.getReceivedAt())), false);
                    return;
                }
                // The first one has left the ledger (retention) or never got there: a call it is.
                request.update(b -> b.setKind(PendingKind.CALL));
                pendingStore.put(request.seq(), request.state());
                activate(request);
            }
            case REFUSED -> answer(request, outcomes.failed(request.event(), request.refusal(), dispatcher.provider(),
                    request.attempt()), true);
            default -> {
                if (state.getNextAttemptAt() > clock.millis()) {
                    retries.add(request);
                } else {
                    startCall(request);
                }
            }
        }
    }

    private void startCall(PendingCall request) {
        if (request.call() == null) {
            // Accepted as a call before a restart, refused by this version's limits: it is answered, not lost.
            answer(request, outcomes.failed(request.event(), request.refusal(), dispatcher.provider(),
                    request.attempt()), true);
            return;
        }
        dispatcher.submit(lane, new DispatchLane.Call(request.seq(), request.call(), nanoClock.getAsLong(),
                request.event().getReprocess()));
    }

    /** Answers finished calls and starts the retries that are due. */
    private void pickUpFinishedWork() {
        for (DispatchLane.Result result = lane.pollCompletion(); result != null; result = lane.pollCompletion()) {
            PendingCall request = pending.get(result.call().seq());
            if (request != null) {
                finished(request, result);
            }
        }
        long now = clock.millis();
        for (PendingCall due = retries.pollDue(now); due != null; due = retries.pollDue(now)) {
            startCall(due);
        }
    }

    private void finished(PendingCall request, DispatchLane.Result result) {
        request.update(b -> b
                .setWaitMillis(b.getWaitMillis() + TimeUnit.NANOSECONDS.toMillis(result.waitNanos()))
                .setOcrMillis(b.getOcrMillis() + TimeUnit.NANOSECONDS.toMillis(result.callNanos())));
        OcrException error = result.error();
        if (error == null) {
            request.update(b -> b.setAttempts(b.getAttempts() + 1));
            answer(request, outcomes.recognized(request.event(), request.call(), result.result(),
                    dispatcher.provider(), request.attempt()), true);
            return;
        }
        int attempts = request.state().getAttempts() + 1;
        FailureDecision decision = FailureDecision.of(error, async.retry(), attempts,
                request.state().getReceivedAt(), clock.millis(), ThreadLocalRandom.current()::nextDouble);
        switch (decision.kind()) {
            case PAUSE_AND_REQUEUE -> {
                pendingStore.put(request.seq(), request.state());
                dispatcher.resubmitFirst(lane, new DispatchLane.Call(request.seq(), request.call(),
                        nanoClock.getAsLong(), request.event().getReprocess()));
            }
            case RETRY_AT -> {
                request.update(b -> b.setAttempts(attempts).setNextAttemptAt(decision.retryAtMillis()));
                pendingStore.put(request.seq(), request.state());
                retries.add(request);
                metrics.retried(error.code());
            }
            case ANSWER -> {
                request.update(b -> b.setAttempts(attempts));
                answer(request, outcomes.failed(request.event(), error, dispatcher.provider(), request.attempt()),
                        true);
            }
        }
    }

    /** Forwards the outcome and forgets the request, in the same transaction; then the key's next one starts. */
    private void answer(PendingCall request, Object outcome, boolean remember) {
        publisher.publish(request.state(), outcome, remember);
        // Under exactly-once the outcome is visible at the next commit: ask for one now rather than at the
        // next commit.interval.ms (outcomes finished together still share one transaction).
        context.commit();
        pending.answered(request).ifPresent(this::activate);
    }

    /** Rebuilds the in-memory queues from the pending store after a restart or a rebalance. */
    private void restore() {
        PendingRestore.Restored restored = PendingRestore.read(pendingStore, requestSource, requestTopic,
                context.taskId().partition(), translator);
        if (!restored.resumed().isEmpty() || !restored.lost().isEmpty()) {
            log.info("Task {} resumes {} pending requests ({} no longer in {})", context.taskId(),
                    restored.resumed().size(), restored.lost().size(), requestTopic);
        }
        restored.lost().forEach(this::lost);
        restored.resumed().forEach(this::accept);
    }

    /** A pending request whose input record is gone (topic retention): it still gets its one outcome. */
    private void lost(PendingRequest state) {
        log.atError().addKeyValue("requestId", state.getRequestId()).addKeyValue("offset", state.getSourceOffset())
                .log("Pending request {} at offset {} is no longer in the input topic; it is answered as failed",
                        state.getRequestId(), state.getSourceOffset());
        publisher.publish(state, outcomes.lost(state, dispatcher.provider(), new OcrException(ErrorCodes.INTERNAL_ERROR,
                "The request left the input topic (retention) before it was answered; send it again", null)), false);
    }

    @Override
    public void close() {
        if (lane != null) {
            dispatcher.unregister(lane);
            pending.forget();
        }
    }
}
