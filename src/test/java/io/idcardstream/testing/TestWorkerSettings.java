package io.idcardstream.testing;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings a broker-backed test's or benchmark's worker needs: the broker, topics and application id of its own
 * (named after {@code prefix}), Streams state under {@code stateDir}, and a schema registry.
 */
public final class TestWorkerSettings {
    private TestWorkerSettings() {}

    /** A mutable map; tests add their own keys. Topics: {@code prefix.requests}, {@code .recognized}, ... */
    public static Map<String, String> of(String prefix, Path stateDir, String registryUrl) {
        return of(TestKafka.bootstrapServers(), prefix, stateDir, registryUrl);
    }

    /** The same on a broker of the caller's (the benchmarks start their own). */
    public static Map<String, String> of(String bootstrapServers, String prefix, Path stateDir, String registryUrl) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", bootstrapServers);
        settings.put("application.id", prefix);
        settings.put("state.dir", stateDir.toString());
        settings.put("replication.factor", "1");
        settings.put("topic.requests", prefix + ".requests");
        settings.put("topic.recognized", prefix + ".recognized");
        settings.put("topic.failed", prefix + ".failed");
        settings.put("topic.dlq", prefix + ".dlq");
        settings.put("schema.registry.url", registryUrl);
        return settings;
    }
}
