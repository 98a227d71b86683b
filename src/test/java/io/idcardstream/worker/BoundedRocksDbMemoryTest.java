package io.idcardstream.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedRocksDbMemoryTest {
    @TempDir
    Path stateDir;

    @Test
    void shouldChargeEveryStoresMemtablesAndBlocksToOneSharedBudget() {
        // Given two RocksDB stores configured by the setter
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("a", Consumed.with(Serdes.String(), Serdes.String())).toTable(Materialized.as("store-a"));
        builder.stream("b", Consumed.with(Serdes.String(), Serdes.String())).toTable(Materialized.as("store-b"));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bounded-rocksdb-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        props.put(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, 16L << 20);

        // When both take writes
        long before = BoundedRocksDbMemory.shared(16L << 20).cache().getUsage();
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
            for (String topic : new String[] {"a", "b"}) {
                TestInputTopic<String, String> input = driver.createInputTopic(topic, new StringSerializer(),
                        new StringSerializer());
                for (int i = 0; i < 2_000; i++) {
                    input.pipeInput("key-" + i, "value-" + "x".repeat(200) + i);
                }
            }
            driver.getKeyValueStore("store-a").flush();

            // Then their memtables are charged to the one cache, which never exceeds the budget
            BoundedRocksDbMemory.SharedMemory memory = BoundedRocksDbMemory.shared(16L << 20);
            assertThat(memory.cache().getUsage()).isGreaterThan(before).isLessThanOrEqualTo(memory.budget());
            assertThat(driver.getKeyValueStore("store-b").get("key-1999")).isNotNull();
        }
    }
}
