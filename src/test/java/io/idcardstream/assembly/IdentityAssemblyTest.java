package io.idcardstream.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.events.CardSide;
import io.idcardstream.events.CardWarning;
import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdentityAssembled;
import io.idcardstream.events.IdentityIncomplete;
import io.idcardstream.events.IdentityRecognized;
import io.idcardstream.events.SideFailure;
import io.idcardstream.events.SideWarning;
import io.idcardstream.events.UncheckedWarning;
import io.idcardstream.events.WarningKind;
import io.idcardstream.events.state.AssemblyState;
import io.idcardstream.serde.ConfluentAvroSerde;
import io.idcardstream.serde.InMemorySchemaRegistry;
import io.idcardstream.testing.OutcomeEvents;
import io.idcardstream.testing.OutcomeEvents.Card;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Identity assembly's topology on the test driver: joins, flags, deadlines, replays and retention. */
class IdentityAssemblyTest {
    /** 10:00 in Shanghai on 6 December 2026: the day expiry is judged on. */
    private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");
    private static final Duration DEADLINE = Duration.ofMinutes(30);
    private static final Duration RETENTION = Duration.ofDays(7);
    private static final String BEIJING_CHAOYANG = "110105";
    private static final String AUTHORITY = "北京市公安局朝阳分局";
    /** Born 1990-03-15, issued 2020-05-01 at 30: twenty years is the law's term. */
    private static final Card CARD = Card.of(BEIJING_CHAOYANG, LocalDate.of(1990, 3, 15), 123, AUTHORITY,
            LocalDate.of(2020, 5, 1), 20);

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, IdentityRecognized> recognized;
    private TestInputTopic<String, IdCardOcrFailed> failed;
    private TestOutputTopic<String, IdentityAssembled> assembled;
    private TestOutputTopic<String, IdentityIncomplete> incomplete;

    @TempDir
    Path stateDir;

    @BeforeEach
    void start() {
        AssemblyTopics topics = new AssemblyTopics(
                "recognized", new ConfluentAvroSerde<>(IdentityRecognized.class, registry, true, false),
                "failed", new ConfluentAvroSerde<>(IdCardOcrFailed.class, registry, true, false),
                "assembled", new ConfluentAvroSerde<>(IdentityAssembled.class, registry, true, false),
                "incomplete", new ConfluentAvroSerde<>(IdentityIncomplete.class, registry, true, false));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "assembly-test");
        // Its own RocksDB directory: another build on the machine (a mutation run) may hold the default one.
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(IdentityAssembly.build(topics,
                new AssemblySettings(DEADLINE, Duration.ofSeconds(5), RETENTION), new AssemblyMetrics(meters)),
                props, NOW);
        recognized = driver.createInputTopic("recognized", Serdes.String().serializer(),
                topics.recognizedSerde().serializer());
        failed = driver.createInputTopic("failed", Serdes.String().serializer(), topics.failedSerde().serializer());
        assembled = driver.createOutputTopic("assembled", Serdes.String().deserializer(),
                topics.assembledSerde().deserializer());
        incomplete = driver.createOutputTopic("incomplete", Serdes.String().deserializer(),
                topics.incompleteSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void shouldAssembleTheFrontAndBackOfOneApplicationWhicheverArrivesFirst() {
        // Given the back of application a-1, then its front
        recognized.pipeInput("s-1", OutcomeEvents.back("r-back", "s-1", "a-1", CARD), NOW);
        assertThat(assembled.isEmpty()).isTrue();

        // When
        recognized.pipeInput("s-1", OutcomeEvents.front("r-front", "s-1", "a-1", CARD), NOW.plusSeconds(1));

        // Then: one identity with both sides' fields, checked and clean
        var record = assembled.readKeyValue();
        assertThat(record.key).isEqualTo("s-1");
        IdentityAssembled identity = record.value;
        assertThat(identity.getApplicationId()).isEqualTo("a-1");
        assertThat(identity.getRevision()).isEqualTo(1);
        assertThat(identity.getReprocessed()).isFalse();
        assertThat(identity.getFrontRequestId()).isEqualTo("r-front");
        assertThat(identity.getBackRequestId()).isEqualTo("r-back");
        assertThat(identity.getIdentity().getIdNumber()).isEqualTo(CARD.idNumber());
        assertThat(identity.getIdentity().getName()).isEqualTo(CARD.name());
        assertThat(identity.getIdentity().getAuthority()).isEqualTo(AUTHORITY);
        assertThat(identity.getIdentity().getValidUntil()).isEqualTo(LocalDate.of(2040, 5, 1));
        assertThat(identity.getChecks().getAgeAtIssue()).isEqualTo(30);
        assertThat(identity.getChecks().getValiditySpanFitsAge()).isTrue();
        assertThat(identity.getChecks().getExpired()).isFalse();
        assertThat(identity.getChecks().getDaysLeft())
                .isEqualTo((int) java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2026, 12, 6),
                        LocalDate.of(2040, 5, 1)));
        assertThat(identity.getChecks().getCheckedOn()).isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(identity.getChecks().getAuthorityMatchesRegion()).isTrue();
        assertThat(identity.getFlags()).isEmpty();
        assertThat(identity.getFlagged()).isFalse();
        assertThat(identity.getSameImage()).isFalse();
        assertThat(assembled.isEmpty()).isTrue();
        assertThat(counter("idcard.identity.assembled")).isEqualTo(1.0);
    }

    @Test
    void shouldAssembleAnImageShowingBothSidesOnItsOwn() {
        // Given one MultiCardDetect image: the front normalised, both sides in the raw strings
        // When
        recognized.pipeInput("s-1", OutcomeEvents.both("r-both", "s-1", "a-1", CARD), NOW);

        // Then
        IdentityAssembled identity = assembled.readValue();
        assertThat(identity.getSameImage()).isTrue();
        assertThat(identity.getFrontRequestId()).isEqualTo("r-both");
        assertThat(identity.getBackRequestId()).isEqualTo("r-both");
        assertThat(identity.getIdentity().getAuthority()).isEqualTo(AUTHORITY);
        assertThat(identity.getIdentity().getValidFrom()).isEqualTo(LocalDate.of(2020, 5, 1));
        assertThat(identity.getIdentity().getValidUntil()).isEqualTo(LocalDate.of(2040, 5, 1));
        assertThat(identity.getFlags()).isEmpty();
    }

    @Test
    void shouldFlagAValiditySpanThatDoesNotFitTheAgeAtIssue() {
        // Given a 30-year-old's card valid for ten years (the law gives 26-45 twenty)
        Card tenYears = Card.of(BEIJING_CHAOYANG, LocalDate.of(1990, 3, 15), 123, AUTHORITY,
                LocalDate.of(2020, 5, 1), 10);

        // When
        recognized.pipeInput("s-1", OutcomeEvents.front("r-f", "s-1", "a-1", tenYears), NOW);
        recognized.pipeInput("s-1", OutcomeEvents.back("r-b", "s-1", "a-1", tenYears), NOW);

        // Then: flagged, fields as read
        IdentityAssembled identity = assembled.readValue();
        assertThat(identity.getChecks().getAgeAtIssue()).isEqualTo(30);
        assertThat(identity.getChecks().getValiditySpanFitsAge()).isFalse();
        assertThat(identity.getFlags()).containsExactly("VALIDITY_SPAN_DOES_NOT_FIT_AGE");
        assertThat(identity.getFlagged()).isTrue();
        assertThat(identity.getIdentity().getValidUntil()).isEqualTo(LocalDate.of(2030, 5, 1));
        assertThat(counter("idcard.identity.flagged")).isEqualTo(1.0);
    }

    @Test
    void shouldFlagAnExpiredCardAndAnAuthorityOutsideTheIdNumbersRegion() {
        // Given a child's five-year card that ended last year, issued by a Guangzhou authority for a Beijing number
        Card expired = Card.of(BEIJING_CHAOYANG, LocalDate.of(2010, 6, 1), 124, "广州市公安局天河分局",
                LocalDate.of(2020, 1, 2), 5);

        // When
        recognized.pipeInput("s-1", OutcomeEvents.front("r-f", "s-1", "a-1", expired), NOW);
        recognized.pipeInput("s-1", OutcomeEvents.back("r-b", "s-1", "a-1", expired), NOW);

        // Then
        IdentityAssembled identity = assembled.readValue();
        assertThat(identity.getChecks().getAgeAtIssue()).isEqualTo(9);
        assertThat(identity.getChecks().getValiditySpanFitsAge()).isTrue();
        assertThat(identity.getChecks().getExpired()).isTrue();
        assertThat(identity.getChecks().getDaysLeft()).isNegative();
        assertThat(identity.getChecks().getAuthorityMatchesRegion()).isFalse();
        assertThat(identity.getFlags()).containsExactly("EXPIRED", "AUTHORITY_NOT_IN_ID_REGION");
    }

    @Test
    void shouldFlagARepeatedSideKeepTheLatestAndMergeWarningsOfBothSides() {
        // Given a photocopied front, then a back with glare, then a later second front of the same application
        recognized.pipeInput("s-1", OutcomeEvents.withWarnings(OutcomeEvents.front("r-f1", "s-1", "a-1", CARD),
                List.of(new CardWarning(-9102, WarningKind.PHOTOCOPY, null, List.of()))), NOW);
        recognized.pipeInput("s-1", OutcomeEvents.withWarnings(OutcomeEvents.back("r-b", "s-1", "a-1", CARD),
                List.of(new CardWarning(-9108, WarningKind.GLARE, null, List.of()))), NOW.plusSeconds(1));
        IdentityAssembled first = assembled.readValue();

        // When
        recognized.pipeInput("s-1", OutcomeEvents.front("r-f2", "s-1", "a-1", CARD), NOW.plusSeconds(2));

        // Then: revision 1 merged both sides' warnings; revision 2 took the later front and says so
        assertThat(first.getWarnings()).containsExactly(new SideWarning(CardSide.FRONT, -9102, "PHOTOCOPY"),
                new SideWarning(CardSide.BACK, -9108, "GLARE"));
        IdentityAssembled second = assembled.readValue();
        assertThat(second.getRevision()).isEqualTo(2);
        assertThat(second.getFrontRequestId()).isEqualTo("r-f2");
        assertThat(second.getFlags()).containsExactly("REPEATED_FRONT");
        assertThat(second.getWarnings()).containsExactly(new SideWarning(CardSide.BACK, -9108, "GLARE"));
        assertThat(assembled.isEmpty()).isTrue();
    }

    @Test
    void shouldCarryTheWarningsEachSideDidNotCheckSoTheIdentityNeverLooksClean() {
        // Given a front that asked for the photocopy warning without a detector vouching for it, and a back that
        // asked for glare the same way
        recognized.pipeInput("s-1", IdentityRecognized.newBuilder(OutcomeEvents.front("r-f", "s-1", "a-1", CARD))
                .setWarningsNotChecked(List.of(new UncheckedWarning(-9102, WarningKind.PHOTOCOPY))).build(), NOW);

        // When the back completes the application
        recognized.pipeInput("s-1", IdentityRecognized.newBuilder(OutcomeEvents.back("r-b", "s-1", "a-1", CARD))
                .setWarningsNotChecked(List.of(new UncheckedWarning(-9107, WarningKind.GLARE))).build(),
                NOW.plusSeconds(1));

        // Then the identity names both, each with its side, apart from the warnings found (none)
        IdentityAssembled identity = assembled.readValue();
        assertThat(identity.getWarnings()).isEmpty();
        assertThat(identity.getWarningsNotChecked()).containsExactly(
                new SideWarning(CardSide.FRONT, -9102, "PHOTOCOPY"), new SideWarning(CardSide.BACK, -9107, "GLARE"));
    }

    @Test
    void shouldKeepTheLaterImageWhenAnEarlierOneOfTheSameSideArrivesLate() {
        // Given a front taken at t+10 s, the back, and then a front taken at t (delivered late)
        recognized.pipeInput("s-1", OutcomeEvents.front("r-late", "s-1", "a-1", CARD), NOW.plusSeconds(10));
        recognized.pipeInput("s-1", OutcomeEvents.back("r-b", "s-1", "a-1", CARD), NOW.plusSeconds(11));

        // When
        recognized.pipeInput("s-1", OutcomeEvents.front("r-early", "s-1", "a-1", CARD), NOW);

        // Then: flagged, and the later image still wins
        List<IdentityAssembled> all = assembled.readValuesToList();
        assertThat(all).extracting(IdentityAssembled::getFrontRequestId).containsExactly("r-late", "r-late");
        assertThat(all.get(1).getFlags()).containsExactly("REPEATED_FRONT");
    }

    @Test
    void shouldEndAnApplicationWithASideMissingOrFailedAsOneIncompleteAtItsDeadline() {
        // Given a front and a failed back of a-1
        recognized.pipeInput("s-1", OutcomeEvents.front("r-f", "s-1", "a-1", CARD), NOW);
        failed.pipeInput("s-1", OutcomeEvents.failed("r-b", "s-1", "a-1", CardSide.BACK,
                "FailedOperation.ImageBlur"), NOW);

        // When: the wall clock passes the deadline, and later still
        driver.advanceWallClockTime(DEADLINE.minusSeconds(10));
        assertThat(incomplete.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofSeconds(15));
        driver.advanceWallClockTime(Duration.ofMinutes(10));

        // Then: exactly one IdentityIncomplete naming the missing side and the failure
        var record = incomplete.readKeyValue();
        assertThat(record.key).isEqualTo("s-1");
        IdentityIncomplete value = record.value;
        assertThat(value.getApplicationId()).isEqualTo("a-1");
        assertThat(value.getRevision()).isEqualTo(1);
        assertThat(value.getMissing()).containsExactly(CardSide.BACK);
        assertThat(value.getFailures()).containsExactly(
                new SideFailure("r-b", CardSide.BACK, "FailedOperation.ImageBlur", false));
        assertThat(value.getReceivedRequestIds()).containsExactly("r-f");
        assertThat(value.getDeadlineAt()).isEqualTo(NOW.plus(DEADLINE));
        assertThat(incomplete.isEmpty()).isTrue();
        assertThat(assembled.isEmpty()).isTrue();
        assertThat(counter("idcard.identity.incomplete")).isEqualTo(1.0);
    }

    @Test
    void shouldAssembleASideThatArrivesAfterTheDeadlineAsTheNextRevisionFlagged() {
        // Given an application that ended incomplete
        recognized.pipeInput("s-1", OutcomeEvents.front("r-f", "s-1", "a-1", CARD), NOW);
        driver.advanceWallClockTime(DEADLINE.plusSeconds(5));
        assertThat(incomplete.readValue().getRevision()).isEqualTo(1);

        // When its back arrives at last
        recognized.pipeInput("s-1", OutcomeEvents.back("r-b", "s-1", "a-1", CARD), NOW);

        // Then
        IdentityAssembled identity = assembled.readValue();
        assertThat(identity.getRevision()).isEqualTo(2);
        assertThat(identity.getFlags()).containsExactly("COMPLETED_AFTER_DEADLINE");
    }

    @Test
    void shouldReassembleReprocessedOutcomesAsTheNextRevisionMarkedReprocessed() {
        // Given an assembled application
        IdentityRecognized front = OutcomeEvents.front("r-f", "s-1", "a-1", CARD);
        IdentityRecognized back = OutcomeEvents.back("r-b", "s-1", "a-1", CARD);
        recognized.pipeInput("s-1", front, NOW);
        recognized.pipeInput("s-1", back, NOW);

        // When both requests are replayed with reprocess=true, and a plain redelivery of the back arrives too
        recognized.pipeInput("s-1", OutcomeEvents.reprocessed(front), NOW.plusSeconds(60));
        recognized.pipeInput("s-1", OutcomeEvents.reprocessed(back), NOW.plusSeconds(60));
        recognized.pipeInput("s-1", back, NOW.plusSeconds(61));

        // Then: revisions 1, 2, 3; the replayed ones say so and carry no repeat flag; the redelivery adds nothing
        List<IdentityAssembled> all = assembled.readValuesToList();
        assertThat(all).extracting(IdentityAssembled::getRevision).containsExactly(1, 2, 3);
        assertThat(all).extracting(IdentityAssembled::getReprocessed).containsExactly(false, true, true);
        assertThat(all).allSatisfy(a -> assertThat(a.getFlags()).isEmpty());
    }

    @Test
    void shouldLeaveOutcomesWithoutAnApplicationOrFieldsAlone() {
        // Given outcomes of producers that name no application, and a duplicate (no card fields)
        recognized.pipeInput("s-1", OutcomeEvents.front("r-f", "s-1", null, CARD), NOW);
        recognized.pipeInput("s-1", OutcomeEvents.back("r-b", "s-1", null, CARD), NOW);
        recognized.pipeInput("s-1", IdentityRecognized.newBuilder(OutcomeEvents.front("r-d", "s-1", "a-1", CARD))
                .setDuplicate(true).build(), NOW);

        // When the deadline passes
        driver.advanceWallClockTime(DEADLINE.plusMinutes(1));

        // Then: nothing assembled, nothing incomplete, nothing kept
        assertThat(assembled.isEmpty()).isTrue();
        assertThat(incomplete.isEmpty()).isTrue();
        assertThat(storedApplications()).isZero();
        assertThat(counter("idcard.identity.skipped")).isEqualTo(3.0);
    }

    @Test
    void shouldTakeTheApplicationFromTheAttributeOfOutcomesFromOlderWorkers() {
        // Given outcomes that carry the application only as the request attribute
        recognized.pipeInput("s-1", IdentityRecognized.newBuilder(OutcomeEvents.front("r-f", "s-1", null, CARD))
                .setAttributes(Map.of("applicationId", "a-attr")).build(), NOW);
        recognized.pipeInput("s-1", IdentityRecognized.newBuilder(OutcomeEvents.back("r-b", "s-1", null, CARD))
                .setAttributes(Map.of("applicationId", "a-attr")).build(), NOW);

        // Then
        assertThat(assembled.readValue().getApplicationId()).isEqualTo("a-attr");
    }

    @Test
    void shouldKeepApplicationsOfOneSubjectApart() {
        // Given two applications of one subject, their sides interleaved
        Card other = Card.of(BEIJING_CHAOYANG, LocalDate.of(1990, 3, 15), 125, AUTHORITY, LocalDate.of(2020, 5, 1),
                20);
        recognized.pipeInput("s-1", OutcomeEvents.front("a1-f", "s-1", "a-1", CARD), NOW);
        recognized.pipeInput("s-1", OutcomeEvents.front("a2-f", "s-1", "a-2", other), NOW);
        recognized.pipeInput("s-1", OutcomeEvents.back("a2-b", "s-1", "a-2", other), NOW);
        recognized.pipeInput("s-1", OutcomeEvents.back("a1-b", "s-1", "a-1", CARD), NOW);

        // Then
        assertThat(assembled.readValuesToList()).extracting(a -> a.getApplicationId() + ":" + a.getFrontRequestId()
                + "+" + a.getBackRequestId()).containsExactly("a-2:a2-f+a2-b", "a-1:a1-f+a1-b");
    }

    @Test
    void shouldDropADecidedApplicationAfterTheRetention() {
        // Given an assembled application
        recognized.pipeInput("s-1", OutcomeEvents.front("r-f", "s-1", "a-1", CARD), NOW);
        recognized.pipeInput("s-1", OutcomeEvents.back("r-b", "s-1", "a-1", CARD), NOW);
        assertThat(storedApplications()).isEqualTo(1);

        // When the deadline passes (nothing to do) and then the retention
        driver.advanceWallClockTime(DEADLINE.plusMinutes(1));
        assertThat(storedApplications()).isEqualTo(1);
        driver.advanceWallClockTime(RETENTION);

        // Then: the state is gone, and nothing was emitted for it
        assertThat(storedApplications()).isZero();
        assertThat(assembled.readValuesToList()).hasSize(1);
        assertThat(incomplete.isEmpty()).isTrue();
    }

    private long storedApplications() {
        KeyValueStore<String, AssemblyState> store = driver.getKeyValueStore(AssemblyProcessor.STORE);
        long count = 0;
        try (var all = store.all()) {
            while (all.hasNext()) {
                all.next();
                count++;
            }
        }
        return count;
    }

    private double counter(String name) {
        return meters.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
