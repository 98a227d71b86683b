package io.idcardstream.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class KeyOrderTest {
    private final KeyOrder order = new KeyOrder();

    @Test
    void shouldLetOnlyTheFirstRequestOfAKeyStart() {
        assertThat(order.enqueue("subject-a", 10)).isTrue();
        assertThat(order.enqueue("subject-a", 11)).isFalse();
        assertThat(order.enqueue("subject-b", 12)).isTrue();
    }

    @Test
    void shouldStartAKeysNextRequestInArrivalOrderWhenTheOneBeforeIsAnswered() {
        order.enqueue("subject-a", 10);
        order.enqueue("subject-a", 11);
        order.enqueue("subject-a", 14);

        assertThat(order.answered("subject-a")).isEqualTo(OptionalLong.of(11));
        assertThat(order.answered("subject-a")).isEqualTo(OptionalLong.of(14));
        assertThat(order.answered("subject-a")).isEmpty();
    }

    @Test
    void shouldStartAFreshQueueOnceAKeyHasNothingLeft() {
        order.enqueue("subject-a", 10);
        order.answered("subject-a");

        assertThat(order.enqueue("subject-a", 20)).isTrue();
        assertThat(order.answered("subject-unknown")).isEmpty();
    }
}
