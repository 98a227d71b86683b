package io.idcardstream.app;

import io.idcardstream.config.IdCardStreamConfig;
import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.events.IdentityAssembled;
import io.idcardstream.events.IdentityIncomplete;
import io.idcardstream.events.IdentityRecognized;
import io.idcardstream.serde.SubjectPolicy;
import io.idcardstream.serde.SubjectPolicy.Compatibility;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The registry subjects of the configured topics (DESIGN.md, "Compatibility"): requests BACKWARD_TRANSITIVE, since
 * the worker reads what older producers wrote; outcomes FULL_TRANSITIVE, since consumers may upgrade before or
 * after the worker. The DLQ holds the original bytes and has no subject.
 */
final class EventSubjects {
    private EventSubjects() {
    }

    static List<SubjectPolicy> of(IdCardStreamConfig config) {
        List<SubjectPolicy> subjects = new ArrayList<>();
        subjects.add(policy(config, IdCardStreamConfig.TOPIC_REQUESTS_CONFIG, IdCardOcrRequested.getClassSchema(),
                Compatibility.BACKWARD_TRANSITIVE, false));
        subjects.add(outcome(config, IdCardStreamConfig.TOPIC_RECOGNIZED_CONFIG, IdentityRecognized.getClassSchema(),
                true));
        subjects.add(outcome(config, IdCardStreamConfig.TOPIC_FAILED_CONFIG, IdCardOcrFailed.getClassSchema(), true));
        boolean assembly = config.getBoolean(IdCardStreamConfig.ASSEMBLY_ENABLED_CONFIG);
        subjects.add(outcome(config, IdCardStreamConfig.TOPIC_ASSEMBLED_CONFIG, IdentityAssembled.getClassSchema(),
                assembly));
        subjects.add(outcome(config, IdCardStreamConfig.TOPIC_INCOMPLETE_CONFIG, IdentityIncomplete.getClassSchema(),
                assembly));
        return subjects;
    }

    private static SubjectPolicy outcome(IdCardStreamConfig config, String topicKey, Schema schema, boolean written) {
        return policy(config, topicKey, schema, Compatibility.FULL_TRANSITIVE, written);
    }

    private static SubjectPolicy policy(IdCardStreamConfig config, String topicKey, Schema schema,
            Compatibility compatibility, boolean writtenByTheWorker) {
        return new SubjectPolicy(SubjectPolicy.valueSubject(config.getString(topicKey)), schema, compatibility,
                writtenByTheWorker);
    }
}
