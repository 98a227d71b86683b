package io.idcardstream.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.idcardstream.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerKeyRateLimiterTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T12:00:00Z"));

    private static List<Boolean> take(PerKeyRateLimiter limiter, String key, int count) {
        List<Boolean> granted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            granted.add(limiter.tryAcquire(key));
        }
        return granted;
    }

    @Test
    void shouldGrantABurstOfRpsThenRefillContinuously() {
        // Given
        PerKeyRateLimiter limiter = new PerKeyRateLimiter(4, clock);

        // When
        List<Boolean> burst = take(limiter, "AKIDa", 5);
        clock.advance(Duration.ofMillis(250));
        List<Boolean> quarterSecondLater = take(limiter, "AKIDa", 2);
        clock.advance(Duration.ofSeconds(10));
        List<Boolean> longAfter = take(limiter, "AKIDa", 5);

        // Then
        assertThat(List.of(burst, quarterSecondLater, longAfter)).containsExactly(
                List.of(true, true, true, true, false),
                List.of(true, false),
                List.of(true, true, true, true, false));
    }

    @Test
    void shouldKeepOneBucketPerSecretId() {
        // Given
        PerKeyRateLimiter limiter = new PerKeyRateLimiter(1, clock);

        // When
        List<Boolean> granted = List.of(limiter.tryAcquire("AKIDa"), limiter.tryAcquire("AKIDa"),
                limiter.tryAcquire("AKIDb"), limiter.tryAcquire("AKIDb"));

        // Then
        assertThat(granted).containsExactly(true, false, true, false);
    }

    @Test
    void shouldNotLimitWhenRpsIsZero() {
        assertThat(take(new PerKeyRateLimiter(0, clock), "AKIDa", 1_000)).containsOnly(true);
        assertThatThrownBy(() -> new PerKeyRateLimiter(-1, clock)).hasMessage("rps must be at least 0 but was -1");
    }
}
