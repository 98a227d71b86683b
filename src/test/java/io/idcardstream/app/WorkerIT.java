package io.idcardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.config.ConfigLoader;
import io.idcardstream.config.IdCardStreamConfig;
import io.idcardstream.events.CardSide;
import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.events.IdentityRecognized;
import io.idcardstream.ocr.AdvancedInfo;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.FieldCorrection;
import io.idcardstream.ocr.FieldName;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.IdCardRecognizer;
import io.idcardstream.ocr.ImageSource;
import io.idcardstream.ocr.OcrException;
import io.idcardstream.serde.ConfluentAvroSerde;
import io.idcardstream.serde.SchemaRegistries;
import io.idcardstream.serde.SchemaRegistry;
import io.idcardstream.server.ApiKeys;
import io.idcardstream.server.IdCardOcrServer;
import io.idcardstream.server.ServerSettings;
import io.idcardstream.deploy.MonitoringQueries;
import io.idcardstream.testing.ImageScriptedRecognizer;
import io.idcardstream.testing.TestEvents;
import io.idcardstream.testing.TestKafka;
import io.idcardstream.testing.TestWorkerSettings;
import io.idcardstream.testing.TopicReader;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker on a real KRaft broker, calling IDCardOCR through the official Tencent SDK against
 * idcard-stream's own TC3 server (with a scripted recogniser behind it): every request ends as exactly one
 * committed outcome on the right topic.
 */
class WorkerIT {
    private static final String SECRET_ID = "AKIDworkerIT000000001";
    private static final String SECRET_KEY = "worker-it-secret-key";
    private static final CardFields FRONT = CardFields.front("李明", "男", "汉", "1987/1/1",
            "北京市石景山区高新技术园腾讯大楼", "440524198701010014");
    private static final CardFields BACK = CardFields.back("赵县公安局", "2010.07.21-2020.07.21");

    @TempDir
    Path stateDir;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String prefix = "worker-it-" + run;
    private final String requestsTopic = prefix + ".requests";
    private final String recognizedTopic = prefix + ".recognized";
    private final String failedTopic = prefix + ".failed";
    private final String deadLetterTopic = prefix + ".dlq";
    private final String registryUrl = "mock://worker-it-" + run;
    private final ImageScriptedRecognizer scripted = new ImageScriptedRecognizer()
            .answer("front", new IdCardOcrResult(FRONT, AdvancedInfo.EMPTY, List.of(), List.of(new FieldCorrection(
                    FieldName.ID_NUM, "440524198701010074", "440524198701010014", "ID_NUMBER_FROM_CHECK_DIGIT")),
                    List.of(), "unused"))
            .answer("back", IdCardOcrResult.of(BACK, AdvancedInfo.EMPTY, "unused"))
            .fail("no card", new OcrException(ErrorCodes.IMAGE_NO_ID_CARD, "No ID card detected", null));

    private IdCardOcrServer server;
    private IdCardRecognizer recognizer;
    private WorkerRuntime worker;
    private final PrometheusMeterRegistry meters = Metrics.prometheus();

    @BeforeEach
    void start() throws Exception {
        TestKafka.createTopics(3, requestsTopic, recognizedTopic, failedTopic, deadLetterTopic);
        server = IdCardOcrServer.start(ServerSettings.defaults().withPort(0), scripted,
                ApiKeys.of(SECRET_ID, SECRET_KEY), url -> {
                    throw new AssertionError("no URL requests in this test");
                });
        Map<String, String> settings = TestWorkerSettings.of(prefix, stateDir, registryUrl);
        settings.put("ocr.provider", "tencent");
        settings.put("ocr.quota.rps", "60");
        settings.put("tencent.endpoint", server.endpoint());
        settings.put("tencent.protocol", "http");
        settings.put("tencent.secret.id", SECRET_ID);
        settings.put("tencent.secret.key", SECRET_KEY);
        IdCardStreamConfig config = ConfigLoader.load(null, Map.of(), settings);
        recognizer = Recognizers.fromConfig(config, Map.of(), ImageFetchers.fromConfig(config));
        worker = WorkerRuntime.create(config, recognizer, registry(), Clock.systemUTC(), meters);
        worker.start();
    }

    private SchemaRegistry registry() {
        return SchemaRegistries.fromConfig(Map.of("schema.registry.url", registryUrl));
    }

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.close();
        }
        if (recognizer != null) {
            recognizer.close();
        }
        if (server != null) {
            server.close();
        }
        SchemaRegistries.dropMockScope("worker-it-" + run);
    }

    @Test
    void shouldAnswerEveryRequestExactlyOnceThroughTheTencentSdk() throws Exception {
        // Given: fronts, backs, an image without a card, and records that are not requests at all
        List<IdCardOcrRequested> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(TestEvents.inline("front-" + i, "subject-" + i, "front", CardSide.FRONT));
            requests.add(TestEvents.inline("back-" + i, "subject-" + i, "back", CardSide.BACK));
        }
        for (int i = 0; i < 4; i++) {
            requests.add(TestEvents.inline("nocard-" + i, "subject-x" + i, "no card", null));
        }
        List<RecordMetadata> garbage = new ArrayList<>();

        // When
        try (var producer = new KafkaProducer<>(producerConfig(), new StringSerializer(),
                new ConfluentAvroSerde<>(IdCardOcrRequested.class, registry(), true, false).serializer())) {
            for (IdCardOcrRequested request : requests) {
                producer.send(new ProducerRecord<>(requestsTopic, request.getSubjectId(), request));
            }
        }
        try (var raw = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 3; i++) {
                garbage.add(raw.send(new ProducerRecord<>(requestsTopic, "subject-g" + i,
                        ("not an event " + i).getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS));
            }
        }

        // Then: exactly one committed outcome per input record
        List<ConsumerRecord<byte[], byte[]>> outcomes = TopicReader.readExactly(TestKafka.bootstrapServers(),
                List.of(recognizedTopic, failedTopic, deadLetterTopic), requests.size() + garbage.size(),
                Duration.ofSeconds(90), Duration.ofSeconds(3));
        var recognizedSerde = new ConfluentAvroSerde<>(IdentityRecognized.class, registry(), true, false);
        var failedSerde = new ConfluentAvroSerde<>(IdCardOcrFailed.class, registry(), true, false);
        Map<String, List<String>> answeredBy = new HashMap<>();
        Map<String, List<io.idcardstream.events.FieldCorrection>> corrections = new HashMap<>();
        List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : outcomes) {
            if (record.topic().equals(recognizedTopic)) {
                IdentityRecognized value = recognizedSerde.deserializer().deserialize(record.topic(), record.value());
                answeredBy.computeIfAbsent(value.getRequestId(), k -> new ArrayList<>()).add(value.getSide().name());
                corrections.put(value.getRequestId(), value.getValidation().getCorrections());
                assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(value.getSubjectId());
            } else if (record.topic().equals(failedTopic)) {
                IdCardOcrFailed value = failedSerde.deserializer().deserialize(record.topic(), record.value());
                answeredBy.computeIfAbsent(value.getRequestId(), k -> new ArrayList<>()).add(value.getErrorCode());
                assertThat(value.getProvider()).isNotNull();
            } else {
                deadLetters.add(record);
            }
        }
        Map<String, List<String>> expected = requests.stream().collect(Collectors.toMap(
                IdCardOcrRequested::getRequestId,
                r -> List.of(r.getRequestId().startsWith("front") ? "FRONT"
                        : r.getRequestId().startsWith("back") ? "BACK" : ErrorCodes.IMAGE_NO_ID_CARD)));
        assertThat(answeredBy).isEqualTo(expected);
        // And: the server's correction reached every front's outcome (AdvancedInfo → SDK → adapter → event)
        assertThat(corrections).isEqualTo(requests.stream()
                .filter(r -> !r.getRequestId().startsWith("nocard"))
                .collect(Collectors.toMap(IdCardOcrRequested::getRequestId, r -> r.getRequestId().startsWith("front")
                        ? List.of(new io.idcardstream.events.FieldCorrection("IdNum", "440524198701010074",
                                "440524198701010014", "ID_NUMBER_FROM_CHECK_DIGIT"))
                        : List.of())));
        assertThat(deadLetters).extracting(r -> header(r, "__streams.errors.partition") + "@"
                        + header(r, "__streams.errors.offset"))
                .containsExactlyInAnyOrderElementsOf(garbage.stream().map(m -> m.partition() + "@" + m.offset())
                        .toList());
        assertThat(deadLetters).allSatisfy(r ->
                assertThat(header(r, "__streams.errors.topic")).isEqualTo(requestsTopic));
        // And: the SDK sent each image to the server as ImageBase64, one call per request
        assertThat(scripted.requests()).hasSize(requests.size())
                .allSatisfy(r -> assertThat(r.image()).isInstanceOf(ImageSource.Inline.class));
        // And: the outcomes were written in transactions (commit markers take offsets too)
        assertThat(endOffsets(recognizedTopic)).isGreaterThan(16);
        // And: every metric the shipped alert rules and dashboard read is exported, under that name
        Set<String> exported = meters.scrape().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.replaceFirst("[{ ].*", "").replaceFirst("_(bucket|count|sum)$", ""))
                .collect(Collectors.toSet());
        assertThat(MonitoringQueries.metricNames()).isNotEmpty().allSatisfy(name ->
                assertThat(exported).as("exported metrics").contains(name));
    }

    private long endOffsets(String topic) throws Exception {
        try (var admin = TestKafka.admin()) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()),
                            p -> org.apache.kafka.clients.admin.OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
        }
    }

    private static Map<String, Object> producerConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
