package io.idcardstream.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.events.state.PendingKind;
import io.idcardstream.events.state.PendingRequest;
import io.idcardstream.testing.TestEvents;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    private final RetrySchedule schedule = new RetrySchedule();
    private final RequestTranslator translator = new RequestTranslator(1 << 20);

    private PendingCall dueAt(long offset, long nextAttemptAt) {
        PendingRequest state = new PendingRequest("r-" + offset, "s", offset, 0L, 0L, PendingKind.CALL, 1,
                nextAttemptAt, 0L, 0L);
        return PendingCall.of(state, TestEvents.inline("r-" + offset, "s", "card", null), translator);
    }

    @Test
    void shouldHandOutNothingBeforeItsTime() {
        schedule.add(dueAt(1, 1_000));

        assertThat(schedule.pollDue(999)).isNull();
    }

    @Test
    void shouldHandOutDueRequestsEarliestFirstWhateverTheOrderTheyCameIn() {
        schedule.add(dueAt(1, 3_000));
        schedule.add(dueAt(2, 1_000));
        schedule.add(dueAt(3, 2_000));

        assertThat(schedule.pollDue(2_500).seq()).isEqualTo(2);
        assertThat(schedule.pollDue(2_500).seq()).isEqualTo(3);
        assertThat(schedule.pollDue(2_500)).isNull();
        assertThat(schedule.pollDue(3_000).seq()).isEqualTo(1);
    }
}
