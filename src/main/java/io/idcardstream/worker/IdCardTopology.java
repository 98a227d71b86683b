package io.idcardstream.worker;

import io.idcardstream.identity.IdentityValidator;
import io.idcardstream.ocr.IdCardRecognizer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * The worker topology, built by pure functions: requests → OCR processor → recognised / failed / dead-letter
 * sinks. Records that cannot be deserialized never reach the processor; Kafka Streams sends them to the
 * dead-letter topic itself ({@code errors.dead.letter.queue.topic.name}, see {@link WorkerStreamsConfig}).
 *
 * <p>Two processors share that shape: {@link #async} (the default: calls made by the instance's
 * {@link OcrDispatcher}, pending requests and the idempotency ledger in changelogged stores) and
 * {@link #blocking} (one call at a time on the stream thread: the simple baseline the benchmark compares
 * against).
 */
public final class IdCardTopology {
    static final String SOURCE = "requests-source";
    static final String PROCESSOR = "ocr-processor";
    /** The sinks both processors forward to. */
    static final String RECOGNIZED_SINK = "recognized-sink", FAILED_SINK = "failed-sink",
            DEAD_LETTER_SINK = "dead-letter-sink";

    private IdCardTopology() {}

    public static Topology async(WorkerSettings settings, AsyncSettings async, WorkerTopics topics,
            OcrDispatcher dispatcher, RequestSource requestSource, Clock clock, WorkerMetrics metrics) {
        OutcomeMapper outcomes = new OutcomeMapper(new IdentityValidator(), clock, settings.cropMaxBytes());
        Topology topology = shape(topics, () -> new AsyncOcrProcessor(topics.requests().name(), settings, async,
                dispatcher, requestSource, outcomes, clock, dispatcher.nanoClock(), metrics));
        // The pending store is small and bounded (worker.max.pending.per.partition entries of ~150 bytes) and
        // changes on every accept and answer: in memory, restored from its changelog, it costs no disk flush at
        // each commit. The ledger grows with traffic times ledger.retention.ms, so it lives on disk (RocksDB).
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(AsyncOcrProcessor.PENDING_STORE), Serdes.Long(), StateSerdes.pending()),
                PROCESSOR);
        topology.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(IdempotencyLedger.STORE, async.ledgerRetention(), Duration.ofMillis(1),
                        false),
                Serdes.String(), StateSerdes.ledger()), PROCESSOR);
        return topology;
    }

    public static Topology blocking(WorkerSettings settings, BlockingSettings rate, WorkerTopics topics, IdCardRecognizer recognizer,
            Clock clock, WorkerMetrics metrics) {
        OutcomeMapper outcomes = new OutcomeMapper(new IdentityValidator(), clock, settings.cropMaxBytes());
        return shape(topics, () -> new BlockingOcrProcessor(settings, rate, recognizer, outcomes, clock, System::nanoTime,
                nanos -> TimeUnit.NANOSECONDS.sleep(nanos), metrics));
    }

    private static Topology shape(WorkerTopics topics,
            ProcessorSupplier<String, io.idcardstream.events.IdCardOcrRequested, String, Object> processor) {
        Topology topology = new Topology();
        topology.addSource(SOURCE, topics.requests().keySerde().deserializer(),
                topics.requests().valueSerde().deserializer(), topics.requests().name());
        topology.addProcessor(PROCESSOR, processor, SOURCE);
        topology.addSink(RECOGNIZED_SINK, topics.recognized().name(),
                topics.recognized().keySerde().serializer(), topics.recognized().valueSerde().serializer(),
                PROCESSOR);
        topology.addSink(FAILED_SINK, topics.failed().name(),
                topics.failed().keySerde().serializer(), topics.failed().valueSerde().serializer(), PROCESSOR);
        topology.addSink(DEAD_LETTER_SINK, topics.deadLetter(), new StringSerializer(),
                new ByteArraySerializer(), PROCESSOR);
        return topology;
    }
}
