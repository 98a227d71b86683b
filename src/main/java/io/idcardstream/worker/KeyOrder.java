package io.idcardstream.worker;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Per-key order: one subject's requests are answered in the order they arrived, so only the first request of each
 * key is active; the next one becomes active when it is answered. Requests are named by their input offset.
 *
 * <p>Threading notes: owned by one stream task.
 */
final class KeyOrder {
    private final Map<String, ArrayDeque<Long>> queues = new HashMap<>();

    /** Queues {@code seq} behind its key's earlier requests; true when it is the first and may start now. */
    boolean enqueue(String key, long seq) {
        ArrayDeque<Long> queue = queues.computeIfAbsent(key, k -> new ArrayDeque<>());
        queue.addLast(seq);
        return queue.size() == 1;
    }

    /** The key's first request was answered: the one to start next, if any. */
    OptionalLong answered(String key) {
        ArrayDeque<Long> queue = queues.get(key);
        if (queue == null) {
            return OptionalLong.empty();
        }
        queue.pollFirst();
        if (queue.isEmpty()) {
            queues.remove(key);
            return OptionalLong.empty();
        }
        return OptionalLong.of(queue.peekFirst());
    }
}
