package io.idcardstream.worker;

import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.events.state.PendingRequest;
import io.idcardstream.ocr.IdCardOcrRequest;
import io.idcardstream.ocr.OcrException;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * A request accepted but not yet answered, in memory: its stored state, the event it came from, and the event
 * translated into an IDCardOCR call once, when it was accepted (or the refusal the translation gave). The state is
 * what the pending store holds; the event is read back from the input topic after a restart.
 *
 * <p>Threading notes: owned by one stream task.
 */
final class PendingCall {
    private PendingRequest state;
    private final IdCardOcrRequested event;
    private final IdCardOcrRequest call;
    private final OcrException refusal;

    private PendingCall(PendingRequest state, IdCardOcrRequested event, IdCardOcrRequest call, OcrException refusal) {
        this.state = state;
        this.event = event;
        this.call = call;
        this.refusal = refusal;
    }

    static PendingCall of(PendingRequest state, IdCardOcrRequested event, RequestTranslator translator) {
        try {
            return new PendingCall(state, event, translator.translate(event), null);
        } catch (OcrException refused) {
            return new PendingCall(state, event, null, refused);
        }
    }

    /** Its input offset: the pending store's key and the order of arrival within the partition. */
    long seq() {
        return state.getSourceOffset();
    }

    PendingRequest state() {
        return state;
    }

    IdCardOcrRequested event() {
        return event;
    }

    /** The call to make; null when the request was refused. */
    IdCardOcrRequest call() {
        return call;
    }

    /** Why the API would refuse the request before any call; null when it translated. */
    OcrException refusal() {
        return refusal;
    }

    String scopedRequestId() {
        return IdempotencyLedger.scoped(state.getKey(), state.getRequestId());
    }

    /** When it was accepted, how long it waited and was called, and how many calls it took, for its outcome. */
    OutcomeMapper.Attempt attempt() {
        return new OutcomeMapper.Attempt(Instant.ofEpochMilli(state.getReceivedAt()), state.getWaitMillis(),
                state.getOcrMillis(), state.getAttempts());
    }

    void update(UnaryOperator<PendingRequest.Builder> change) {
        state = change.apply(PendingRequest.newBuilder(state)).build();
    }
}
