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
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code replay} on a real broker with the worker running: only the replayed requests get a second outcome. */
class ReplayIT {
    @TempDir
    Path stateDir;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String prefix = "replay-it-" + run;
    private final String requests = prefix + ".requests";
    private final String recognized = prefix + ".recognized";
    private final String failed = prefix + ".failed";
    private final String dlq = prefix + ".dlq";
    private final String registryUrl = "mock://replay-it-" + run;
    private final ImageScriptedRecognizer recognizer = new ImageScriptedRecognizer().answer("front",
            IdCardOcrResult.of(CardFields.front("李明", "男", "汉", "1987/1/1", "北京市石景山区高新技术园腾讯大楼",
                    "440524198701010014"), AdvancedInfo.EMPTY, "p"));
    private WorkerRuntime worker;
    private Map<String, String> settings;

    @BeforeEach
    void start() {
        TestKafka.createTopics(2, requests, recognized, failed, dlq);
        settings = TestWorkerSettings.of(prefix, stateDir, registryUrl);
        settings.put("ocr.quota.rps", "100");
        IdCardStreamConfig config = ConfigLoader.load(null, Map.of(), settings);
        worker = WorkerRuntime.create(config, recognizer, registry(), Clock.systemUTC(), new SimpleMeterRegistry());
        worker.start();
    }

    @AfterEach
    void stop() {
        worker.close();
        SchemaRegistries.dropMockScope("replay-it-" + run);
    }

    private SchemaRegistry registry() {
        return SchemaRegistries.fromConfig(Map.of("schema.registry.url", registryUrl));
    }

    private String replay(String... args) {
        List<String> all = new ArrayList<>(List.of("replay"));
        settings.forEach((key, value) -> all.addAll(List.of("-D", key + "=" + value)));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(new StringWriter()));
        assertThat(commandLine.execute(all.toArray(String[]::new))).isZero();
        return out.toString().trim();
    }

    @Test
    void shouldReprocessOnlyTheRequestsInRange() throws Exception {
        // Given: six requests answered once, all on partition 0 (one key)
        List<RecordMetadata> written = new ArrayList<>();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()), new StringSerializer(),
                new ConfluentAvroSerde<>(IdCardOcrRequested.class, registry(), true, false).serializer())) {
            for (int i = 0; i < 6; i++) {
                written.add(producer.send(new ProducerRecord<>(requests, 0, "subject",
                        TestEvents.inline("r-" + i, "subject", "front", null))).get(30, TimeUnit.SECONDS));
            }
        }
        TopicReader.readExactly(TestKafka.bootstrapServers(), List.of(recognized), 6, Duration.ofSeconds(60),
                Duration.ofMillis(500));

        // When: a dry run, then a replay of offsets 2 and 3 of partition 0
        String dry = replay("--from", "0:2", "--to", "0:4", "--dry-run");
        String real = replay("--from", "0:2", "--to", "0:4", "--rate", "50");

        // Then
        assertThat(dry).isEqualTo("replay: 2 records read, would re-publish 2, 0 undecodable skipped (dry run)");
        assertThat(real).isEqualTo("replay: 2 records read, re-published 2, 0 undecodable skipped");
        var outcomes = TopicReader.readExactly(TestKafka.bootstrapServers(), List.of(recognized), 8,
                Duration.ofSeconds(60), Duration.ofSeconds(2));
        var serde = new ConfluentAvroSerde<>(IdentityRecognized.class, registry(), true, false);
        List<String> reprocessed = outcomes.stream()
                .map(r -> serde.deserializer().deserialize(recognized, r.value()))
                .filter(IdentityRecognized::getReprocessed)
                .map(o -> o.getRequestId() + " from " + o.getAttributes().get("idcard.replay.of"))
                .toList();
        assertThat(reprocessed).containsExactly("r-2 from 0@" + written.get(2).offset(),
                "r-3 from 0@" + written.get(3).offset());
        assertThat(recognizer.requests()).hasSize(8);
    }
}
