package io.idcardstream.bench;

import io.idcardstream.app.demo.EmbeddedKafkaBroker;
import io.idcardstream.events.state.LedgerEntry;
import io.idcardstream.serde.InMemorySchemaRegistry;
import io.idcardstream.serde.LocalSchemaRegistryServer;
import io.idcardstream.testing.LocalResources;
import io.idcardstream.testing.TestWorkerSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.internals.WindowKeySchema;

/**
 * How long the worker's state takes to come back (issue 15): the idempotency ledger's changelog is filled with
 * {@code --ledger-mib} of real ledger entries (recent, so none has expired), then real {@code java -jar
 * idcard-stream.jar run} processes start on it, and each step is timed until the workers' /readyz answers 200
 * (Kafka Streams RUNNING: every store restored):
 * <ol>
 *   <li>a cold start on an empty state volume: the whole ledger restored from the changelog;</li>
 *   <li>a restart on its own volume (the StatefulSet case): only what the checkpoint does not cover;</li>
 *   <li>two workers, one stops (a drain): the other takes its tasks over, without a standby replica (their
 *       share of the ledger restored) and with {@code num.standby.replicas=1} (the warm copy promoted).</li>
 * </ol>
 * One summary line per step; the figures go into BENCHMARKS.md.
 */
public final class RestoreBenchmark {
    private static final String APP = "restore-bench";
    private static final int PARTITIONS = 6;
    private static final Pattern METRIC = Pattern.compile("^(idcard_state_restore_seconds_(?:sum|count))\\s+(\\S+)",
            Pattern.MULTILINE);

    private final Path out;
    private final Path jar;
    private final String bootstrap;
    private final String registryUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    private RestoreBenchmark(Path out, Path jar, String bootstrap, String registryUrl) {
        this.out = out;
        this.jar = jar;
        this.bootstrap = bootstrap;
        this.registryUrl = registryUrl;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("--ledger-mib", "1024", "--out",
                "target/restore-bench", "--jar", "target/idcard-stream.jar"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                throw new IllegalArgumentException("Unknown option " + args[i] + "; known: " + options.keySet());
            }
            options.put(args[i], args[i + 1]);
        }
        Path out = Path.of(options.get("--out"));
        LocalResources.deleteTree(out);
        Files.createDirectories(out);
        long ledgerBytes = Long.parseLong(options.get("--ledger-mib")) << 20;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(out.resolve("kafka"), false);
                LocalSchemaRegistryServer registry = LocalSchemaRegistryServer.start(new InMemorySchemaRegistry(), 0)) {
            RestoreBenchmark bench = new RestoreBenchmark(out, Path.of(options.get("--jar")),
                    broker.bootstrapServers(), registry.baseUrl().toString());
            bench.createTopics();
            Instant filling = Instant.now();
            long records = bench.fillLedger(ledgerBytes);
            System.out.printf("restore: ledger changelog filled with %d entries, %d MiB, in %.1f s%n", records,
                    ledgerBytes >> 20, seconds(filling));
            bench.run();
        }
    }

    private void run() throws Exception {
        // 1. Cold start: an empty state directory restores everything.
        Worker cold = start("cold", "state-a", 0);
        double coldSeconds = cold.awaitReady();
        System.out.printf("restore: cold start, empty volume: ready after %.1f s (%s)%n", coldSeconds,
                cold.restores());
        cold.process().close();

        // 2. Restart on the same state directory: the checkpoint covers the ledger.
        Worker restarted = start("restarted", "state-a", 0);
        System.out.printf("restore: restart on its own volume: ready after %.1f s (%s)%n",
                restarted.awaitReady(), restarted.restores());
        restarted.process().close();

        // 3. A second worker joins, then the first leaves; without and with a standby replica.
        for (int standbys : new int[] {0, 1}) {
            Worker first = start("first-standby-" + standbys, "state-a", standbys);
            first.awaitReady();
            Worker second = start("second-standby-" + standbys, "state-b-" + standbys, standbys);
            second.awaitReady();
            first.awaitReady();
            if (standbys > 0) {
                // The standby tasks of the second worker catch up with the first's changelog partitions.
                TimeUnit.SECONDS.sleep(Math.max(10, (long) coldSeconds));
            }
            Restores before = second.restores();
            Instant leaving = Instant.now();
            first.process().close();
            double takeover = second.awaitReadyAfterLeave(leaving);
            System.out.printf("restore: one of two workers leaves, num.standby.replicas=%d: the other ready "
                    + "again after %.1f s (%s)%n", standbys, takeover, second.restores().minus(before));
            second.process().close();
        }
    }

    private Worker start(String name, String stateDir, int standbys) throws IOException {
        int opsPort = LocalResources.freePort();
        Map<String, String> settings = TestWorkerSettings.of(bootstrap, APP, out.resolve(stateDir).toAbsolutePath(),
                registryUrl);
        // No request is sent: the provider is never called.
        settings.put("ocr.provider", "tencent");
        settings.put("tencent.endpoint", "127.0.0.1:9");
        settings.put("tencent.protocol", "http");
        settings.put("tencent.secret.id", "AKIDrestoreBench");
        settings.put("tencent.secret.key", "restore-bench-key");
        settings.put("ops.port", String.valueOf(opsPort));
        settings.put("kafka.num.standby.replicas", String.valueOf(standbys));
        return new Worker(name, WorkerProcess.start(jar, settings, out.resolve(name + ".log")), opsPort,
                Instant.now());
    }

    private void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<NewTopic> topics = new ArrayList<>(Stream.of(".requests", ".recognized", ".failed", ".dlq")
                    .map(suffix -> new NewTopic(APP + suffix, PARTITIONS, (short) 1)).toList());
            // The ledger's changelog as Streams creates it for a window store: compacted and deleted by age.
            topics.add(new NewTopic(changelog(), PARTITIONS, (short) 1).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, "compact,delete",
                    TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Duration.ofDays(8).toMillis()))));
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
        }
    }

    private static String changelog() {
        return APP + "-idcard-ledger-changelog";
    }

    /** Real ledger entries, as the worker writes them, spread over the last hours; returns how many. */
    private long fillLedger(long bytes) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.ACKS_CONFIG, "1", ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long written = 0;
        long records = 0;
        long now = System.currentTimeMillis();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            while (written < bytes) {
                String requestId = UUID.randomUUID().toString();
                long completedAt = now - (records % 36_000) * 100;
                LedgerEntry entry = LedgerEntry.newBuilder().setRequestId(requestId).setRecognized(true)
                        .setSide(records % 2 == 0 ? "FRONT" : "BACK").setAttempts(1).setProvider("tencent")
                        .setEndpoint("ocr.tencentcloudapi.com").setEngineVersion("IDCardOCR 2018-11-19")
                        .setModelVersion("tencent").setProviderRequestId(UUID.randomUUID().toString())
                        .setCompletedAt(completedAt).build();
                ByteBuffer value = LedgerEntry.getEncoder().encode(entry);
                byte[] valueBytes = new byte[value.remaining()];
                value.get(valueBytes);
                byte[] storeKey = WindowKeySchema.toStoreKeyBinary(Bytes.wrap(("subject-" + records + "|" + requestId)
                        .getBytes(StandardCharsets.UTF_8)), completedAt, 0).get();
                producer.send(new ProducerRecord<>(changelog(), (int) (records % PARTITIONS), completedAt, storeKey,
                        valueBytes));
                written += storeKey.length + valueBytes.length;
                records++;
            }
            producer.flush();
        }
        return records;
    }

    /** Store partitions restored and the seconds their restores took, summed (they run in parallel). */
    private record Restores(long partitions, double seconds) {
        Restores minus(Restores earlier) {
            return new Restores(partitions - earlier.partitions, seconds - earlier.seconds);
        }

        @Override
        public String toString() {
            return String.format("%d store partitions restored, %.1f s summed", partitions, seconds);
        }
    }

    /** One worker process and its operations port. */
    private final class Worker {
        private final String name;
        private final WorkerProcess process;
        private final int opsPort;
        private final Instant started;

        Worker(String name, WorkerProcess process, int opsPort, Instant started) {
            this.name = name;
            this.process = process;
            this.opsPort = opsPort;
            this.started = started;
        }

        WorkerProcess process() {
            return process;
        }

        /** Seconds from the process start until /readyz answers 200. */
        double awaitReady() throws Exception {
            awaitStatus(200, Duration.ofMinutes(30));
            return seconds(started);
        }

        /** Seconds from {@code since} until /readyz went unready (the rebalance) and ready again. */
        double awaitReadyAfterLeave(Instant since) throws Exception {
            Instant deadline = Instant.now().plusSeconds(60);
            while (status() == 200 && Instant.now().isBefore(deadline)) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            awaitStatus(200, Duration.ofMinutes(30));
            return seconds(since);
        }

        /** The restores so far, from idcard_state_restore_seconds. */
        Restores restores() throws Exception {
            String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + opsPort + "/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            Map<String, Double> values = new LinkedHashMap<>();
            Matcher matcher = METRIC.matcher(metrics);
            while (matcher.find()) {
                values.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
            }
            return new Restores(values.getOrDefault("idcard_state_restore_seconds_count", 0.0).longValue(),
                    values.getOrDefault("idcard_state_restore_seconds_sum", 0.0));
        }

        private void awaitStatus(int wanted, Duration timeout) throws Exception {
            Instant deadline = Instant.now().plus(timeout);
            while (status() != wanted) {
                if (!process.alive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(name + " did not become ready; see " + out.resolve(name + ".log"));
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }

        private int status() throws InterruptedException {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + opsPort + "/readyz"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return -1;
            }
        }
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }
}
