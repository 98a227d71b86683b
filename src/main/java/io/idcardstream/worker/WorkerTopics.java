package io.idcardstream.worker;

import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.events.IdentityRecognized;
import java.util.Objects;

/**
 * The worker's topics. The dead-letter topic carries the original key and value bytes, so it needs no serde;
 * Kafka Streams' own deserialization handler writes to it (KIP-1034) and so does the processor for records
 * that decode to nothing (tombstones).
 */
public record WorkerTopics(
        TopicSpec<String, IdCardOcrRequested> requests,
        TopicSpec<String, IdentityRecognized> recognized,
        TopicSpec<String, IdCardOcrFailed> failed,
        String deadLetter) {
    public WorkerTopics {
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(recognized, "recognized");
        Objects.requireNonNull(failed, "failed");
        Objects.requireNonNull(deadLetter, "deadLetter");
    }
}
