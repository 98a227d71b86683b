package io.idcardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.config.ConfigLoader;
import io.idcardstream.config.IdCardStreamConfig;
import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.events.IdentityRecognized;
import io.idcardstream.ocr.AdvancedInfo;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.OcrException;
import io.idcardstream.serde.ConfluentAvroSerde;
import io.idcardstream.serde.SchemaRegistries;
import io.idcardstream.serde.SchemaRegistry;
import io.idcardstream.testing.ImageScriptedRecognizer;
import io.idcardstream.testing.TestEvents;
import io.idcardstream.testing.TestKafka;
import io.idcardstream.testing.TestWorkerSettings;
import io.idcardstream.testing.TopicReader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The async worker on a real broker: order, retries, restarts with calls in flight, duplicates. */
class AsyncWorkerIT {
    private static final IdCardOcrResult FRONT = IdCardOcrResult.of(CardFields.front("李明", "男", "汉", "1987/1/1",
            "北京市石景山区高新技术园腾讯大楼", "440524198701010014"), AdvancedInfo.EMPTY, "p-1");

    @TempDir
    Path stateDir;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String prefix = "async-it-" + run;
    private final String requests = prefix + ".requests";
    private final String recognized = prefix + ".recognized";
    private final String failed = prefix + ".failed";
    private final String registryUrl = "mock://async-it-" + run;
    private final List<WorkerRuntime> workers = new ArrayList<>();

    @BeforeEach
    void topics() {
        TestKafka.createTopics(3, requests, recognized, failed, prefix + ".dlq");
    }

    @AfterEach
    void stop() {
        workers.forEach(WorkerRuntime::close);
        SchemaRegistries.dropMockScope("async-it-" + run);
    }

    private SchemaRegistry registry() {
        return SchemaRegistries.fromConfig(Map.of("schema.registry.url", registryUrl));
    }

    private WorkerRuntime startWorker(ImageScriptedRecognizer recognizer, String stateSubdir) {
        Map<String, String> settings = TestWorkerSettings.of(prefix, stateDir.resolve(stateSubdir), registryUrl);
        settings.put("ocr.quota.rps", "200");
        settings.put("ocr.retry.max.attempts", "3");
        settings.put("ocr.retry.backoff.initial.ms", "50");
        settings.put("ocr.retry.backoff.max.ms", "100");
        IdCardStreamConfig config = ConfigLoader.load(null, Map.of(), settings);
        WorkerRuntime worker = WorkerRuntime.create(config, recognizer, registry(), Clock.systemUTC(),
                new SimpleMeterRegistry());
        worker.start();
        workers.add(worker);
        return worker;
    }

    private void produce(List<IdCardOcrRequested> events) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()), new StringSerializer(),
                new ConfluentAvroSerde<>(IdCardOcrRequested.class, registry(), true, false).serializer())) {
            for (IdCardOcrRequested event : events) {
                producer.send(new ProducerRecord<>(requests, event.getSubjectId(), event)).get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Outcomes in the order they were written to their partition, as request ids (failures with their code). */
    private List<Object> outcomes(int count) {
        List<ConsumerRecord<byte[], byte[]>> records = TopicReader.readExactly(TestKafka.bootstrapServers(),
                List.of(recognized, failed), count, Duration.ofSeconds(90), Duration.ofSeconds(2));
        var recognizedSerde = new ConfluentAvroSerde<>(IdentityRecognized.class, registry(), true, false);
        var failedSerde = new ConfluentAvroSerde<>(IdCardOcrFailed.class, registry(), true, false);
        return records.stream().map(r -> r.topic().equals(recognized)
                ? (Object) recognizedSerde.deserializer().deserialize(r.topic(), r.value())
                : failedSerde.deserializer().deserialize(r.topic(), r.value())).toList();
    }

    private static String id(Object outcome) {
        return outcome instanceof IdentityRecognized r ? r.getRequestId() : ((IdCardOcrFailed) outcome).getRequestId();
    }

    @Test
    void shouldKeepEachSubjectsOrderWhenCallsFinishOutOfOrder() throws Exception {
        // Given: subject A's first card is slow, its second fast
        ImageScriptedRecognizer recognizer = new ImageScriptedRecognizer()
                .answerAfter("slow", FRONT, Duration.ofMillis(800)).answer("fast", FRONT);
        startWorker(recognizer, "a");

        // When
        produce(List.of(TestEvents.inline("a-1", "A", "slow", null), TestEvents.inline("a-2", "A", "fast", null),
                TestEvents.inline("a-3", "A", "fast", null)));

        // Then: one partition (one key), in order
        assertThat(outcomes(3)).extracting(AsyncWorkerIT::id).containsExactly("a-1", "a-2", "a-3");
    }

    @Test
    void shouldRetryUntilSuccessAndReportAttemptsWhenRetriesRunOut() throws Exception {
        ImageScriptedRecognizer recognizer = new ImageScriptedRecognizer()
                .failTimes("flaky", 2, new OcrException(ErrorCodes.REQUEST_LIMIT_EXCEEDED, "slow down", "t"), FRONT)
                .fail("down", new OcrException(ErrorCodes.INTERNAL_ERROR, "provider down", "t"));
        startWorker(recognizer, "a");

        produce(List.of(TestEvents.inline("flaky-1", "F", "flaky", null),
                TestEvents.inline("down-1", "D", "down", null)));

        Map<String, Object> byId = outcomes(2).stream().collect(Collectors.toMap(AsyncWorkerIT::id, o -> o));
        assertThat(((IdentityRecognized) byId.get("flaky-1")).getAttempts()).isEqualTo(3);
        IdCardOcrFailed exhausted = (IdCardOcrFailed) byId.get("down-1");
        assertThat(exhausted.getErrorCode()).isEqualTo(ErrorCodes.INTERNAL_ERROR);
        assertThat(exhausted.getAttempts()).isEqualTo(3);
        assertThat(recognizer.calls("down")).isEqualTo(3);
    }

    @Test
    void shouldAnswerEveryRequestExactlyOnceAfterARestartWithCallsInFlight() throws Exception {
        // Given: a worker whose calls never finish has accepted ten requests and committed their offsets
        ImageScriptedRecognizer stuck = new ImageScriptedRecognizer().hang("card");
        startWorker(stuck, "first");
        List<IdCardOcrRequested> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(TestEvents.inline("r-" + i, "subject-" + i, "card", null));
        }
        produce(events);
        awaitCommittedInput(10);
        assertThat(stuck.requests()).hasSize(10);

        // When: it stops with the calls in flight, and a new instance with empty local state takes over
        workers.remove(0).close();
        ImageScriptedRecognizer working = new ImageScriptedRecognizer().answer("card", FRONT);
        startWorker(working, "second");

        // Then: the pending requests came back from the changelog and the input topic, and each got one outcome
        assertThat(outcomes(10)).extracting(AsyncWorkerIT::id)
                .containsExactlyInAnyOrderElementsOf(events.stream().map(IdCardOcrRequested::getRequestId).toList());
        assertThat(working.requests()).hasSize(10);
    }

    @Test
    void shouldMakeOnePaidCallForARepeatedRequestId() throws Exception {
        ImageScriptedRecognizer recognizer = new ImageScriptedRecognizer().answer("card", FRONT);
        startWorker(recognizer, "a");

        produce(List.of(TestEvents.inline("same", "S", "card", null), TestEvents.inline("same", "S", "card", null)));

        List<Object> all = outcomes(2);
        assertThat(all).extracting(o -> ((IdentityRecognized) o).getDuplicate()).containsExactly(false, true);
        assertThat(recognizer.calls("card")).isEqualTo(1);
    }

    private void awaitCommittedInput(long records) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        try (var admin = TestKafka.admin()) {
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(prefix)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                long sum = committed.entrySet().stream().filter(e -> e.getKey().topic().equals(requests))
                        .mapToLong(e -> e.getValue().offset()).sum();
                if (sum >= records) {
                    return;
                }
                assertThat(Instant.now()).as("input offsets committed within 60 s").isBefore(deadline);
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }
}
