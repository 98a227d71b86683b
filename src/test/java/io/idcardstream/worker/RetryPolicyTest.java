package io.idcardstream.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final RetryPolicy POLICY = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(1_000),
            Duration.ofSeconds(10));
    private static final long NOW = 50_000;

    /** The delay drawn with the largest jitter (just under 1), i.e. the backoff's ceiling for that attempt. */
    private static long ceilingAfter(int attemptsMade) {
        return POLICY.nextAttemptAt(attemptsMade, NOW, NOW, () -> 0.999_999).getAsLong() - NOW;
    }

    @Test
    void shouldDoubleTheBackoffCeilingWithEveryAttemptUpToItsMaximum() {
        assertThat(ceilingAfter(1)).isEqualTo(99);
        assertThat(ceilingAfter(2)).isEqualTo(199);
        assertThat(ceilingAfter(3)).isEqualTo(399);
        assertThat(ceilingAfter(4)).isEqualTo(799);
        assertThat(ceilingAfter(5)).isEqualTo(999);
    }

    @Test
    void shouldDrawTheDelayUniformlyBelowTheCeilingAndNeverInThePast() {
        assertThat(POLICY.nextAttemptAt(3, NOW, NOW, () -> 0.0)).isEqualTo(OptionalLong.of(NOW));
        assertThat(POLICY.nextAttemptAt(3, NOW, NOW, () -> 0.5)).isEqualTo(OptionalLong.of(NOW + 200));
    }

    @Test
    void shouldStopAfterTheLastAttempt() {
        assertThat(POLICY.nextAttemptAt(6, NOW, NOW, () -> 0.5)).isEmpty();
        assertThat(RetryPolicy.none().nextAttemptAt(1, NOW, NOW, () -> 0.5)).isEmpty();
    }

    @Test
    void shouldRetryUpToTheDeadlineButNotPastIt() {
        long accepted = NOW - 10_000 + 50;

        assertThat(POLICY.nextAttemptAt(1, accepted, NOW, () -> 0.5)).isEqualTo(OptionalLong.of(NOW + 50));
        assertThat(POLICY.nextAttemptAt(1, accepted, NOW, () -> 0.51)).isEmpty();
    }

    @Test
    void shouldRefuseABackoffThatIsNotPositiveOrExceedsItsMaximum() {
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
