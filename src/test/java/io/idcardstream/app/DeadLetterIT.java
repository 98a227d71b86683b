package io.idcardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.config.ConfigLoader;
import io.idcardstream.config.IdCardStreamConfig;
import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.events.IdentityRecognized;
import io.idcardstream.ocr.AdvancedInfo;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.serde.ConfluentAvroSerde;
import io.idcardstream.serde.SchemaRegistries;
import io.idcardstream.serde.SchemaRegistry;
import io.idcardstream.testing.ImageScriptedRecognizer;
import io.idcardstream.testing.TestEvents;
import io.idcardstream.testing.TestKafka;
import io.idcardstream.testing.TestWorkerSettings;
import io.idcardstream.testing.TopicReader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile records on a real KRaft broker: a 32-byte record declaring a 2 GiB string, an undecodable value larger
 * than the worker's producer may write, and a key larger than that. Each is dead-lettered with its coordinates
 * (truncated or as a reference when it cannot be forwarded whole), counted, and the request behind them in the
 * same partition is still answered: no crash, no blocked partition.
 */
class DeadLetterIT {
    private static final int HUGE = 1_800_000;

    @TempDir
    Path stateDir;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String prefix = "dlq-it-" + run;
    private final String requests = prefix + ".requests";
    private final String recognized = prefix + ".recognized";
    private final String deadLetters = prefix + ".dlq";
    private final String registryUrl = "mock://dlq-it-" + run;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private WorkerRuntime worker;

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.close();
        }
        SchemaRegistries.dropMockScope("dlq-it-" + run);
    }

    @Test
    void shouldDeadLetterHostileAndOversizedRecordsAndKeepAnsweringThePartition() throws Exception {
        // Given: one partition, and a worker whose producer may write about 1 MiB (image.inline.max.bytes small)
        TestKafka.createTopics(1, requests, recognized, prefix + ".failed", deadLetters);
        Map<String, String> settings = TestWorkerSettings.of(prefix, stateDir, registryUrl);
        settings.put("image.inline.max.bytes", "1024");
        settings.put("crop.max.bytes", "0");
        IdCardStreamConfig config = ConfigLoader.load(null, Map.of(), settings);
        ImageScriptedRecognizer recognizer = new ImageScriptedRecognizer().answer("front", IdCardOcrResult.of(
                CardFields.front("李明", "男", "汉", "1987/1/1", "北京市", "440524198701010014"), AdvancedInfo.EMPTY,
                "p-1"));
        SchemaRegistry registry = SchemaRegistries.fromConfig(Map.of("schema.registry.url", registryUrl));
        var requestSerde = new ConfluentAvroSerde<>(IdCardOcrRequested.class, registry, true, false);
        int schemaId = ByteBuffer.wrap(requestSerde.serializer().serialize(requests,
                TestEvents.inline("warm-up", "s", "front", null)), 1, 4).getInt();
        worker = WorkerRuntime.create(config, recognizer, registry, Clock.systemUTC(), meters);
        worker.start();

        // When: a 32-byte record declaring a 2 GiB requestId, a 1.8 MB value, a 1.8 MB key, then a good request
        byte[] declares2GiB = ByteBuffer.allocate(32).put((byte) 0).putInt(schemaId)
                .put(new byte[] {(byte) 0xE0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F}).array();
        byte[] hugeValue = new byte[HUGE];
        Arrays.fill(hugeValue, (byte) 'x');
        List<RecordMetadata> hostile = new ArrayList<>();
        try (var raw = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 << 20), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            hostile.add(raw.send(new ProducerRecord<>(requests, utf8("s"), declares2GiB)).get(30, TimeUnit.SECONDS));
            hostile.add(raw.send(new ProducerRecord<>(requests, utf8("s"), hugeValue)).get(30, TimeUnit.SECONDS));
            hostile.add(raw.send(new ProducerRecord<>(requests, hugeValue, utf8("not avro")))
                    .get(30, TimeUnit.SECONDS));
        }
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()), new StringSerializer(),
                requestSerde.serializer())) {
            producer.send(new ProducerRecord<>(requests, "s", TestEvents.inline("good-1", "s", "front", null)))
                    .get(30, TimeUnit.SECONDS);
        }

        // Then: three dead letters, in input order, with their coordinates and what was left out
        List<ConsumerRecord<byte[], byte[]>> dead = TopicReader.readExactly(TestKafka.bootstrapServers(),
                List.of(deadLetters), 3, Duration.ofSeconds(90), Duration.ofSeconds(2));
        List<Map<String, Object>> seen = dead.stream().map(DeadLetterIT::describe).toList();
        assertThat(seen).containsExactly(
                expected(hostile.get(0), 1, 32, null, null, null),
                expected(hostile.get(1), 1, HUGE - excess(dead.get(1)), "value", "1", String.valueOf(HUGE)),
                expected(hostile.get(2), 0, 0, "key,value,headers", String.valueOf(HUGE), "8"));
        assertThat(dead.get(0).value()).isEqualTo(declares2GiB);
        assertThat(dead.get(1).value()).hasSizeLessThan(1 << 20)
                .isEqualTo(Arrays.copyOf(hugeValue, dead.get(1).value().length));
        // And: the request behind them in the same partition was answered, and the worker still runs
        List<ConsumerRecord<byte[], byte[]>> answered = TopicReader.readExactly(TestKafka.bootstrapServers(),
                List.of(recognized), 1, Duration.ofSeconds(60), Duration.ofSeconds(1));
        IdentityRecognized outcome = new ConfluentAvroSerde<>(IdentityRecognized.class, registry, true, false)
                .deserializer().deserialize(recognized, answered.get(0).value());
        assertThat(outcome.getRequestId()).isEqualTo("good-1");
        assertThat(worker.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
        // And: every dead letter was counted
        assertThat(meters.find("idcard.outcomes").tag("outcome", "dead_letter").counters().stream()
                .mapToDouble(c -> c.count()).sum()).isEqualTo(3.0);
    }

    /** How much of the huge value the truncated dead letter left out (what the test does not predict). */
    private static int excess(ConsumerRecord<byte[], byte[]> record) {
        return record.value() == null ? HUGE : HUGE - record.value().length;
    }

    private static Map<String, Object> expected(RecordMetadata source, int keyBytes, int valueBytes,
            String truncated, String originalKeyBytes, String originalValueBytes) {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("coordinates", source.topic() + "-" + source.partition() + "@" + source.offset());
        expected.put("exception", "org.apache.kafka.common.errors.SerializationException");
        expected.put("key bytes", keyBytes);
        expected.put("value bytes", valueBytes);
        expected.put("truncated", truncated);
        expected.put("original key bytes", originalKeyBytes);
        expected.put("original value bytes", originalValueBytes);
        return expected;
    }

    private static Map<String, Object> describe(ConsumerRecord<byte[], byte[]> record) {
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("coordinates", header(record, "__streams.errors.topic") + "-"
                + header(record, "__streams.errors.partition") + "@" + header(record, "__streams.errors.offset"));
        seen.put("exception", header(record, "__streams.errors.exception"));
        seen.put("key bytes", record.key() == null ? 0 : record.key().length);
        seen.put("value bytes", record.value() == null ? 0 : record.value().length);
        seen.put("truncated", header(record, "idcard.dlq.truncated"));
        seen.put("original key bytes", header(record, "idcard.dlq.original.key.bytes"));
        seen.put("original value bytes", header(record, "idcard.dlq.original.value.bytes"));
        return seen;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
