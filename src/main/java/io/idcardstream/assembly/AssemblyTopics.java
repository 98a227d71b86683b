package io.idcardstream.assembly;

import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdentityAssembled;
import io.idcardstream.events.IdentityIncomplete;
import io.idcardstream.events.IdentityRecognized;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * Assembly's topics and value serdes (keys are the subject id as UTF-8 strings). The recognised and failed
 * topics are the worker's outputs: they must have the same partition count, so that one subject's outcomes of both
 * kinds meet in one task and one state store.
 */
public record AssemblyTopics(
        String recognized, Serde<IdentityRecognized> recognizedSerde,
        String failed, Serde<IdCardOcrFailed> failedSerde,
        String assembled, Serde<IdentityAssembled> assembledSerde,
        String incomplete, Serde<IdentityIncomplete> incompleteSerde) {
    public AssemblyTopics {
        Objects.requireNonNull(recognized, "recognized");
        Objects.requireNonNull(recognizedSerde, "recognizedSerde");
        Objects.requireNonNull(failed, "failed");
        Objects.requireNonNull(failedSerde, "failedSerde");
        Objects.requireNonNull(assembled, "assembled");
        Objects.requireNonNull(assembledSerde, "assembledSerde");
        Objects.requireNonNull(incomplete, "incomplete");
        Objects.requireNonNull(incompleteSerde, "incompleteSerde");
    }
}
