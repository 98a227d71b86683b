package example.kyc;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.events.AssembledIdentity;
import io.idcardstream.events.CardSide;
import io.idcardstream.events.ConsistencyChecks;
import io.idcardstream.events.IdentityAssembled;
import io.idcardstream.events.IdentityIncomplete;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The example KYC consumer: Confluent-format records in, each identity handled once, the latest revision kept. */
class KycConsumerTest {
    private static final String ASSEMBLED = "idcard.identity.assembled";
    private static final String INCOMPLETE = "idcard.identity.incomplete";
    private static final Map<Integer, Schema> REGISTRY = Map.of(
            7, IdentityAssembled.getClassSchema(), 8, IdentityIncomplete.getClassSchema());

    private final MockConsumer<String, byte[]> mock = new MockConsumer<>("earliest");
    private final List<String> handled = new ArrayList<>();
    private final KycConsumer consumer = new KycConsumer(mock, new ConfluentAvroReader(REGISTRY::get),
            new KycConsumer.Handler() {
                @Override
                public void assembled(IdentityAssembled identity) {
                    handled.add("assembled " + identity.getApplicationId() + " r" + identity.getRevision()
                            + (identity.getFlagged() ? " flagged " + identity.getFlags() : ""));
                }

                @Override
                public void incomplete(IdentityIncomplete application) {
                    handled.add("incomplete " + application.getApplicationId() + " missing "
                            + application.getMissing());
                }
            }, List.of(ASSEMBLED, INCOMPLETE), 1_000);

    @Test
    void shouldHandleEachIdentityOnceAndKeepTheLatestRevision() {
        // Given: an identity, the same record again, an incomplete application, a replayed revision 2 and then the
        // stale revision 1 once more (the two topics are not ordered with each other)
        assign();
        add(ASSEMBLED, 0, 7, assembled("app-1", 1, List.of()));
        add(ASSEMBLED, 1, 7, assembled("app-1", 1, List.of()));
        add(INCOMPLETE, 2, 8, incomplete("app-2"));
        add(ASSEMBLED, 3, 7, assembled("app-1", 2, List.of("EXPIRED")));
        add(ASSEMBLED, 4, 7, assembled("app-1", 1, List.of()));

        // When
        int count = consumer.pollOnce(Duration.ofMillis(10));

        // Then (order is kept within a partition only)
        assertThat(handled).containsExactlyInAnyOrder("assembled app-1 r1", "incomplete app-2 missing [BACK]",
                "assembled app-1 r2 flagged [EXPIRED]");
        assertThat(handled).filteredOn(h -> h.contains("app-1")).containsExactly("assembled app-1 r1",
                "assembled app-1 r2 flagged [EXPIRED]");
        assertThat(count).isEqualTo(3);
        assertThat(mock.committed(java.util.Set.of(new TopicPartition(ASSEMBLED, 0))).get(
                new TopicPartition(ASSEMBLED, 0)).offset()).isEqualTo(5);
    }

    @Test
    void shouldReadOnlyCommittedRecordsAndCommitAfterHandling() {
        Map<String, Object> config = KycConsumer.config("kafka:9092", "kyc");
        assertThat(config).containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    }

    private void assign() {
        TopicPartition assembled = new TopicPartition(ASSEMBLED, 0);
        TopicPartition incomplete = new TopicPartition(INCOMPLETE, 0);
        mock.rebalance(List.of(assembled, incomplete));
        mock.updateBeginningOffsets(Map.of(assembled, 0L, incomplete, 0L));
    }

    private void add(String topic, long offset, int schemaId, SpecificRecord value) {
        mock.addRecord(new ConsumerRecord<>(topic, 0, offset, "subject-1", wire(schemaId, value)));
    }

    /** Confluent wire format, as idcard-stream (and Confluent's serializer) write it. */
    private static byte[] wire(int schemaId, SpecificRecord value) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(0);
            out.writeBytes(ByteBuffer.allocate(4).putInt(schemaId).array());
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            new SpecificDatumWriter<SpecificRecord>(value.getSchema()).write(value, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static IdentityAssembled assembled(String application, int revision, List<String> flags) {
        return IdentityAssembled.newBuilder()
                .setSubjectId("subject-1")
                .setApplicationId(application)
                .setRevision(revision)
                .setReprocessed(revision > 1)
                .setFrontRequestId(application + "-front")
                .setBackRequestId(application + "-back")
                .setIdentity(AssembledIdentity.newBuilder().build())
                .setChecks(ConsistencyChecks.newBuilder().setCheckedOn(LocalDate.of(2026, 12, 6)).build())
                .setFlags(flags)
                .setFlagged(!flags.isEmpty())
                .setFirstSideAt(Instant.parse("2026-12-06T02:00:00Z"))
                .setAssembledAt(Instant.parse("2026-12-06T02:00:01Z"))
                .build();
    }

    private static IdentityIncomplete incomplete(String application) {
        return IdentityIncomplete.newBuilder()
                .setSubjectId("subject-1")
                .setApplicationId(application)
                .setRevision(1)
                .setMissing(List.of(CardSide.BACK))
                .setFirstSideAt(Instant.parse("2026-12-06T02:00:00Z"))
                .setDeadlineAt(Instant.parse("2026-12-06T02:30:00Z"))
                .setDecidedAt(Instant.parse("2026-12-06T02:30:01Z"))
                .build();
    }
}
