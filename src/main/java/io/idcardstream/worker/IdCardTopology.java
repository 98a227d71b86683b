package io.idcardstream.worker;

import io.idcardstream.identity.IdentityValidator;
import io.idcardstream.ocr.IdCardRecognizer;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;

/**
 * The worker topology, built by one pure function: requests → OCR processor → recognised / failed /
 * dead-letter sinks. Records that cannot be deserialized never reach the processor; Kafka Streams sends
 * them to the dead-letter topic itself ({@code errors.dead.letter.queue.topic.name}, see
 * {@link WorkerStreamsConfig}).
 */
public final class IdCardTopology {
    static final String SOURCE = "requests-source";
    static final String PROCESSOR = "ocr-processor";

    private IdCardTopology() {}

    public static Topology build(WorkerSettings settings, WorkerTopics topics, IdCardRecognizer recognizer,
            Clock clock, WorkerMetrics metrics) {
        OutcomeMapper outcomes = new OutcomeMapper(new IdentityValidator(), clock, settings.cropMaxBytes());
        Topology topology = new Topology();
        topology.addSource(SOURCE, topics.requests().keySerde().deserializer(),
                topics.requests().valueSerde().deserializer(), topics.requests().name());
        topology.addProcessor(PROCESSOR,
                () -> new OcrProcessor(settings, recognizer, outcomes, clock, System::nanoTime,
                        nanos -> TimeUnit.NANOSECONDS.sleep(nanos), metrics),
                SOURCE);
        topology.addSink(OcrProcessor.RECOGNIZED_SINK, topics.recognized().name(),
                topics.recognized().keySerde().serializer(), topics.recognized().valueSerde().serializer(),
                PROCESSOR);
        topology.addSink(OcrProcessor.FAILED_SINK, topics.failed().name(),
                topics.failed().keySerde().serializer(), topics.failed().valueSerde().serializer(), PROCESSOR);
        topology.addSink(OcrProcessor.DEAD_LETTER_SINK, topics.deadLetter(), new StringSerializer(),
                new ByteArraySerializer(), PROCESSOR);
        return topology;
    }
}
