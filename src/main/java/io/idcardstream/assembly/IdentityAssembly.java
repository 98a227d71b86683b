package io.idcardstream.assembly;

import io.idcardstream.identity.RegionCodes;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The assembly part of the topology, added to the worker's topology as a sub-topology of its own: sources on the
 * recognised and failed topics, one stateful processor, sinks on the assembled and incomplete topics. It shares
 * the application's processing guarantee (exactly_once_v2: an outcome consumed, the state changed and the
 * identity forwarded commit together or not at all).
 */
public final class IdentityAssembly {
    static final String RECOGNIZED_SOURCE = "assembly-recognized-source";
    static final String FAILED_SOURCE = "assembly-failed-source";
    static final String PROCESSOR = "identity-assembly";

    private IdentityAssembly() {}

    /** A topology holding assembly only (tests, and a deployment that runs assembly apart from OCR). */
    public static Topology build(AssemblyTopics topics, AssemblySettings settings, AssemblyMetrics metrics) {
        return addTo(new Topology(), topics, settings, metrics);
    }

    /** Adds assembly to {@code topology} and returns it. */
    public static Topology addTo(Topology topology, AssemblyTopics topics, AssemblySettings settings,
            AssemblyMetrics metrics) {
        CrossSideChecks checks = new CrossSideChecks(RegionCodes.bundled());
        topology.addSource(RECOGNIZED_SOURCE, Serdes.String().deserializer(),
                topics.recognizedSerde().deserializer(), topics.recognized());
        topology.addSource(FAILED_SOURCE, Serdes.String().deserializer(), topics.failedSerde().deserializer(),
                topics.failed());
        topology.addProcessor(PROCESSOR, () -> new AssemblyProcessor(settings, checks, metrics),
                RECOGNIZED_SOURCE, FAILED_SOURCE);
        // Persistent and changelogged: open applications wait up to assembly.deadline.ms and decided ones are kept
        // for assembly.state.retention.ms, far longer than a restart; both are restored from their changelogs.
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(AssemblyProcessor.STORE), Serdes.String(), AssemblyStateSerde.create()),
                PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(AssemblyProcessor.TIMERS_STORE), Serdes.String(), Serdes.String()),
                PROCESSOR);
        topology.addSink(AssemblyProcessor.ASSEMBLED_SINK, topics.assembled(), Serdes.String().serializer(),
                topics.assembledSerde().serializer(), PROCESSOR);
        topology.addSink(AssemblyProcessor.INCOMPLETE_SINK, topics.incomplete(), Serdes.String().serializer(),
                topics.incompleteSerde().serializer(), PROCESSOR);
        return topology;
    }
}
