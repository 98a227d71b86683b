package io.idcardstream.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.events.IdentityRecognized;
import io.idcardstream.events.ValidationReport;
import io.idcardstream.ocr.AdvancedInfo;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.FieldCorrection;
import io.idcardstream.ocr.FieldName;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.OcrException;
import io.idcardstream.serde.ConfluentAvroSerde;
import io.idcardstream.serde.InMemorySchemaRegistry;
import io.idcardstream.testing.ImageScriptedRecognizer;
import io.idcardstream.testing.TestClock;
import io.idcardstream.testing.TestEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the async processor does: key order, retries, the idempotency ledger, pauses, the pending store. */
class AsyncTopologyTest {
    private static final IdCardOcrResult FRONT = IdCardOcrResult.of(CardFields.front("李明", "男", "汉", "1987/1/1",
            "北京市石景山区高新技术园腾讯大楼", "440524198701010014"), AdvancedInfo.EMPTY, "p-1");

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final ConfluentAvroSerde<IdCardOcrRequested> requestSerde =
            new ConfluentAvroSerde<>(IdCardOcrRequested.class, registry, true, false);
    private final ConfluentAvroSerde<IdentityRecognized> recognizedSerde =
            new ConfluentAvroSerde<>(IdentityRecognized.class, registry, true, false);
    private final ConfluentAvroSerde<IdCardOcrFailed> failedSerde =
            new ConfluentAvroSerde<>(IdCardOcrFailed.class, registry, true, false);
    private final ImageScriptedRecognizer recognizer = new ImageScriptedRecognizer();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T08:00:05Z"));

    private OcrDispatcher dispatcher;
    private TopologyTestDriver driver;
    private TestInputTopic<String, IdCardOcrRequested> requests;
    private TestOutputTopic<String, IdentityRecognized> recognized;
    private TestOutputTopic<String, IdCardOcrFailed> failed;
    private final List<Object> outcomes = new ArrayList<>();

    @TempDir
    Path stateDir;

    @BeforeEach
    void start() {
        WorkerTopics topics = new WorkerTopics(
                new TopicSpec<>("requests", Serdes.String(), requestSerde),
                new TopicSpec<>("recognized", Serdes.String(), recognizedSerde),
                new TopicSpec<>("failed", Serdes.String(), failedSerde),
                "requests.dlq");
        WorkerSettings settings = new WorkerSettings(Duration.ofSeconds(5), 1 << 20, 1 << 10);
        WorkerMetrics metrics = new WorkerMetrics(meters);
        dispatcher = new OcrDispatcher(recognizer, new DispatchSettings(1_000, 1, 0, 16, 16, Duration.ofSeconds(5),
                Duration.ofMillis(50), Duration.ofMillis(100)), System::nanoTime, metrics).start();
        AsyncSettings async = new AsyncSettings(
                new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofMinutes(1)),
                64, 64, Duration.ofSeconds(1), Duration.ofDays(1), Duration.ofMillis(10));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "async-test");
        // Its own RocksDB directory: another build on the machine (a mutation run) may hold the default one.
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(IdCardTopology.async(settings, async, topics, dispatcher,
                (topic, partition, offsets) -> Map.of(), clock, metrics), props);
        requests = driver.createInputTopic("requests", new StringSerializer(), requestSerde.serializer());
        recognized = driver.createOutputTopic("recognized", new StringDeserializer(), recognizedSerde.deserializer());
        failed = driver.createOutputTopic("failed", new StringDeserializer(), failedSerde.deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
        dispatcher.close();
    }

    /** Moves wall-clock and processor time on until {@code count} outcomes were published, in publication order. */
    private List<Object> settle(int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (outcomes.size() < count) {
            assertThat(System.nanoTime()).as("%d outcomes within 10 s, got %s", count, outcomes).isLessThan(deadline);
            clock.advance(Duration.ofMillis(10));
            driver.advanceWallClockTime(Duration.ofMillis(10));
            // One forward goes to one topic at a time, so reading both after each step keeps the order.
            outcomes.addAll(recognized.readValuesToList());
            outcomes.addAll(failed.readValuesToList());
        }
        return outcomes;
    }

    private static String id(Object outcome) {
        return outcome instanceof IdentityRecognized r ? r.getRequestId() : ((IdCardOcrFailed) outcome).getRequestId();
    }

    private double counter(String name, String... tags) {
        return meters.get(name).tags(tags).counter().count();
    }

    @Test
    void shouldKeepEachSubjectsOrderWhenCallsFinishOutOfOrder() {
        // Given: a slow call and a fast one for subject A, a fast one for subject B
        recognizer.answerAfter("slow", FRONT, Duration.ofMillis(300)).answer("fast", FRONT);

        // When
        requests.pipeInput("A", TestEvents.inline("a-1", "A", "slow", null));
        requests.pipeInput("A", TestEvents.inline("a-2", "A", "fast", null));
        requests.pipeInput("B", TestEvents.inline("b-1", "B", "fast", null));

        // Then: B overtakes A's slow call, but A's second request waits for A's first
        assertThat(settle(3)).extracting(AsyncTopologyTest::id).containsExactly("b-1", "a-1", "a-2");
    }

    @Test
    void shouldRetryRetryableFailuresUntilTheCallSucceeds() {
        recognizer.failTimes("flaky", 2, new OcrException(ErrorCodes.REQUEST_LIMIT_EXCEEDED, "slow down", "t"), FRONT);

        requests.pipeInput("s", TestEvents.inline("r-1", "s", "flaky", null));

        IdentityRecognized outcome = (IdentityRecognized) settle(1).get(0);
        assertThat(outcome.getAttempts()).isEqualTo(3);
        assertThat(recognizer.calls("flaky")).isEqualTo(3);
        assertThat(counter("idcard.ocr.retries", "code", ErrorCodes.REQUEST_LIMIT_EXCEEDED)).isEqualTo(2);
        assertThat(meters.get("idcard.ocr.throttled").counter().count()).isEqualTo(2);
    }

    @Test
    void shouldPublishTheFailureWithItsAttemptsWhenRetriesRunOut() {
        recognizer.fail("broken", new OcrException(ErrorCodes.INTERNAL_ERROR, "provider down", "t"));

        requests.pipeInput("s", TestEvents.inline("r-1", "s", "broken", null));

        IdCardOcrFailed outcome = (IdCardOcrFailed) settle(1).get(0);
        assertThat(outcome.getErrorCode()).isEqualTo(ErrorCodes.INTERNAL_ERROR);
        assertThat(outcome.getRetryable()).isTrue();
        assertThat(outcome.getAttempts()).isEqualTo(3);
        assertThat(recognizer.calls("broken")).isEqualTo(3);
    }

    @Test
    void shouldNotRetryTerminalErrors() {
        recognizer.fail("blurry", new OcrException(ErrorCodes.IMAGE_BLUR, "blurry", "t"));

        requests.pipeInput("s", TestEvents.inline("r-1", "s", "blurry", null));

        IdCardOcrFailed outcome = (IdCardOcrFailed) settle(1).get(0);
        assertThat(outcome.getAttempts()).isEqualTo(1);
        assertThat(recognizer.calls("blurry")).isEqualTo(1);
    }

    @Test
    void shouldAnswerARepeatedRequestIdFromTheLedgerWithoutAPaidCall() {
        // Given: a request answered once
        recognizer.answer("card", FRONT);
        requests.pipeInput("s", TestEvents.inline("r-1", "s", "card", null));
        settle(1);

        // When: the same request again, then once more asking to reprocess
        requests.pipeInput("s", TestEvents.inline("r-1", "s", "card", null));
        settle(2);
        requests.pipeInput("s", IdCardOcrRequested.newBuilder(TestEvents.inline("r-1", "s", "card", null))
                .setReprocess(true).build());
        List<Object> all = settle(3);

        // Then
        assertThat(all).extracting(o -> ((IdentityRecognized) o).getDuplicate(),
                        o -> ((IdentityRecognized) o).getAttempts(), o -> ((IdentityRecognized) o).getReprocessed())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(false, 1, false),
                        org.assertj.core.groups.Tuple.tuple(true, 0, false),
                        org.assertj.core.groups.Tuple.tuple(false, 1, true));
        IdentityRecognized duplicate = (IdentityRecognized) all.get(1);
        assertThat(duplicate.getFront()).isNull();
        assertThat(duplicate.getProvider().getProviderRequestId()).isEqualTo("p-1");
        assertThat(recognizer.calls("card")).isEqualTo(2);
    }

    @Test
    void shouldTreatTheSameRequestIdOfAnotherSubjectAsAnotherRequest() {
        // Given: subject a's request r-1 answered once
        recognizer.answer("card", FRONT);
        requests.pipeInput("a", TestEvents.inline("r-1", "a", "card", null));
        settle(1);

        // When: r-1 again for subject b (in the same partition here), then again for subject a
        requests.pipeInput("b", TestEvents.inline("r-1", "b", "card", null));
        requests.pipeInput("a", TestEvents.inline("r-1", "a", "card", null));
        List<Object> all = settle(3);

        // Then: b gets its own call and outcome, wherever its key lands; only a's repeat is a duplicate
        assertThat(all).extracting(o -> ((IdentityRecognized) o).getSubjectId(),
                        o -> ((IdentityRecognized) o).getDuplicate())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("a", false),
                        org.assertj.core.groups.Tuple.tuple("b", false), org.assertj.core.groups.Tuple.tuple("a", true));
        assertThat(recognizer.calls("card")).isEqualTo(2);
    }

    @Test
    void shouldLeaveTheCorrectionsOutOfADuplicateLikeEveryOtherCardValue() {
        // Given: a request answered once, with a correction
        recognizer.answer("corrected", new IdCardOcrResult(FRONT.fields(), AdvancedInfo.EMPTY, List.of(),
                List.of(new FieldCorrection(FieldName.SEX, "", "男", "SEX_FROM_ID_NUMBER")), List.of(), "p-1"));
        requests.pipeInput("s", TestEvents.inline("r-1", "s", "corrected", null));
        settle(1);

        // When: the same request again
        requests.pipeInput("s", TestEvents.inline("r-1", "s", "corrected", null));
        List<Object> all = settle(2);

        // Then: the first outcome has the correction; the duplicate, answered from the ledger, has no card values
        assertThat(all).extracting(o -> ((IdentityRecognized) o).getValidation()).containsExactly(
                new ValidationReport(true, true, false, true, true, null, null, List.of("REGION_CODE_UNKNOWN"),
                        List.of(new io.idcardstream.events.FieldCorrection("Sex", "", "男", "SEX_FROM_ID_NUMBER"))),
                new ValidationReport(null, null, null, null, null, null, null, List.of(), List.of()));
        assertThat(recognizer.calls("corrected")).isEqualTo(1);
    }

    @Test
    void shouldAnswerADuplicateThatArrivesWhileTheFirstIsStillPending() {
        recognizer.answerAfter("slow", FRONT, Duration.ofMillis(200));

        requests.pipeInput("s", TestEvents.inline("r-1", "s", "slow", null));
        requests.pipeInput("s", TestEvents.inline("r-1", "s", "slow", null));

        assertThat(settle(2)).extracting(o -> ((IdentityRecognized) o).getDuplicate()).containsExactly(false, true);
        assertThat(recognizer.calls("slow")).isEqualTo(1);
    }

    @Test
    void shouldRememberFailuresToo() {
        recognizer.fail("no card", new OcrException(ErrorCodes.IMAGE_NO_ID_CARD, "none", "t-9"));

        requests.pipeInput("s", TestEvents.inline("r-1", "s", "no card", null));
        requests.pipeInput("s", TestEvents.inline("r-1", "s", "no card", null));

        List<Object> all = settle(2);
        IdCardOcrFailed duplicate = (IdCardOcrFailed) all.get(1);
        assertThat(duplicate.getDuplicate()).isTrue();
        assertThat(duplicate.getErrorCode()).isEqualTo(ErrorCodes.IMAGE_NO_ID_CARD);
        assertThat(duplicate.getAttempts()).isZero();
        assertThat(recognizer.calls("no card")).isEqualTo(1);
    }

    @Test
    void shouldPauseOnAccountWideErrorsInsteadOfFailingTheRequest() {
        // Given: the account is broken for the first call, then fixed
        recognizer.failTimes("card", 1, new OcrException("AuthFailure.SecretIdNotFound", "no such key", "t"), FRONT);

        // When
        requests.pipeInput("s", TestEvents.inline("r-1", "s", "card", null));

        // Then: no failed event; the call is made again after the pause and counts once
        IdentityRecognized outcome = (IdentityRecognized) settle(1).get(0);
        assertThat(outcome.getAttempts()).isEqualTo(1);
        assertThat(recognizer.calls("card")).isEqualTo(2);
        assertThat(counter("idcard.ocr.pauses", "code", "AuthFailure.SecretIdNotFound")).isEqualTo(1);
    }

    @Test
    void shouldLeaveNothingPendingOnceEveryRequestIsAnswered() {
        recognizer.answerAfter("slow", FRONT, Duration.ofMillis(100)).answer("fast", FRONT);
        for (int i = 0; i < 20; i++) {
            requests.pipeInput("k" + (i % 4), TestEvents.inline("r-" + i, "k" + (i % 4), i % 2 == 0 ? "slow" : "fast",
                    null));
        }

        assertThat(settle(20)).hasSize(20);
        assertThat(driver.<Long, Object>getKeyValueStore(AsyncOcrProcessor.PENDING_STORE).approximateNumEntries())
                .isZero();
        assertThat(meters.get("idcard.pending.requests").gauge().value()).isZero();
        List<KeyValue<Long, Object>> left = new ArrayList<>();
        driver.<Long, Object>getKeyValueStore(AsyncOcrProcessor.PENDING_STORE).all().forEachRemaining(left::add);
        assertThat(left).isEmpty();
    }
}
