package io.idcardstream.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class RecordSizeLimitTest {
    private static final int MIB = 1 << 20;

    @Test
    void shouldFitTheProducerToTheSmallestTopicItWrites() {
        // Given the worker needing 2.5 MiB (an inline image and two crops) and topics accepting 2 and 4 MiB
        Map<String, Integer> topics = Map.of("idcard.ocr.requests.dlq", 2 * MIB, "idcard.identity.recognized", 4 * MIB);
        // Then the producer sends at most what the smaller topic accepts, less a batch's overhead
        assertThat(RecordSizeLimit.decide(5 * MIB / 2, null, topics))
                .isEqualTo(2 * MIB - RecordSizeLimit.BATCH_OVERHEAD);
        // And keeps what it needs when every topic accepts more
        assertThat(RecordSizeLimit.decide(MIB, null, topics)).isEqualTo(MIB);
        // And keeps it too when no topic could be read
        assertThat(RecordSizeLimit.decide(5 * MIB / 2, null, Map.of())).isEqualTo(5 * MIB / 2);
    }

    @Test
    void shouldRefuseToStartWithAnOperatorsLimitATopicWouldRefuse() {
        // Given an operator's kafka.max.request.size of 3 MiB and a dead-letter topic accepting 2 MiB
        Map<String, Integer> topics = Map.of("idcard.ocr.requests.dlq", 2 * MIB);
        // Then the start fails, naming the setting, the topic and the largest value that fits
        assertThatThrownBy(() -> RecordSizeLimit.decide(MIB, 3 * MIB, topics))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("kafka.max.request.size=" + 3 * MIB)
                .hasMessageContaining("idcard.ocr.requests.dlq")
                .hasMessageContaining(String.valueOf(2 * MIB - RecordSizeLimit.BATCH_OVERHEAD));
        // And an operator's value that fits is kept as set
        assertThat(RecordSizeLimit.decide(MIB, MIB, topics)).isEqualTo(MIB);
    }
}
