package io.idcardstream.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.idcardstream.config.ConfigLoader;
import io.idcardstream.config.IdCardStreamConfig;
import io.idcardstream.testing.TestKafka;
import io.idcardstream.testing.TestWorkerSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: the worker's producer is fitted to the topics it writes, read from a real broker. */
class RecordSizeLimitIT {
    @TempDir
    Path stateDir;

    @Test
    void shouldFitTheProducerToATopicsMaxMessageBytesAndRefuseAnOperatorsLargerLimit() throws Exception {
        // Given a dead-letter topic accepting 300,000-byte batches and an outcome topic with the broker's default
        String prefix = "size-" + UUID.randomUUID();
        String deadLetters = prefix + ".dlq", recognized = prefix + ".recognized";
        try (Admin admin = TestKafka.admin()) {
            admin.createTopics(List.of(new NewTopic(deadLetters, 1, (short) 1)
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "300000")),
                    new NewTopic(recognized, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            Map<String, String> settings = TestWorkerSettings.of(prefix, stateDir, "mock://unused");
            IdCardStreamConfig config = ConfigLoader.load(null, Map.of(), settings);

            // When the worker decides its producer's largest record
            int decided = RecordSizeLimit.resolve(config, admin, List.of(recognized, deadLetters));

            // Then it fits the smaller topic, with room for the batch around the record
            assertThat(decided).isEqualTo(300_000 - RecordSizeLimit.BATCH_OVERHEAD);
            // And an operator's kafka.max.request.size the topic would refuse stops the start
            settings.put("kafka.max.request.size", "300000");
            IdCardStreamConfig tooLarge = ConfigLoader.load(null, Map.of(), settings);
            assertThatThrownBy(() -> RecordSizeLimit.resolve(tooLarge, admin, List.of(recognized, deadLetters)))
                    .isInstanceOf(ConfigException.class).hasMessageContaining(deadLetters);
        }
    }
}
