package io.idcardstream.app.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayBoundTest {
    @Test
    void shouldParseEveryKindOfBound() {
        assertThat(ReplayBound.parse("beginning")).isEqualTo(new ReplayBound.Beginning());
        assertThat(ReplayBound.parse("END")).isEqualTo(new ReplayBound.End());
        assertThat(ReplayBound.parse("2026-11-25T08:00:00Z"))
                .isEqualTo(new ReplayBound.AtTime(Instant.parse("2026-11-25T08:00:00Z")));
        assertThat(ReplayBound.parse("0:10,3:7"))
                .isEqualTo(new ReplayBound.AtOffsets(Map.of(0, 10L, 3, 7L)));
    }

    @Test
    void shouldExplainWhatABoundMayBe() {
        assertThatThrownBy(() -> ReplayBound.parse("yesterday"))
                .hasMessage("A replay bound must be 'beginning', 'end', an ISO-8601 instant such as "
                        + "2026-11-25T08:00:00Z, or PARTITION:OFFSET[,...] but was 'yesterday'");
        assertThatThrownBy(() -> ReplayBound.parse("1:5,1:6")).hasMessage("partition 1 is given twice in '1:5,1:6'");
    }
}
