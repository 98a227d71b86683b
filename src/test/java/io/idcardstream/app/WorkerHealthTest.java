package io.idcardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.ops.OpsEndpoint;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WorkerHealthTest {

    @ParameterizedTest
    @EnumSource(State.class)
    void shouldBeAliveUnlessStreamsFailedOrStopped(State state) {
        boolean dead = state == State.ERROR || state == State.PENDING_ERROR || state == State.NOT_RUNNING;

        assertThat(WorkerHealth.liveness(state)).isEqualTo(new OpsEndpoint.Status(!dead, state.name()));
    }

    @ParameterizedTest
    @EnumSource(State.class)
    void shouldBeReadyOnlyWhileRunning(State state) {
        assertThat(WorkerHealth.readiness(state, false).ok()).isEqualTo(state == State.RUNNING);
    }

    @ParameterizedTest
    @EnumSource(State.class)
    void shouldStayAsReadyAsStreamsWhileAccountWideErrorsPauseOcrCallsAndSaySo(State state) {
        // A paused account holds every instance alike: unready pods would only block node drains
        OpsEndpoint.Status status = WorkerHealth.readiness(state, true);

        assertThat(status.ok()).isEqualTo(state == State.RUNNING);
        assertThat(status.detail()).isEqualTo(state.name() + ", OCR calls paused after account-wide errors");
    }
}
