package io.idcardstream.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.config.ConfigLoader;
import io.idcardstream.config.IdCardStreamConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

class WorkerStreamsConfigTest {
    private static Properties streamsProperties(Map<String, String> settings) {
        IdCardStreamConfig config = ConfigLoader.load(null, Map.of(), settings);
        return WorkerStreamsConfig.from(config, new WorkerMetrics(new SimpleMeterRegistry()), 1_000_000);
    }

    @Test
    void shouldJoinAsAStaticMemberUnderTheInstanceNameWhenOneIsSet() {
        Properties props = streamsProperties(Map.of("group.instance.id", " worker-0 "));

        assertThat(props.get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)).isEqualTo("worker-0");
    }

    @Test
    void shouldJoinAsADynamicMemberByDefault() {
        Properties props = streamsProperties(Map.of());

        assertThat(props).doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    }

    @Test
    void shouldTakeTheInstanceNameFromTheEnvironmentAsAPodSpecSetsIt() {
        IdCardStreamConfig config = ConfigLoader.load(null, Map.of("IDCARD_GROUP_INSTANCE_ID", "idcard-stream-7f9c"),
                Map.of());

        Properties props = WorkerStreamsConfig.from(config, new WorkerMetrics(new SimpleMeterRegistry()), 1_000_000);

        assertThat(props.get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)).isEqualTo("idcard-stream-7f9c");
    }
}
