package io.idcardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.config.ConfigLoader;
import io.idcardstream.events.CardSide;
import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdentityAssembled;
import io.idcardstream.events.IdentityIncomplete;
import io.idcardstream.events.IdentityRecognized;
import io.idcardstream.serde.ConfluentAvroSerde;
import io.idcardstream.serde.InMemorySchemaRegistry;
import io.idcardstream.serde.LocalSchemaRegistryServer;
import io.idcardstream.serde.SchemaRegistries;
import io.idcardstream.serde.SchemaRegistry;
import io.idcardstream.testing.ImageScriptedRecognizer;
import io.idcardstream.testing.OutcomeEvents;
import io.idcardstream.testing.OutcomeEvents.Card;
import io.idcardstream.testing.TestKafka;
import io.idcardstream.testing.TestWorkerSettings;
import io.idcardstream.testing.TopicReader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identity assembly on the real broker with the real serde, fed with outcome events directly (no OCR): 200
 * applications whose fronts and backs arrive shuffled across three partitions, 20 of them with a side missing
 * (5 of those with the other side failed instead), 10 with a validity span that does not fit the holder's age, and
 * 10 sent as one image showing both sides. Exactly 180 IdentityAssembled (10 flagged) and 20 IdentityIncomplete
 * must be committed, none twice: with the worker running throughout, and with the worker killed (SIGKILL, its own
 * JVM) half way and started again.
 */
class IdentityAssemblyIT {
    private static final int APPLICATIONS = 200;
    private static final int MISSING_A_SIDE = 20;
    private static final int FAILED_INSTEAD = 5;
    private static final int SPAN_DOES_NOT_FIT = 10;
    private static final int BOTH_SIDES_IN_ONE_IMAGE = 10;
    private static final String REGION = "110105";
    private static final String AUTHORITY = "北京市公安局朝阳分局";

    @TempDir
    Path stateDir;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String prefix = "assembly-it-" + run;
    private final String recognizedTopic = prefix + ".recognized";
    private final String failedTopic = prefix + ".failed";
    private final String assembledTopic = prefix + ".assembled";
    private final String incompleteTopic = prefix + ".incomplete";
    private final InMemorySchemaRegistry registryStore = new InMemorySchemaRegistry();
    private LocalSchemaRegistryServer registryServer;
    private WorkerRuntime inProcessWorker;
    private Process workerProcess;

    @BeforeEach
    void start() {
        TestKafka.createTopics(3, prefix + ".requests", recognizedTopic, failedTopic, prefix + ".dlq", assembledTopic,
                incompleteTopic);
        // Served over HTTP so that a worker in another JVM shares it.
        registryServer = LocalSchemaRegistryServer.start(registryStore, 0);
    }

    @AfterEach
    void stop() throws Exception {
        if (inProcessWorker != null) {
            inProcessWorker.close();
        }
        if (workerProcess != null && workerProcess.isAlive()) {
            workerProcess.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        registryServer.close();
    }

    @Test
    void shouldAssembleEachApplicationExactlyOnceFromShuffledSidesAcrossPartitions() throws Exception {
        // Given 200 applications' outcomes in shuffled order, and the worker running with a 6 s deadline
        List<ProducerRecord<String, SpecificRecord>> outcomes = outcomes(new Random(13));
        inProcessWorker = WorkerRuntime.create(ConfigLoader.load(null, Map.of(), settings(Duration.ofSeconds(6))),
                new ImageScriptedRecognizer(), registry(), Clock.systemUTC(), new SimpleMeterRegistry());
        inProcessWorker.start();

        // When
        produce(outcomes);

        // Then
        assertExactlyOneOutcomePerApplication(Duration.ofSeconds(75));
    }

    @Test
    void shouldAssembleEachApplicationExactlyOnceWhenTheWorkerIsKilledAndRestarted() throws Exception {
        // Given a worker in its own JVM and the first half of the shuffled outcomes, which holds every side of the
        // applications that will end incomplete. Deadlines start when a side is processed, so the 60 s deadline is
        // kept far beyond the kill and the restart (about 5 s), whatever the machine's load.
        List<ProducerRecord<String, SpecificRecord>> outcomes = outcomes(new Random(31));
        List<ProducerRecord<String, SpecificRecord>> first = new ArrayList<>();
        List<ProducerRecord<String, SpecificRecord>> second = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            boolean ofAnIncomplete = applicationNumber(outcomes.get(i)) < MISSING_A_SIDE;
            (ofAnIncomplete || i % 2 == 0 ? first : second).add(outcomes.get(i));
        }
        Map<String, String> settings = settings(Duration.ofSeconds(60));
        workerProcess = startWorkerProcess(settings, "first");
        produce(first);
        awaitCommitted(assembledTopic, 40);

        // When: it is killed (no clean shutdown, transaction open or not), the rest arrives, and a new process
        // with the same state directory takes over
        assertThat(workerProcess.isAlive()).as("the first worker is still running when it is killed").isTrue();
        workerProcess.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        produce(second);
        workerProcess = startWorkerProcess(settings, "second");

        // Then
        assertExactlyOneOutcomePerApplication(Duration.ofSeconds(120));
    }

    private void assertExactlyOneOutcomePerApplication(Duration within) {
        List<ConsumerRecord<byte[], byte[]>> records = TopicReader.readExactly(TestKafka.bootstrapServers(),
                List.of(assembledTopic, incompleteTopic), APPLICATIONS, within, Duration.ofSeconds(3));
        var assembledSerde = new ConfluentAvroSerde<>(IdentityAssembled.class, registry(), false, false);
        var incompleteSerde = new ConfluentAvroSerde<>(IdentityIncomplete.class, registry(), false, false);
        List<IdentityAssembled> assembled = new ArrayList<>();
        List<IdentityIncomplete> incomplete = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String key = new String(record.key(), StandardCharsets.UTF_8);
            if (record.topic().equals(assembledTopic)) {
                IdentityAssembled value = assembledSerde.deserializer().deserialize(record.topic(), record.value());
                assertThat(value.getSubjectId()).isEqualTo(key);
                assembled.add(value);
            } else {
                IdentityIncomplete value = incompleteSerde.deserializer().deserialize(record.topic(), record.value());
                assertThat(value.getSubjectId()).isEqualTo(key);
                incomplete.add(value);
            }
        }
        // Exactly 180 assembled, 20 incomplete, each application once, each at revision 1
        assertThat(assembled).hasSize(APPLICATIONS - MISSING_A_SIDE);
        assertThat(incomplete).hasSize(MISSING_A_SIDE);
        List<String> applications = new ArrayList<>();
        assembled.forEach(a -> applications.add(a.getApplicationId()));
        incomplete.forEach(i -> applications.add(i.getApplicationId()));
        assertThat(applications).doesNotHaveDuplicates().hasSize(APPLICATIONS);
        assertThat(incomplete).extracting(IdentityIncomplete::getApplicationId)
                .containsExactlyInAnyOrderElementsOf(applicationIds(0, MISSING_A_SIDE));
        assertThat(assembled).allSatisfy(a -> assertThat(a.getRevision()).isEqualTo(1));
        assertThat(incomplete).allSatisfy(a -> assertThat(a.getRevision()).isEqualTo(1));
        // The 10 whose span does not fit the age are flagged for that, and nothing else is flagged
        Map<String, List<String>> flagged = assembled.stream().filter(IdentityAssembled::getFlagged)
                .collect(Collectors.toMap(IdentityAssembled::getApplicationId, IdentityAssembled::getFlags));
        Map<String, List<String>> expectedFlags = new HashMap<>();
        applicationIds(MISSING_A_SIDE, MISSING_A_SIDE + SPAN_DOES_NOT_FIT)
                .forEach(id -> expectedFlags.put(id, List.of("VALIDITY_SPAN_DOES_NOT_FIT_AGE")));
        assertThat(flagged).isEqualTo(expectedFlags);
        // One image showing both sides assembled on its own
        assertThat(assembled.stream().filter(IdentityAssembled::getSameImage).map(IdentityAssembled::getApplicationId))
                .containsExactlyInAnyOrderElementsOf(applicationIds(MISSING_A_SIDE + SPAN_DOES_NOT_FIT,
                        MISSING_A_SIDE + SPAN_DOES_NOT_FIT + BOTH_SIDES_IN_ONE_IMAGE));
        // The incomplete ones name the missing side and the failure codes
        for (IdentityIncomplete i : incomplete) {
            int n = Integer.parseInt(i.getApplicationId().substring("app-".length()));
            assertThat(i.getMissing()).as(i.getApplicationId())
                    .containsExactly(n % 2 == 0 ? CardSide.BACK : CardSide.FRONT);
            assertThat(i.getFailures()).as(i.getApplicationId()).hasSize(n < FAILED_INSTEAD ? 1 : 0);
            if (n < FAILED_INSTEAD) {
                assertThat(i.getFailures().get(0).getErrorCode()).isEqualTo("FailedOperation.ImageBlur");
            }
        }
    }

    /**
     * The outcome events of 200 applications of 50 subjects (four each, so one key holds several applications),
     * shuffled: applications 0-19 lack a side (0-4 have it failed instead), 20-29 have a ten-year card issued
     * at 30, 30-39 come as one image with both sides, the rest are clean.
     */
    private List<ProducerRecord<String, SpecificRecord>> outcomes(Random random) {
        List<ProducerRecord<String, SpecificRecord>> records = new ArrayList<>();
        for (int n = 0; n < APPLICATIONS; n++) {
            String app = applicationId(n);
            String subject = "subject-" + (n % 50);
            LocalDate birth = LocalDate.of(1990, 1, 1).plusDays(n);
            int years = n >= MISSING_A_SIDE && n < MISSING_A_SIDE + SPAN_DOES_NOT_FIT ? 10 : 20;
            Card card = Card.of(REGION, birth, n + 100, AUTHORITY, birth.plusYears(30).plusMonths(2), years);
            SpecificRecord front = OutcomeEvents.front(app + "-front", subject, app, card);
            SpecificRecord back = OutcomeEvents.back(app + "-back", subject, app, card);
            if (n < MISSING_A_SIDE) {
                SpecificRecord present = n % 2 == 0 ? front : back;
                records.add(new ProducerRecord<>(recognizedTopic, subject, present));
                if (n < FAILED_INSTEAD) {
                    records.add(new ProducerRecord<>(failedTopic, subject, OutcomeEvents.failed(app + "-failed",
                            subject, app, n % 2 == 0 ? CardSide.BACK : CardSide.FRONT, "FailedOperation.ImageBlur")));
                }
            } else if (n < MISSING_A_SIDE + SPAN_DOES_NOT_FIT + BOTH_SIDES_IN_ONE_IMAGE
                    && n >= MISSING_A_SIDE + SPAN_DOES_NOT_FIT) {
                records.add(new ProducerRecord<>(recognizedTopic, subject,
                        OutcomeEvents.both(app + "-both", subject, app, card)));
            } else {
                records.add(new ProducerRecord<>(recognizedTopic, subject, front));
                records.add(new ProducerRecord<>(recognizedTopic, subject, back));
            }
        }
        Collections.shuffle(records, random);
        return records;
    }

    private static String applicationId(int n) {
        return String.format("app-%03d", n);
    }

    private static List<String> applicationIds(int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int n = from; n < to; n++) {
            ids.add(applicationId(n));
        }
        return ids;
    }

    private static int applicationNumber(ProducerRecord<String, SpecificRecord> record) {
        String app = record.value() instanceof IdentityRecognized r ? r.getApplicationId()
                : ((IdCardOcrFailed) record.value()).getApplicationId();
        return Integer.parseInt(app.substring("app-".length()));
    }

    private Map<String, String> settings(Duration deadline) {
        Map<String, String> settings = TestWorkerSettings.of(prefix, stateDir.resolve("state"),
                registryServer.baseUrl().toString());
        settings.put("topic.assembled", assembledTopic);
        settings.put("topic.incomplete", incompleteTopic);
        settings.put("assembly.enabled", "true");
        settings.put("assembly.deadline.ms", String.valueOf(deadline.toMillis()));
        settings.put("assembly.deadline.check.interval.ms", "500");
        settings.put("ops.port", "-1");
        // A killed member must leave the group soon (the broker's minimum), and a transaction it left open must
        // not hold back read_committed readers for long.
        settings.put("kafka.session.timeout.ms", "6000");
        settings.put("kafka.heartbeat.interval.ms", "1000");
        settings.put("ocr.call.timeout.ms", "1000");
        settings.put("ocr.rate.max.wait.ms", "0");
        settings.put("worker.pending.full.wait.ms", "500");
        settings.put("transaction.timeout.ms", "5000");
        // No OCR happens here: the request topic stays empty. The Tencent adapter needs no network to start.
        settings.put("ocr.provider", "tencent");
        settings.put("tencent.endpoint", "127.0.0.1:9");
        settings.put("tencent.protocol", "http");
        settings.put("tencent.secret.id", "AKIDassemblyIT00000001");
        settings.put("tencent.secret.key", "assembly-it-key");
        return settings;
    }

    private Process startWorkerProcess(Map<String, String> settings, String name) throws Exception {
        Path argFile = stateDir.resolve("worker-" + name + ".args");
        List<String> args = new ArrayList<>(List.of("-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run"));
        settings.forEach((key, value) -> args.addAll(List.of("-D", key + "=" + value)));
        Files.write(argFile, args.stream().map(a -> "\"" + a.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .toList());
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Path.of("target", prefix + "-worker-" + name + ".log");
        ProcessBuilder builder = new ProcessBuilder(java, "@" + argFile).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().put("IDCARD_LOG_LEVEL", "WARN");
        return builder.start();
    }

    private void awaitCommitted(String topic, int records) {
        TopicReader.readUntil(TestKafka.bootstrapServers(), List.of(topic), seen -> seen.size() >= records,
                Duration.ofSeconds(60), records + " committed records");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void produce(List<ProducerRecord<String, SpecificRecord>> records) throws Exception {
        Serializer recognized = new ConfluentAvroSerde<>(IdentityRecognized.class, registry(), true, false)
                .serializer();
        Serializer failed = new ConfluentAvroSerde<>(IdCardOcrFailed.class, registry(), true, false).serializer();
        Serializer<Object> byType = (topic, value) -> value instanceof IdentityRecognized
                ? recognized.serialize(topic, value) : failed.serialize(topic, value);
        // One request in flight per connection: the outcomes are the test's input, and every one must be written
        // (a send that failed would look like an application the worker left incomplete).
        try (var producer = new KafkaProducer<String, Object>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1), new StringSerializer(), byType)) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (ProducerRecord<String, SpecificRecord> record : records) {
                sent.add(producer.send(new ProducerRecord<>(record.topic(), record.key(), record.value())));
            }
            producer.flush();
            for (java.util.concurrent.Future<?> future : sent) {
                future.get(60, TimeUnit.SECONDS);
            }
        }
    }

    private SchemaRegistry registry() {
        return SchemaRegistries.fromConfig(Map.of("schema.registry.url", registryServer.baseUrl().toString()));
    }
}
