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
     * Readiness: this instance can do work here (Streams RUNNING; a rebalance or a restore is not). OCR calls paused
     * by account-wide errors are said in the detail but leave it ready: the pause holds on every instance alike, so
     * an unready pod would only make its PodDisruptionBudget block every node drain until the account is fixed.
     * The pause is watched through {@code idcard_ocr_paused} and its alert instead.
     */
    static OpsEndpoint.Status readiness(KafkaStreams.State state, boolean ocrCallsPaused) {
        return new OpsEndpoint.Status(state == KafkaStreams.State.RUNNING, state.name()
                + (ocrCallsPaused ? ", OCR calls paused after account-wide errors" : ""));
    }
}
