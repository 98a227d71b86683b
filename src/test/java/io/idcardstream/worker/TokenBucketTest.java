package io.idcardstream.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private long now = TimeUnit.SECONDS.toNanos(1_000);

    private TokenBucket bucket(double rate, int burst) {
        return new TokenBucket(rate, burst, () -> now);
    }

    @Test
    void shouldLetTheFirstCallGoAtOnceAndPaceTheNext() {
        TokenBucket bucket = bucket(4, 1);

        assertThat(bucket.reserve(Long.MAX_VALUE)).isZero();
        assertThat(bucket.reserve(Long.MAX_VALUE)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(250));
        assertThat(bucket.reserve(Long.MAX_VALUE)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(500));
    }

    @Test
    void shouldNotStoreMoreThanTheBurstWhileIdle() {
        // Given: a bucket left idle for a minute
        TokenBucket bucket = bucket(10, 1);
        bucket.reserve(Long.MAX_VALUE);
        now += TimeUnit.SECONDS.toNanos(60);

        // When / Then: one call goes at once, the next waits a full interval
        assertThat(bucket.reserve(Long.MAX_VALUE)).isZero();
        assertThat(bucket.reserve(Long.MAX_VALUE)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
    }

    @Test
    void shouldRefuseWithoutReservingWhenTheWaitWouldExceedTheLimit() {
        TokenBucket bucket = bucket(1, 1);
        bucket.reserve(Long.MAX_VALUE);

        assertThat(bucket.reserve(TimeUnit.MILLISECONDS.toNanos(500))).isEqualTo(-1);
        assertThat(bucket.reserve(Long.MAX_VALUE)).isEqualTo(TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void shouldNeverAdmitMoreThanTheRateInAnyOneSecondWindow() {
        // Given: callers that take every token as soon as it is granted, for ten seconds
        double rate = 20.0 / 12;
        TokenBucket bucket = bucket(rate, 1);
        List<Long> admittedAt = new ArrayList<>();
        long end = now + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            long wait = bucket.reserve(Long.MAX_VALUE);
            if (now + wait >= end) {
                break;
            }
            now += wait;
            admittedAt.add(now);
        }

        // Then: any window of one second holds at most ceil(rate) calls, and the average is the rate
        for (long start : admittedAt) {
            long inWindow = admittedAt.stream().filter(t -> t >= start && t < start + 1_000_000_000L).count();
            assertThat(inWindow).isLessThanOrEqualTo((long) Math.ceil(rate));
        }
        assertThat(admittedAt).hasSize((int) Math.ceil(10 * rate));
    }

    @Test
    void shouldRejectNonsenseRates() {
        assertThatThrownBy(() -> bucket(0, 1)).hasMessage("ratePerSecond must be a positive number but was 0.0");
        assertThatThrownBy(() -> bucket(1, 0)).hasMessage("burst must be at least 1 but was 0");
    }
}
