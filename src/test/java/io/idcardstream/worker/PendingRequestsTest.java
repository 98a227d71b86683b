package io.idcardstream.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.events.state.PendingKind;
import io.idcardstream.events.state.PendingRequest;
import io.idcardstream.testing.TestEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingRequestsTest {
    /** Room for 2 live requests and 3 replays per partition. */
    private static final AsyncSettings CAPACITY = new AsyncSettings(RetryPolicy.none(), 2, 3, Duration.ofSeconds(1),
            Duration.ofDays(1), Duration.ofMillis(10));

    private final PendingRequests pending = new PendingRequests(new WorkerMetrics(new SimpleMeterRegistry()));
    private long offset;

    @Test
    void shouldTakeLiveRequestsWhileReplaysWaitWithinTheirOwnCapacity() {
        // Given two replays waiting for their share of the quota
        add(true);
        add(true);

        // Then live requests still find room, until their own capacity is reached
        assertThat(pending.full(CAPACITY)).isFalse();
        PendingCall live = add(false);
        assertThat(pending.full(CAPACITY)).isFalse();
        add(false);
        assertThat(pending.full(CAPACITY)).isTrue();

        // And an answered live request makes room again
        pending.answered(live);
        assertThat(pending.full(CAPACITY)).isFalse();
    }

    @Test
    void shouldBeFullWhenTheReplaysReachTheirCapacity() {
        List<PendingCall> replays = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            replays.add(add(true));
        }

        assertThat(pending.full(CAPACITY)).isTrue();
        pending.answered(replays.get(0));
        assertThat(pending.full(CAPACITY)).isFalse();
        assertThat(pending.size()).isEqualTo(2);
    }

    private PendingCall add(boolean replay) {
        long seq = offset++;
        IdCardOcrRequested event = IdCardOcrRequested.newBuilder(TestEvents.inline("r-" + seq, "subject-" + seq,
                "card", null)).setReprocess(replay).build();
        PendingRequest state = new PendingRequest(event.getRequestId(), event.getSubjectId(), seq, 0L, 0L,
                PendingKind.CALL, 0, 0L, 0L, 0L);
        PendingCall call = PendingCall.of(state, event, new RequestTranslator(1 << 20));
        pending.add(call);
        return call;
    }
}
