package io.idcardstream.testing;

import io.idcardstream.app.demo.EmbeddedKafkaBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The real Kafka broker of the broker-backed tests, started once per test JVM: an in-JVM KRaft broker on
 * 127.0.0.1 by default; a Testcontainers {@code apache/kafka} container instead when
 * {@code IDCARD_TEST_BROKER=docker} and a Docker engine answers. Tests use unique topic and application ids,
 * so they can share it.
 */
public final class TestKafka {
    private static String bootstrapServers;

    private TestKafka() {}

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = "docker".equals(System.getenv("IDCARD_TEST_BROKER")) && dockerAvailable()
                    ? startContainer() : startEmbedded();
        }
        return bootstrapServers;
    }

    private static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    private static String startContainer() {
        KafkaContainer container = new KafkaContainer("apache/kafka:4.1.0");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-kafka-container"));
        return container.getBootstrapServers();
    }

    private static String startEmbedded() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "stop-embedded-kafka"));
        return broker.bootstrapServers();
    }

    public static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** Creates topics with the given partition count and replication factor 1. */
    public static void createTopics(int partitions, String... names) {
        try (Admin admin = admin()) {
            admin.createTopics(java.util.Arrays.stream(names)
                            .map(name -> new NewTopic(name, partitions, (short) 1)).toList())
                    .all().get(60, TimeUnit.SECONDS);
            awaitLeaders(admin, List.of(names), partitions);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create topics " + List.of(names), e);
        }
    }

    /**
     * Waits until every partition of the new topics has a leader: the controller acknowledges a creation before the
     * broker serves the partitions, and a producer's first batches to a partition not yet served are retried, which
     * on a loaded machine has left an idempotent producer stuck on OutOfOrderSequence for its whole delivery timeout.
     */
    private static void awaitLeaders(Admin admin, List<String> names, int partitions) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            boolean ready;
            try {
                var topics = admin.describeTopics(names).allTopicNames().get(60, TimeUnit.SECONDS);
                ready = topics.values().stream().allMatch(t -> t.partitions().size() == partitions
                        && t.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
            } catch (java.util.concurrent.ExecutionException e) {
                // The broker that answers may not know the new topics yet (metadata still propagating): ask again
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
                    throw e;
                }
                ready = false;
            }
            if (ready) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Topics " + names + " have partitions without a leader after 60 s");
            }
            Thread.sleep(100);
        }
    }

    public static Duration defaultTimeout() {
        return Duration.ofSeconds(60);
    }
}
