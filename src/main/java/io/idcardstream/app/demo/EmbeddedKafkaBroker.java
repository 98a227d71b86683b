package io.idcardstream.app.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.internals.Exit;

/**
 * A real single-node KRaft broker (broker and controller in one) running inside this JVM, bound to 127.0.0.1
 * only. Used by the broker-backed tests and by {@code demo}; production runs a real cluster.
 *
 * <p>Configured for one node: every replication factor and min ISR is 1, or the transaction coordinator
 * never starts and exactly-once Streams apps hang in REBALANCING.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final int START_ATTEMPTS = 3;
    static final String PORTS_FILE = "broker-ports.properties";

    private final KafkaRaftServer server;
    private final Path dataDir;
    private final boolean deleteOnClose;
    private final String bootstrapServers;

    private EmbeddedKafkaBroker(KafkaRaftServer server, Path dataDir, boolean deleteOnClose, int port) {
        this.server = server;
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
        this.bootstrapServers = "127.0.0.1:" + port;
    }

    /** Starts a broker on free ports with its data in a fresh temporary directory, deleted on close. */
    public static EmbeddedKafkaBroker startTemporary() {
        try {
            return start(Files.createTempDirectory("idcard-kraft-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for the broker", e);
        }
    }

    /**
     * Starts a broker keeping its data in {@code dataDir}: formatted on first use, reused after. The ports are
     * chosen on first use and kept in {@value #PORTS_FILE} there, because the KRaft quorum stores the
     * controller's address: a restart must come back on the same one.
     */
    public static EmbeddedKafkaBroker start(Path dataDir, boolean deleteOnClose) {
        // A fatal broker fault calls Exit.exit/halt: it must not end the JVM running the tests or the demo.
        Exit.setExitProcedure((code, message) -> System.err.println("Embedded Kafka asked to exit " + code));
        Exit.setHaltProcedure((code, message) -> System.err.println("Embedded Kafka asked to halt " + code));
        Path portsFile = dataDir.resolve(PORTS_FILE);
        if (Files.exists(portsFile)) {
            Properties ports = readPorts(portsFile);
            return startOnce(dataDir, Integer.parseInt(ports.getProperty("broker")),
                    Integer.parseInt(ports.getProperty("controller")), deleteOnClose);
        }
        RuntimeException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int brokerPort = freePort();
            int controllerPort = freePort();
            try {
                EmbeddedKafkaBroker broker = startOnce(dataDir, brokerPort, controllerPort, deleteOnClose);
                writePorts(portsFile, brokerPort, controllerPort);
                return broker;
            } catch (RuntimeException e) {
                last = e; // most likely another process took the free port between probe and bind
                deleteQuietly(dataDir.resolve("kafka"));
            }
        }
        throw new IllegalStateException("The embedded Kafka broker did not start after " + START_ATTEMPTS
                + " attempts", last);
    }

    private static Properties readPorts(Path file) {
        Properties ports = new Properties();
        try (var in = Files.newInputStream(file)) {
            ports.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return ports;
    }

    private static void writePorts(Path file, int brokerPort, int controllerPort) {
        Properties ports = new Properties();
        ports.setProperty("broker", String.valueOf(brokerPort));
        ports.setProperty("controller", String.valueOf(controllerPort));
        try (OutputStream out = Files.newOutputStream(file)) {
            ports.store(out, "Ports of the embedded broker whose data is in this folder");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static EmbeddedKafkaBroker startOnce(Path dataDir, int brokerPort, int controllerPort,
            boolean deleteOnClose) {
        Path logDirs = dataDir.resolve("kafka");
        Properties props = serverProperties(logDirs, brokerPort, controllerPort);
        try {
            Files.createDirectories(logDirs);
            if (!Files.exists(logDirs.resolve("meta.properties"))) {
                Path file = dataDir.resolve("server.properties");
                try (OutputStream out = Files.newOutputStream(file)) {
                    props.store(out, "idcard-stream embedded broker");
                }
                int rc = StorageTool.execute(new String[] {"format", "--standalone", "-t",
                        Uuid.randomUuid().toString(), "-c", file.toString()},
                        new PrintStream(OutputStream.nullOutputStream()));
                if (rc != 0) {
                    throw new IllegalStateException("Formatting the KRaft storage in " + logDirs + " failed: " + rc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the broker data directory " + logDirs, e);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, dataDir, deleteOnClose, brokerPort);
        try (Admin admin = broker.admin()) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            broker.close();
            throw new IllegalStateException("The embedded broker did not answer within 60 s", e);
        }
        return broker;
    }

    private static Properties serverProperties(Path logDirs, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("log.dirs", logDirs.toString());
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("auto.create.topics.enable", "false");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.cleaner.dedupe.buffer.size", "2097152");
        // Inline images up to the default 1 MiB cap plus the event around them.
        p.put("message.max.bytes", String.valueOf(4 << 20));
        return p;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Creates the topics (replication factor 1) that do not exist yet, waiting at most {@code timeout}. */
    public void createTopics(Duration timeout, List<NewTopic> topics) {
        try (Admin admin = admin()) {
            var existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create topics " + topics.stream().map(NewTopic::name).toList(), e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (deleteOnClose) {
            deleteQuietly(dataDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Leftover files are harmless; the broker itself has stopped.
        }
    }
}
