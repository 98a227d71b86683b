package io.idcardstream.app;

import io.idcardstream.ops.OpsEndpoint;
import org.apache.kafka.streams.KafkaStreams;

/** What {@code /healthz} and {@code /readyz} say about a worker, from its Streams state and its OCR calls. */
final class WorkerHealth {

    private WorkerHealth() {
    }

    /** Liveness: false once Streams has failed or stopped, so an orchestrator restarts the process. */
    static OpsEndpoint.Status liveness(KafkaStreams.State state) {
        boolean alive = state != KafkaStreams.State.ERROR && state != KafkaStreams.State.PENDING_ERROR
                && state != KafkaStreams.State.NOT_RUNNING;
        return new OpsEndpoint.Status(alive, state.name());
    }

    /**
     * Readiness: processing (RUNNING); a rebalance or a restore is not ready, and neither is an instance whose OCR
     * calls are paused by account-wide errors (health degraded until the account is fixed; liveness stays up,
     * since a restart would not help).
     */
    static OpsEndpoint.Status readiness(KafkaStreams.State state, boolean ocrCallsPaused) {
        if (ocrCallsPaused) {
            return new OpsEndpoint.Status(false, state.name() + ", OCR calls paused after account-wide errors");
        }
        return new OpsEndpoint.Status(state == KafkaStreams.State.RUNNING, state.name());
    }
}
