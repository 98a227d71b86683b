package io.idcardstream.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void shouldTakeNearestRankPercentiles() {
        // Given twenty samples of 1..20 ms added out of order
        Latencies latencies = new Latencies();
        for (int ms : new int[] {20, 3, 1, 19, 2, 18, 4, 17, 5, 16, 6, 15, 7, 14, 8, 13, 9, 12, 10, 11}) {
            latencies.add(ms * 1_000_000L);
        }

        // When p50, p95 and p100 are asked, then they are the 10th, 19th and 20th smallest
        assertThat(latencies.count()).isEqualTo(20);
        assertThat(latencies.percentileMillis(50)).isEqualTo(10.0);
        assertThat(latencies.percentileMillis(95)).isEqualTo(19.0);
        assertThat(latencies.percentileMillis(100)).isEqualTo(20.0);
    }

    @Test
    void shouldRefuseAPercentileOfNothing() {
        assertThatThrownBy(() -> new Latencies().percentileMillis(50))
                .isInstanceOf(IllegalStateException.class).hasMessage("no samples");
    }
}
