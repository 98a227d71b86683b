package io.idcardstream.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.events.BackIdentity;
import io.idcardstream.events.CardSide;
import io.idcardstream.events.ErrorCategory;
import io.idcardstream.events.FieldCorrection;
import io.idcardstream.events.FrontIdentity;
import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.events.IdentityRecognized;
import io.idcardstream.events.ProviderInfo;
import io.idcardstream.events.RawFields;
import io.idcardstream.events.Sex;
import io.idcardstream.events.Timings;
import io.idcardstream.events.ValidationReport;
import io.idcardstream.ocr.AdvancedInfo;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.FieldName;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.OcrException;
import io.idcardstream.serde.ConfluentAvroSerde;
import io.idcardstream.serde.InMemorySchemaRegistry;
import io.idcardstream.testing.ImageScriptedRecognizer;
import io.idcardstream.testing.TestEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The worker topology in TopologyTestDriver, for both processors (async without retries behaves like
 * blocking): one outcome per request, on the right topic, with the right content.
 */
@ParameterizedClass
@EnumSource(IdCardTopologyTest.Mode.class)
class IdCardTopologyTest {
    enum Mode { BLOCKING, ASYNC }

    @Parameter
    Mode mode;

    private static final Instant NOW = Instant.parse("2026-11-25T08:00:05Z");
    private static final CardFields LI_MING = CardFields.front("李明", "男", "汉", "1987/1/1",
            "北京市石景山区高新技术园腾讯大楼", "440524198701010014");

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final ConfluentAvroSerde<IdCardOcrRequested> requestSerde =
            new ConfluentAvroSerde<>(IdCardOcrRequested.class, registry, true, false);
    private final ConfluentAvroSerde<IdentityRecognized> recognizedSerde =
            new ConfluentAvroSerde<>(IdentityRecognized.class, registry, true, false);
    private final ConfluentAvroSerde<IdCardOcrFailed> failedSerde =
            new ConfluentAvroSerde<>(IdCardOcrFailed.class, registry, true, false);
    private final ImageScriptedRecognizer recognizer = new ImageScriptedRecognizer();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private TopologyTestDriver driver;
    private OcrDispatcher dispatcher;
    private TestInputTopic<String, IdCardOcrRequested> requests;
    private TestInputTopic<String, byte[]> rawRequests;
    private TestOutputTopic<String, IdentityRecognized> recognized;
    private TestOutputTopic<String, IdCardOcrFailed> failed;
    private TestOutputTopic<String, byte[]> deadLetters;

    @TempDir
    Path stateDir;

    @BeforeEach
    void start() {
        startWith(Duration.ofSeconds(5));
    }

    private void startWith(Duration callTimeout) {
        stop();
        WorkerTopics topics = new WorkerTopics(
                new TopicSpec<>("requests", Serdes.String(), requestSerde),
                new TopicSpec<>("recognized", Serdes.String(), recognizedSerde),
                new TopicSpec<>("failed", Serdes.String(), failedSerde),
                "requests.dlq");
        WorkerSettings settings = new WorkerSettings(callTimeout, 64, 8);
        WorkerMetrics metrics = new WorkerMetrics(meters);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        // Its own RocksDB directory: another build on the machine (a mutation run) may hold the default one.
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "requests.dlq");
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        props.put(DeadLetterHandler.METRICS_CONFIG, metrics);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        if (mode == Mode.BLOCKING) {
            driver = new TopologyTestDriver(IdCardTopology.blocking(settings,
                    new BlockingSettings(1_000, 1, Duration.ofSeconds(1)), topics, recognizer, clock, metrics),
                    props);
        } else {
            dispatcher = new OcrDispatcher(recognizer, new DispatchSettings(1_000, 1, 0, 16, 16, callTimeout,
                    Duration.ofMillis(50), Duration.ofMillis(100)), System::nanoTime, metrics).start();
            AsyncSettings async = new AsyncSettings(RetryPolicy.none(), 64, 64, Duration.ofSeconds(1),
                    Duration.ofDays(1), Duration.ofMillis(10));
            driver = new TopologyTestDriver(IdCardTopology.async(settings, async, topics, dispatcher,
                    (topic, partition, offsets) -> Map.of(), clock, metrics), props);
        }
        requests = driver.createInputTopic("requests", new StringSerializer(), requestSerde.serializer());
        rawRequests = driver.createInputTopic("requests", new StringSerializer(), new ByteArraySerializer());
        recognized = driver.createOutputTopic("recognized", new StringDeserializer(), recognizedSerde.deserializer());
        failed = driver.createOutputTopic("failed", new StringDeserializer(), failedSerde.deserializer());
        deadLetters = driver.createOutputTopic("requests.dlq", new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
            driver = null;
        }
        if (dispatcher != null) {
            dispatcher.close();
            dispatcher = null;
        }
    }

    /** Lets the async processor turn finished calls into outcomes until {@code count} have appeared. */
    private void settle(int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (recognized.getQueueSize() + failed.getQueueSize() + deadLetters.getQueueSize() < count) {
            assertThat(System.nanoTime()).as("%d outcomes within 10 s", count).isLessThan(deadline);
            driver.advanceWallClockTime(Duration.ofMillis(10));
        }
    }

    /** Outcomes with the measured durations zeroed, for whole-record comparison. */
    private static IdentityRecognized withoutDurations(IdentityRecognized outcome) {
        return IdentityRecognized.newBuilder(outcome).setTimings(Timings.newBuilder(outcome.getTimings())
                .setRateLimitWaitMillis(0).setOcrMillis(0).build()).build();
    }

    private static IdCardOcrFailed withoutDurations(IdCardOcrFailed outcome) {
        return IdCardOcrFailed.newBuilder(outcome).setTimings(Timings.newBuilder(outcome.getTimings())
                .setRateLimitWaitMillis(0).setOcrMillis(0).build()).build();
    }

    private static Timings timings(long ocrMillis) {
        return new Timings(TestEvents.REQUESTED_AT, NOW, NOW, 0L, ocrMillis);
    }

    @Test
    void shouldPublishANormalisedValidatedIdentityForAFront() {
        // Given
        recognizer.answer("front", IdCardOcrResult.of(LI_MING, AdvancedInfo.EMPTY, "req-1"));

        // When
        requests.pipeInput("subject-1", TestEvents.inline("r-1", "subject-1", "front",
                io.idcardstream.events.CardSide.FRONT));
        settle(1);

        // Then
        IdentityRecognized expected = IdentityRecognized.newBuilder()
                .setRequestId("r-1")
                .setSubjectId("subject-1")
                .setSide(CardSide.FRONT)
                .setFront(new FrontIdentity("李明", Sex.MALE, "汉", LocalDate.of(1987, 1, 1),
                        "北京市石景山区高新技术园腾讯大楼", "440524198701010014"))
                .setBack(null)
                .setRaw(new RawFields("李明", "男", "汉", "1987/1/1", "北京市石景山区高新技术园腾讯大楼",
                        "440524198701010014", "", ""))
                .setFieldDetails(List.of())
                .setWarnings(List.of())
                .setQuality(null)
                .setBorderCodeValue(null)
                .setCrops(null)
                .setValidation(new ValidationReport(true, true, false, true, true, null, null,
                        List.of("REGION_CODE_UNKNOWN"), List.of()))
                .setProvider(new ProviderInfo("scripted", "test", "1.0", "none", "req-1"))
                .setAttempts(1)
                .setDuplicate(false)
                .setReprocessed(false)
                .setTimings(timings(0))
                .setAttributes(Map.of("tenant", "t1"))
                .build();
        assertThat(recognized.readKeyValuesToList()).extracting(kv -> kv.key, kv -> withoutDurations(kv.value))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("subject-1", expected));
        assertThat(failed.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldReportWhatTheRecogniserCorrectedBesideTheChecksOfWhatItReturned() {
        // Given: a recogniser that repaired the ID number by its check digit and then took the birth date from it
        recognizer.answer("corrected", new IdCardOcrResult(LI_MING, AdvancedInfo.EMPTY, List.of(), List.of(
                new io.idcardstream.ocr.FieldCorrection(FieldName.ID_NUM, "440524198701010074", "440524198701010014",
                        "ID_NUMBER_FROM_CHECK_DIGIT"),
                new io.idcardstream.ocr.FieldCorrection(FieldName.BIRTH, "1987/1/7", "1987/1/1",
                        "BIRTH_FROM_ID_NUMBER")), List.of(), "req-5"));

        // When
        requests.pipeInput("subject-5", TestEvents.inline("r-5", "subject-5", "corrected", CardSide.FRONT));
        settle(1);

        // Then
        assertThat(recognized.readValuesToList()).extracting(IdentityRecognized::getValidation).containsExactly(
                new ValidationReport(true, true, false, true, true, null, null, List.of("REGION_CODE_UNKNOWN"),
                        List.of(new FieldCorrection("IdNum", "440524198701010074", "440524198701010014",
                                        "ID_NUMBER_FROM_CHECK_DIGIT"),
                                new FieldCorrection("Birth", "1987/1/7", "1987/1/1", "BIRTH_FROM_ID_NUMBER"))));
    }

    @Test
    void shouldSplitTheValidityOfABackAndRecogniseLongTerm() {
        // Given
        recognizer.answer("back-fixed", IdCardOcrResult.of(CardFields.back("赵县公安局", "2010.07.21-2020.07.21"),
                AdvancedInfo.EMPTY, "req-2"));
        recognizer.answer("back-long", IdCardOcrResult.of(CardFields.back("赵县公安局", "2008.09.20-长期"),
                AdvancedInfo.EMPTY, "req-3"));

        // When
        requests.pipeInput("s", TestEvents.inline("r-2", "s", "back-fixed", CardSide.BACK));
        requests.pipeInput("s", TestEvents.inline("r-3", "s", "back-long", CardSide.BACK));
        settle(2);

        // Then
        List<IdentityRecognized> outcomes = recognized.readValuesToList();
        assertThat(outcomes).extracting(IdentityRecognized::getBack).containsExactly(
                new BackIdentity("赵县公安局", LocalDate.of(2010, 7, 21), LocalDate.of(2020, 7, 21), false),
                new BackIdentity("赵县公安局", LocalDate.of(2008, 9, 20), null, true));
        assertThat(outcomes.get(0).getValidation().getExpired()).isTrue();
        assertThat(outcomes.get(1).getValidation().getExpired()).isFalse();
        assertThat(outcomes).extracting(IdentityRecognized::getFront).containsOnlyNulls();
    }

    @Test
    void shouldPublishTheApisErrorCodeWhenTheCardCannotBeRead() {
        // Given
        recognizer.fail("blank wall", new OcrException(ErrorCodes.IMAGE_NO_ID_CARD, "No ID card detected",
                "req-err"));

        // When
        requests.pipeInput("s", TestEvents.inline("r-4", "s", "blank wall", null));
        settle(1);

        // Then
        IdCardOcrFailed expected = IdCardOcrFailed.newBuilder()
                .setRequestId("r-4")
                .setSubjectId("s")
                .setSide(null)
                .setErrorCode("FailedOperation.ImageNoIdCard")
                .setCategory(ErrorCategory.IMAGE)
                .setRetryable(false)
                .setAttempts(1)
                .setMessage("No ID card detected")
                .setProvider(new ProviderInfo("scripted", "test", "1.0", "none", "req-err"))
                .setDuplicate(false)
                .setReprocessed(false)
                .setTimings(timings(0))
                .setAttributes(Map.of("tenant", "t1"))
                .build();
        assertThat(failed.readValuesToList()).extracting(IdCardTopologyTest::withoutDurations)
                .containsExactly(expected);
        assertThat(recognized.isEmpty()).isTrue();
    }

    @Test
    void shouldRefuseBadRequestsWithoutCallingTheRecogniser() {
        // When: an oversized inline image, an empty one, a non-http URL, and a blank request id
        requests.pipeInput("s", TestEvents.inline("r-big", "s", new byte[65], null, null));
        requests.pipeInput("s", TestEvents.inline("r-empty", "s", new byte[0], null, null));
        requests.pipeInput("s", TestEvents.url("r-file", "s", "file:///etc/passwd", null));
        requests.pipeInput("s", TestEvents.inline(" ", "s", "front", null));
        settle(4);

        // Then
        assertThat(failed.readValuesToList())
                .extracting(IdCardOcrFailed::getRequestId, IdCardOcrFailed::getErrorCode,
                        IdCardOcrFailed::getCategory, IdCardOcrFailed::getRetryable, IdCardOcrFailed::getAttempts,
                        f -> f.getProvider() == null)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("r-big", ErrorCodes.IMAGE_SIZE_TOO_LARGE,
                                ErrorCategory.IMAGE, false, 0, true),
                        org.assertj.core.groups.Tuple.tuple("r-empty", ErrorCodes.EMPTY_IMAGE,
                                ErrorCategory.IMAGE, false, 0, true),
                        // serve and the local engine answer file:// with DownLoadError too; refused, so final
                        org.assertj.core.groups.Tuple.tuple("r-file", ErrorCodes.DOWNLOAD_ERROR,
                                ErrorCategory.IMAGE, false, 0, true),
                        org.assertj.core.groups.Tuple.tuple(" ", ErrorCodes.INVALID_PARAMETER_VALUE,
                                ErrorCategory.PARAMETER, false, 0, true));
        assertThat(recognizer.requests()).isEmpty();
    }

    @Test
    void shouldSendUndecodableRecordsToTheDeadLetterTopicWithTheirCoordinates() {
        // Given: bytes that are not the Confluent wire format
        byte[] garbage = "definitely not avro".getBytes(StandardCharsets.UTF_8);

        // When
        rawRequests.pipeInput("s", garbage);
        rawRequests.pipeInput("s", (byte[]) null);
        settle(2);

        // Then
        List<TestRecord<String, byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).hasSize(2);
        assertThat(dead.get(0).key()).isEqualTo("s");
        assertThat(dead.get(0).value()).isEqualTo(garbage);
        assertThat(header(dead.get(0), "__streams.errors.topic")).isEqualTo("requests");
        assertThat(header(dead.get(0), "__streams.errors.partition")).isEqualTo("0");
        assertThat(header(dead.get(0), "__streams.errors.offset")).isEqualTo("0");
        assertThat(header(dead.get(0), "__streams.errors.exception"))
                .isEqualTo("org.apache.kafka.common.errors.SerializationException");
        assertThat(dead.get(1).value()).isNull();
        assertThat(header(dead.get(1), "__streams.errors.exception")).isEqualTo("NullValue");
        assertThat(header(dead.get(1), "__streams.errors.offset")).isEqualTo("1");
        assertThat(recognized.isEmpty()).isTrue();
        assertThat(failed.isEmpty()).isTrue();
        // And: every dead letter is counted, the undecodable one as well as the tombstone
        assertThat(meters.find("idcard.outcomes").tag("outcome", "dead_letter").counters().stream()
                .collect(java.util.stream.Collectors.toMap(c -> c.getId().getTag("code"), c -> c.count())))
                .isEqualTo(Map.of("SerializationException", 1.0, "NullValue", 1.0));
    }

    @Test
    void shouldTurnARecogniserBugIntoAnInternalErrorOutcome() {
        recognizer.crash("boom", new IllegalStateException("bug"));

        requests.pipeInput("s", TestEvents.inline("r-5", "s", "boom", null));
        settle(1);

        IdCardOcrFailed outcome = failed.readValue();
        assertThat(outcome.getErrorCode()).isEqualTo(ErrorCodes.INTERNAL_ERROR);
        assertThat(outcome.getRetryable()).isTrue();
        assertThat(failed.isEmpty()).isTrue();
    }

    @Test
    void shouldEndACallThatNeverCompletesAtTheDeadline() {
        // Given
        startWith(Duration.ofMillis(200));
        recognizer.hang("silence");

        // When
        requests.pipeInput("s", TestEvents.inline("r-6", "s", "silence", null));
        settle(1);

        // Then
        IdCardOcrFailed outcome = failed.readValue();
        assertThat(outcome.getErrorCode()).isEqualTo(ErrorCodes.CLIENT_TIMEOUT);
        assertThat(outcome.getCategory()).isEqualTo(ErrorCategory.TIMEOUT);
        assertThat(outcome.getRetryable()).isTrue();
    }

    @Test
    void shouldCarrySmallCropsAndFlagTheOnesOverTheCap() {
        // Given: the crop cap is 8 bytes
        recognizer.answer("front+crops", IdCardOcrResult.of(LI_MING,
                new AdvancedInfo(new byte[] {1, 2, 3}, new byte[20], 90, null, List.of(-9102, -9999)), "req-7"));

        // When
        requests.pipeInput("s", TestEvents.inline("r-7", "s", "front+crops".getBytes(StandardCharsets.UTF_8),
                CardSide.FRONT, TestEvents.crops()));
        settle(1);

        // Then
        IdentityRecognized outcome = recognized.readValue();
        assertThat(outcome.getCrops().getIdCard()).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        assertThat(outcome.getCrops().getIdCardOmitted()).isFalse();
        assertThat(outcome.getCrops().getPortrait()).isNull();
        assertThat(outcome.getCrops().getPortraitOmitted()).isTrue();
        assertThat(outcome.getQuality()).isEqualTo(90);
        assertThat(outcome.getWarnings()).extracting(w -> w.getCode(), w -> w.getKind().name())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(-9102, "PHOTOCOPY"),
                        org.assertj.core.groups.Tuple.tuple(-9999, "UNKNOWN"));
    }

    @Test
    void shouldMaskIdNumbersInFailureMessages() {
        recognizer.fail("leaky", new OcrException("FailedOperation.IdCardInfoIllegal",
                "Number 440524198701010014 is illegal", "req-8"));

        requests.pipeInput("s", TestEvents.inline("r-8", "s", "leaky", null));
        settle(1);

        assertThat(failed.readValue().getMessage()).isEqualTo("Number 4405**********0014 is illegal");
    }

    @Test
    void shouldAnswerEveryRequestExactlyOnceInOrder() {
        // Given
        recognizer.answer("ok", IdCardOcrResult.of(LI_MING, AdvancedInfo.EMPTY, "req"));
        recognizer.fail("bad", new OcrException(ErrorCodes.IMAGE_BLUR, "blurry", "req"));

        // When
        for (int i = 0; i < 10; i++) {
            requests.pipeInput("s", TestEvents.inline("r-" + i, "s", i % 3 == 0 ? "bad" : "ok", null));
        }
        settle(10);

        // Then
        List<String> answered = new java.util.ArrayList<>();
        recognized.readValuesToList().forEach(r -> answered.add(r.getRequestId()));
        failed.readValuesToList().forEach(f -> answered.add(f.getRequestId()));
        assertThat(answered).containsExactlyInAnyOrder("r-0", "r-1", "r-2", "r-3", "r-4", "r-5", "r-6", "r-7",
                "r-8", "r-9");
        assertThat(meters.get("idcard.outcomes").tags("outcome", "recognized", "code", "ok").counter().count())
                .isEqualTo(6);
        assertThat(meters.get("idcard.outcomes").tags("outcome", "failed", "code", ErrorCodes.IMAGE_BLUR)
                .counter().count()).isEqualTo(4);
        assertThat(meters.get("idcard.ocr.call").tags("code", ErrorCodes.IMAGE_BLUR).timer().count()).isEqualTo(4);
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
