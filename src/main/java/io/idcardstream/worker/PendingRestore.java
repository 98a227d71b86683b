package io.idcardstream.worker;

import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.events.state.PendingRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * What a task had accepted but not answered when it last stopped: the pending store (restored from its changelog)
 * holds each request's state and input offset, not its image, so the requests are read back from the input topic
 * ({@link RequestSource}). One the topic no longer holds (retention) is reported as lost, to be answered as failed.
 */
final class PendingRestore {
    /** The requests to resume, in input order, and the states whose input record is gone. */
    record Restored(List<PendingCall> resumed, List<PendingRequest> lost) {}

    private PendingRestore() {}

    static Restored read(KeyValueStore<Long, PendingRequest> store, RequestSource source, String topic,
            int partition, RequestTranslator translator) {
        List<PendingRequest> stored = new ArrayList<>();
        try (KeyValueIterator<Long, PendingRequest> all = store.all()) {
            all.forEachRemaining(entry -> stored.add(entry.value));
        }
        if (stored.isEmpty()) {
            return new Restored(List.of(), List.of());
        }
        stored.sort(Comparator.comparingLong(PendingRequest::getSourceOffset));
        TreeSet<Long> offsets = new TreeSet<>();
        stored.forEach(state -> offsets.add(state.getSourceOffset()));
        Map<Long, IdCardOcrRequested> events = source.read(topic, partition, offsets);
        List<PendingCall> resumed = new ArrayList<>();
        List<PendingRequest> lost = new ArrayList<>();
        for (PendingRequest state : stored) {
            IdCardOcrRequested event = events.get(state.getSourceOffset());
            if (event == null) {
                lost.add(state);
            } else {
                resumed.add(PendingCall.of(state, event, translator));
            }
        }
        return new Restored(resumed, lost);
    }
}
