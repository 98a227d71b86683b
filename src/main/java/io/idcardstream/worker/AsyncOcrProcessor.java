package io.idcardstream.worker;

import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.events.IdentityRecognized;
import io.idcardstream.events.state.LedgerEntry;
import io.idcardstream.events.state.PendingKind;
import io.idcardstream.events.state.PendingRequest;
import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.OcrException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers each request with exactly one outcome without blocking the stream thread on OCR calls.
 *
 * <p>A request is <em>accepted</em> by writing it to the pending store (same transaction as its input offset)
 * and <em>answered</em> by forwarding its outcome and deleting it from the store (same transaction as the
 * outcome), so no commit can leave a request neither pending nor answered. Between the two, the call is made
 * by the instance's {@link OcrDispatcher}; finished calls are picked up on the stream thread, in
 * {@link #process} and by a wall-clock punctuator every {@code pollInterval}.
 *
 * <p>Order: requests of one key are answered in the order they arrived; a key's next request starts only when
 * the one before it is answered (a retry waiting for its backoff holds only its own key). Duplicates and
 * refusals wait for their turn too, so one subject's outcomes are never reordered.
 *
 * <p>Restart: {@link #init} reads the pending store (restored from its changelog) and reads the requests back
 * from the input topic by offset ({@link RequestSource}); calls that were in flight are made again. Paid calls
 * are at least once; outcomes exactly once.
 *
 * <p>Threading notes: used only from its stream thread; talks to the dispatcher through its
 * {@link DispatchLane}.
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
    private final Map<Long, Pending> pending = new HashMap<>();
    private final Map<String, ArrayDeque<Long>> keyQueues = new HashMap<>();
    /** Calls under way, by {@link IdempotencyLedger#scoped} (subject, request id). */
    private final Map<String, Long> callsByRequestId = new HashMap<>();
    private final PriorityQueue<Pending> retries =
            new PriorityQueue<>(Comparator.comparingLong(p -> p.state.getNextAttemptAt()));

    /** A pending request in memory: its stored state and the request it came from. */
    private static final class Pending {
        PendingRequest state;
        final IdCardOcrRequested event;

        Pending(PendingRequest state, IdCardOcrRequested event) {
            this.state = state;
            this.event = event;
        }

        long seq() {
            return state.getSourceOffset();
        }

        void update(java.util.function.UnaryOperator<PendingRequest.Builder> change) {
            state = change.apply(PendingRequest.newBuilder(state)).build();
        }
    }

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
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.pendingStore = context.getStateStore(PENDING_STORE);
        WindowStore<String, LedgerEntry> ledgerStore = context.getStateStore(IdempotencyLedger.STORE);
        this.ledger = new IdempotencyLedger(ledgerStore, async.ledgerRetention());
        this.lane = dispatcher.register(context.taskId().partition());
        restore();
        context.schedule(async.pollInterval(), PunctuationType.WALL_CLOCK_TIME, timestamp -> {
            drainCompletions();
            startDueRetries();
        });
    }

    @Override
    public void process(Record<String, IdCardOcrRequested> record) {
        drainCompletions();
        RecordMetadata source = context.recordMetadata().orElseThrow();
        IdCardOcrRequested event = record.value();
        if (event == null) {
            DeadLetters.forwardTombstone(context, record, metrics);
            return;
        }
        PendingRequest state = new PendingRequest(event.getRequestId(), event.getSubjectId(), source.offset(),
                record.timestamp(), clock.millis(), kindOf(event), 0, 0L, 0L, 0L);
        pendingStore.put(state.getSourceOffset(), state);
        accept(new Pending(state, event));
        waitWhileFull();
    }

    private PendingKind kindOf(IdCardOcrRequested event) {
        if (!event.getReprocess() && (callsByRequestId.containsKey(
                IdempotencyLedger.scoped(event.getSubjectId(), event.getRequestId()))
                || ledger.lookup(event.getSubjectId(), event.getRequestId(), clock.instant()).isPresent())) {
            return PendingKind.DUPLICATE;
        }
        try {
            translator.translate(event);
            return PendingKind.CALL;
        } catch (OcrException refused) {
            return PendingKind.REFUSED;
        }
    }

    private void accept(Pending request) {
        pending.put(request.seq(), request);
        metrics.pendingChanged(1);
        if (request.state.getKind() == PendingKind.CALL) {
            callsByRequestId.put(IdempotencyLedger.scoped(request.state.getKey(), request.state.getRequestId()),
                    request.seq());
        }
        ArrayDeque<Long> queue = keyQueues.computeIfAbsent(request.state.getKey(), k -> new ArrayDeque<>());
        queue.addLast(request.seq());
        if (queue.size() == 1) {
            activate(request);
        }
    }

    /** The request is first of its key: answer it or start its call. */
    private void activate(Pending request) {
        switch (request.state.getKind()) {
            case DUPLICATE -> {
                Optional<LedgerEntry> earlier = ledger.lookup(request.state.getKey(), request.state.getRequestId(),
                        clock.instant());
                if (earlier.isPresent()) {
                    answer(request, outcomes.duplicate(request.event, earlier.get(),
                            Instant.ofEpochMilli(request.state.getReceivedAt())), false);
                    return;
                }
                // The first one has left the ledger (retention) or never got there: a call it is.
                request.update(b -> b.setKind(PendingKind.CALL));
                pendingStore.put(request.seq(), request.state);
                activate(request);
            }
            case REFUSED -> {
                try {
                    translator.translate(request.event);
                    throw new IllegalStateException("A refused request translated the second time");
                } catch (OcrException refused) {
                    answer(request, outcomes.failed(request.event, refused, dispatcher.provider(),
                            attempt(request)), true);
                }
            }
            default -> {
                if (request.state.getNextAttemptAt() > clock.millis()) {
                    retries.add(request);
                } else {
                    startCall(request);
                }
            }
        }
    }

    private void startCall(Pending request) {
        IdCardOcrRequest call;
        try {
            call = translator.translate(request.event);
        } catch (OcrException e) {
            throw new IllegalStateException("An accepted request no longer translates", e);
        }
        dispatcher.submit(lane, new DispatchLane.Call(request.seq(), call, nanoClock.getAsLong()));
    }

    private void drainCompletions() {
        for (DispatchLane.Result result = lane.pollCompletion(); result != null; result = lane.pollCompletion()) {
            Pending request = pending.get(result.call().seq());
            if (request != null) {
                finished(request, result);
            }
        }
    }

    private void finished(Pending request, DispatchLane.Result result) {
        request.update(b -> b
                .setWaitMillis(b.getWaitMillis() + TimeUnit.NANOSECONDS.toMillis(result.waitNanos()))
                .setOcrMillis(b.getOcrMillis() + TimeUnit.NANOSECONDS.toMillis(result.callNanos())));
        OcrException error = result.error();
        if (error == null) {
            request.update(b -> b.setAttempts(b.getAttempts() + 1));
            answer(request, outcomes.recognized(request.event, result.call().request(), result.result(),
                    dispatcher.provider(), attempt(request)), true);
            return;
        }
        if (error.classification().pausesProcessing()) {
            // Not this request's fault: it goes back to the head of its lane for when the account works again.
            pendingStore.put(request.seq(), request.state);
            dispatcher.resubmitFirst(lane, new DispatchLane.Call(request.seq(), result.call().request(),
                    nanoClock.getAsLong()));
            return;
        }
        request.update(b -> b.setAttempts(b.getAttempts() + 1));
        if (error.classification().retryable()) {
            var next = async.retry().nextAttemptAt(request.state.getAttempts(), request.state.getReceivedAt(),
                    clock.millis(), ThreadLocalRandom.current()::nextDouble);
            if (next.isPresent()) {
                request.update(b -> b.setNextAttemptAt(next.getAsLong()));
                pendingStore.put(request.seq(), request.state);
                retries.add(request);
                metrics.retried(error.code());
                return;
            }
        }
        answer(request, outcomes.failed(request.event, error, dispatcher.provider(), attempt(request)), true);
    }

    private OutcomeMapper.Attempt attempt(Pending request) {
        PendingRequest state = request.state;
        return new OutcomeMapper.Attempt(Instant.ofEpochMilli(state.getReceivedAt()), state.getWaitMillis(),
                state.getOcrMillis(), state.getAttempts());
    }

    private void startDueRetries() {
        long now = clock.millis();
        while (!retries.isEmpty() && retries.peek().state.getNextAttemptAt() <= now) {
            startCall(retries.poll());
        }
    }

    /** Forwards the outcome and forgets the request, in the same transaction; then the key's next one starts. */
    private void answer(Pending request, Object outcome, boolean remember) {
        String key = request.event.getSubjectId();
        Record<String, Object> out = new Record<>(key, outcome, request.state.getSourceTimestamp());
        if (outcome instanceof IdentityRecognized recognized) {
            context.forward(out, IdCardTopology.RECOGNIZED_SINK);
            metrics.outcome(recognized.getDuplicate() ? "duplicate" : "recognized", WorkerMetrics.OK);
            if (remember) {
                ledger.record(key, OutcomeMapper.ledgerEntry(recognized));
            }
        } else {
            IdCardOcrFailed failed = (IdCardOcrFailed) outcome;
            context.forward(out, IdCardTopology.FAILED_SINK);
            metrics.outcome(failed.getDuplicate() ? "duplicate" : "failed", failed.getErrorCode());
            if (remember) {
                ledger.record(key, OutcomeMapper.ledgerEntry(failed));
            }
        }
        pendingStore.delete(request.seq());
        pending.remove(request.seq());
        metrics.pendingChanged(-1);
        // Under exactly-once the outcome is visible at the next commit: ask for one now rather than at the
        // next commit.interval.ms (outcomes finished together still share one transaction).
        context.commit();
        callsByRequestId.remove(IdempotencyLedger.scoped(request.state.getKey(), request.state.getRequestId()),
                request.seq());
        ArrayDeque<Long> queue = keyQueues.get(request.state.getKey());
        queue.pollFirst();
        if (queue.isEmpty()) {
            keyQueues.remove(request.state.getKey());
        } else {
            activate(pending.get(queue.peekFirst()));
        }
    }

    /**
     * A full task takes no new record until a request is answered, waiting at most {@code pendingFullWait}; the
     * wait keeps answering finished calls, so it ends as soon as the provider does.
     */
    private void waitWhileFull() {
        long deadline = nanoClock.getAsLong() + async.pendingFullWait().toNanos();
        while (pending.size() >= async.maxPendingPerPartition()) {
            long left = deadline - nanoClock.getAsLong();
            if (left <= 0) {
                metrics.pendingOverflow();
                return;
            }
            try {
                lane.awaitCompletion(Math.min(left, async.pollInterval().toNanos()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StreamsException("Interrupted while waiting for OCR calls to finish", e);
            }
            drainCompletions();
            startDueRetries();
        }
    }

    /** Rebuilds the in-memory queues from the pending store after a restart or a rebalance. */
    private void restore() {
        List<PendingRequest> stored = new ArrayList<>();
        try (KeyValueIterator<Long, PendingRequest> all = pendingStore.all()) {
            all.forEachRemaining(entry -> stored.add(entry.value));
        }
        if (stored.isEmpty()) {
            return;
        }
        stored.sort(Comparator.comparingLong(PendingRequest::getSourceOffset));
        String topic = requestTopic;
        TreeSet<Long> offsets = new TreeSet<>();
        stored.forEach(state -> offsets.add(state.getSourceOffset()));
        Map<Long, IdCardOcrRequested> events = requestSource.read(topic, context.taskId().partition(), offsets);
        log.info("Task {} resumes {} pending requests ({} read back from {})", context.taskId(), stored.size(),
                events.size(), topic);
        for (PendingRequest state : stored) {
            IdCardOcrRequested event = events.get(state.getSourceOffset());
            if (event == null) {
                lost(state);
            } else {
                accept(new Pending(state, event));
            }
        }
    }

    /** A pending request whose input record is gone (topic retention): it still gets its one outcome. */
    private void lost(PendingRequest state) {
        log.error("Pending request {} at offset {} is no longer in the input topic; it is answered as failed",
                state.getRequestId(), state.getSourceOffset());
        IdCardOcrFailed failed = outcomes.lost(state, dispatcher.provider(),
                new OcrException(ErrorCodes.INTERNAL_ERROR, "The request left the input topic (retention) before "
                        + "it was answered; send it again", null));
        context.forward(new Record<>(state.getKey(), failed, state.getSourceTimestamp()), IdCardTopology.FAILED_SINK);
        metrics.outcome("failed", failed.getErrorCode());
        pendingStore.delete(state.getSourceOffset());
    }

    @Override
    public void close() {
        if (lane != null) {
            dispatcher.unregister(lane);
            metrics.pendingChanged(-pending.size());
        }
    }
}
