package io.idcardstream.app.demo;

import io.idcardstream.serde.InMemorySchemaRegistry;
import io.idcardstream.serde.LocalSchemaRegistryServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * What the demo runs besides the worker: a single-node KRaft broker (unless an existing one is given) and a
 * Confluent-compatible schema registry on loopback, both keeping their data in one folder, so schema ids stay
 * stable across restarts and other commands ({@code replay}) can use them while the demo runs.
 */
public final class DemoEnvironment implements AutoCloseable {
    /** Partitions of each demo topic. */
    public static final int PARTITIONS = 3;

    private final EmbeddedKafkaBroker broker;
    private final String bootstrapServers;
    private final LocalSchemaRegistryServer registry;

    private DemoEnvironment(EmbeddedKafkaBroker broker, String bootstrapServers, LocalSchemaRegistryServer registry) {
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
    }

    /** @param externalBootstrap an existing broker to use, or null to start one in {@code dataDir} */
    public static DemoEnvironment start(Path dataDir, String externalBootstrap) {
        if (externalBootstrap == null) {
            requireEmbeddedBrokerJars();
        }
        EmbeddedKafkaBroker broker = externalBootstrap == null ? EmbeddedKafkaBroker.start(dataDir, false) : null;
        try {
            LocalSchemaRegistryServer registry = LocalSchemaRegistryServer.start(
                    InMemorySchemaRegistry.persistentAt(dataDir.resolve("schema-registry")), 0);
            return new DemoEnvironment(broker, broker != null ? broker.bootstrapServers() : externalBootstrap,
                    registry);
        } catch (RuntimeException e) {
            if (broker != null) {
                broker.close();
            }
            throw e;
        }
    }

    /**
     * The broker's jars are {@code provided}: the tests and {@code bin/idcard-stream demo} (target/demo-lib) have
     * them, the production class path ({@code java -jar}, the image) does not. Say so instead of failing with a
     * NoClassDefFoundError half way through starting.
     */
    static void requireEmbeddedBrokerJars() {
        try {
            Class.forName("kafka.server.KafkaRaftServer", false, DemoEnvironment.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new EmbeddedBrokerUnavailable("the embedded Kafka broker is not on the class path: production builds "
                    + "(java -jar, the container image) leave it out. Run `bin/idcard-stream demo` from a checkout, "
                    + "or give --bootstrap-servers to use a running broker");
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String registryUrl() {
        return registry.baseUrl().toString();
    }

    public boolean embeddedBroker() {
        return broker != null;
    }

    /** Creates the topics that do not exist yet; requests may carry a 1 MiB inline image. */
    public void createTopics(List<String> names) {
        Optional<Short> replication = broker != null ? Optional.of((short) 1) : Optional.empty();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            var existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = names.stream().filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, Optional.of(PARTITIONS), replication)
                            .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(4 << 20))))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the demo topics on " + bootstrapServers + ": " + e, e);
        }
    }

    @Override
    public void close() {
        registry.close();
        if (broker != null) {
            broker.close();
        }
    }
}
