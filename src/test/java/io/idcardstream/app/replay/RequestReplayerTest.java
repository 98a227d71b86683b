package io.idcardstream.app.replay;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestReplayerTest {
    @Test
    void shouldRefuseANegativeRate() {
        assertThatThrownBy(() -> new RequestReplayer(null, null, null, "requests", Duration.ofSeconds(1), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the replay rate must be 0 (no limit) or more, was -1");
    }
}
