package io.idcardstream.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdCardOcrRequested;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serde as Kafka Streams uses it: in Consumed and Produced, all serdes sharing one registry. */
class ConfluentAvroSerdeStreamsTest {

    @Test
    void shouldCarryEventsThroughATopologyWithOneSharedRegistry(@TempDir Path stateDir) {
        // Given a topology that answers every request with a failure, its serdes sharing one registry
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("idcard.ocr.requests", Consumed.with(Serdes.String(),
                        new ConfluentAvroSerde<>(IdCardOcrRequested.class, registry)))
                .mapValues(request -> IdCardOcrFailed.newBuilder(EventFixtures.ocrFailed())
                        .setRequestId(request.getRequestId())
                        .setSubjectId(request.getSubjectId())
                        .build())
                .to("idcard.ocr.failed", Produced.with(Serdes.String(),
                        new ConfluentAvroSerde<>(IdCardOcrFailed.class, registry)));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "serde-streams-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());

        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config)) {
            TestInputTopic<String, IdCardOcrRequested> requests = driver.createInputTopic("idcard.ocr.requests",
                    new StringSerializer(), new ConfluentAvroSerializer<>(registry));
            TestOutputTopic<String, IdCardOcrFailed> failures = driver.createOutputTopic("idcard.ocr.failed",
                    new StringDeserializer(), ConfluentAvroDeserializer.forClass(IdCardOcrFailed.class, registry));

            // When
            requests.pipeInput("subject-42", EventFixtures.ocrRequested());

            // Then
            assertThat(failures.readKeyValuesToList()).containsExactly(KeyValue.pair("subject-42",
                    IdCardOcrFailed.newBuilder(EventFixtures.ocrFailed()).setRequestId("req-0001")
                            .setSubjectId("subject-42").build()));
        }
        assertThat(registry.subjects()).containsExactly("idcard.ocr.failed-value", "idcard.ocr.requests-value");
    }
}
