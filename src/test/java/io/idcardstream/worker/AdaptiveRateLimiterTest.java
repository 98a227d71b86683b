package io.idcardstream.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AdaptiveRateLimiterTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private long now = 1_000 * SECOND;

    /** Takes every call as soon as the limiter allows, for {@code seconds}; returns the call times. */
    private List<Long> saturate(AdaptiveRateLimiter limiter, int seconds) {
        List<Long> calls = new ArrayList<>();
        long end = now + seconds * SECOND;
        while (true) {
            long wait = limiter.reserve(now);
            if (now + wait >= end) {
                return calls;
            }
            now += wait;
            calls.add(now);
        }
    }

    private static long maxInAnyWindow(List<Long> calls, long window) {
        long max = 0;
        for (int i = 0; i < calls.size(); i++) {
            long start = calls.get(i);
            max = Math.max(max, calls.stream().filter(t -> t >= start && t < start + window).count());
        }
        return max;
    }

    @Test
    void shouldUseAtLeast97PercentOfTheQuotaWithoutEverExceedingItInAnySecond() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(20, 0.02, now);

        List<Long> calls = saturate(limiter, 60);

        assertThat(maxInAnyWindow(calls, SECOND)).isLessThanOrEqualTo(20);
        assertThat(calls.size() / 60.0).isGreaterThanOrEqualTo(0.97 * 20);
        assertThat(limiter.effectiveRate()).isEqualTo(20 / 1.02);
    }

    @Test
    void shouldSpreadABacklogOverTheSecondInsteadOfSendingItAtOnce() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(20, 0.0, now);

        List<Long> calls = saturate(limiter, 5);

        // After a quiet moment's burst of four, calls are spaced 1/20 s apart; no quarter second holds more
        // than its share plus that burst.
        assertThat(calls.subList(0, 4)).containsOnly(calls.get(0));
        assertThat(calls.get(5) - calls.get(4)).isEqualTo(SECOND / 20);
        assertThat(calls.get(10) - calls.get(9)).isEqualTo(SECOND / 20);
        assertThat(maxInAnyWindow(calls, SECOND / 4)).isLessThanOrEqualTo(5 + 3);
        assertThat(maxInAnyWindow(calls, SECOND)).isLessThanOrEqualTo(20);
    }

    @Test
    void shouldLetACallAtAQuietMomentGoAtOnce() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(20, 0.02, now);
        saturate(limiter, 3);
        now += 5 * SECOND;

        assertThat(limiter.reserve(now)).isZero();
        assertThat(limiter.reserve(now)).isZero();
    }

    @Test
    void shouldHalveOnThrottlingAndRecoverATenthPerQuietSecond() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(20, 0.0, now);

        limiter.throttled(now);
        limiter.throttled(now + SECOND / 2); // the same burst of refusals counts once
        assertThat(limiter.factor()).isEqualTo(0.5);
        assertThat(maxInAnyWindow(saturate(limiter, 1), SECOND)).isLessThanOrEqualTo(10);

        now += 3 * SECOND;
        limiter.reserve(now);
        assertThat(limiter.factor()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void shouldKeepRatesBelowOnePerSecondApart() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(0.5, 0.0, now);

        assertThat(limiter.reserve(now)).isZero();
        assertThat(limiter.reserve(now)).isEqualTo(2 * SECOND);
    }

    @Test
    void shouldStopAllCallsAtRateZero() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(0, 0.02, now);

        assertThat(limiter.reserve(now)).isEqualTo(Long.MAX_VALUE);
    }
}
