package io.idcardstream.bench;

import io.idcardstream.app.demo.EmbeddedKafkaBroker;
import io.idcardstream.app.demo.SampleCards;
import io.idcardstream.app.demo.SampleCards.SampleCard;
import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.events.InlineImage;
import io.idcardstream.serde.ConfluentAvroSerde;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The worker's memory as the k8s base runs it (issue 15): {@code java -XX:MaxRAM=<limit> -XX:MaxRAMPercentage=50
 * -jar idcard-stream.jar run} with the local engine at {@code engine.concurrency=1}, taking the bundled sample cards
 * as inline requests until every one has its outcome. Samples once a second: resident set (VmRSS), heap and non-heap
 * in use (the JVM's own metrics on /metrics); prints their peaks against the limit. The container limit is what
 * {@code -XX:MaxRAM} stands in for (no container runtime here).
 */
public final class MemoryBenchmark {
    private static final String APP = "memory-bench";
    private static final Pattern JVM_MEMORY = Pattern.compile(
            "^jvm_memory_used_bytes\\{area=\"(heap|nonheap)\"[^}]*} (\\S+)", Pattern.MULTILINE);

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("--requests", "300", "--limit-mib", "1536",
                "--out", "target/memory-bench", "--jar", "target/idcard-stream.jar"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                throw new IllegalArgumentException("Unknown option " + args[i] + "; known: " + options.keySet());
            }
            options.put(args[i], args[i + 1]);
        }
        Path out = Path.of(options.get("--out"));
        // A fresh state directory: a ledger left by an earlier run would answer the same request ids unrecognised
        Path state = out.resolve("state");
        LocalResources.deleteTree(state);
        Files.createDirectories(out);
        int requests = Integer.parseInt(options.get("--requests"));
        long limitMib = Long.parseLong(options.get("--limit-mib"));
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary();
                LocalSchemaRegistryServer registry = LocalSchemaRegistryServer.start(new InMemorySchemaRegistry(), 0)) {
            String bootstrap = broker.bootstrapServers();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(Stream.of(".requests", ".recognized", ".failed", ".dlq")
                        .map(suffix -> new NewTopic(APP + suffix, 6, (short) 1)).toList()).all().get(60, TimeUnit.SECONDS);
            }
            int opsPort = LocalResources.freePort();
            Map<String, String> settings = TestWorkerSettings.of(bootstrap, APP, state.toAbsolutePath(),
                    registry.baseUrl().toString());
            settings.put("ocr.provider", "local");
            settings.put("engine.concurrency", "1");
            settings.put("ops.port", String.valueOf(opsPort));
            List<String> jvm = List.of("-XX:MaxRAM=" + limitMib + "m", "-XX:MaxRAMPercentage=50",
                    "-XX:+ExitOnOutOfMemoryError");
            Instant started = Instant.now();
            try (WorkerProcess worker = WorkerProcess.start(Path.of(options.get("--jar")), jvm, settings,
                    out.resolve("worker.log"))) {
                Peaks peaks = new Peaks();
                awaitReady(opsPort, worker, peaks);
                publish(bootstrap, registry.baseUrl().toString(), requests);
                long answered = 0;
                try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG,
                        APP + "-reader", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
                    consumer.subscribe(List.of(APP + ".recognized", APP + ".failed", APP + ".dlq"));
                    Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
                    while (answered < requests && Instant.now().isBefore(deadline) && worker.alive()) {
                        answered += consumer.poll(Duration.ofSeconds(1)).count();
                        peaks.sample(worker, opsPort);
                    }
                }
                System.out.printf("memory: limit %d MiB (-XX:MaxRAM), %d of %d requests answered in %.0f s; peak RSS "
                        + "%d MiB (%.0f%% of the limit), peak heap in use %d MiB, peak non-heap %d MiB, alive=%s%n",
                        limitMib, answered, requests, Duration.between(started, Instant.now()).toSeconds() * 1.0,
                        peaks.rssKb / 1024, 100.0 * peaks.rssKb / 1024 / limitMib, peaks.heap >> 20,
                        peaks.nonHeap >> 20, worker.alive());
            }
        }
    }

    /** The largest values seen. */
    private static final class Peaks {
        long rssKb;
        long heap;
        long nonHeap;
        private final HttpClient http = HttpClient.newHttpClient();

        void sample(WorkerProcess worker, int opsPort) {
            rssKb = Math.max(rssKb, worker.rssKb());
            try {
                String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + opsPort
                        + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
                long heapNow = 0;
                long nonHeapNow = 0;
                Matcher matcher = JVM_MEMORY.matcher(metrics);
                while (matcher.find()) {
                    long bytes = (long) Double.parseDouble(matcher.group(2));
                    if (matcher.group(1).equals("heap")) {
                        heapNow += bytes;
                    } else {
                        nonHeapNow += bytes;
                    }
                }
                heap = Math.max(heap, heapNow);
                nonHeap = Math.max(nonHeap, nonHeapNow);
            } catch (IOException | InterruptedException e) {
                // Not up yet, or stopping: the next sample counts.
            }
        }
    }

    private static void awaitReady(int opsPort, WorkerProcess worker, Peaks peaks) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(300);
        while (Instant.now().isBefore(deadline) && worker.alive()) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + opsPort + "/readyz")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            peaks.sample(worker, opsPort);
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IllegalStateException("The worker did not become ready");
    }

    /** The bundled sample cards, over and over, as inline requests. */
    private static void publish(String bootstrap, String registryUrl, int requests) {
        List<SampleCard> cards = SampleCards.bundled();
        var serde = new ConfluentAvroSerde<>(IdCardOcrRequested.class,
                io.idcardstream.serde.SchemaRegistries.fromConfig(Map.of("schema.registry.url", registryUrl)), true,
                false);
        try (KafkaProducer<String, IdCardOcrRequested> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                4 << 20), new StringSerializer(), serde.serializer())) {
            for (int i = 0; i < requests; i++) {
                SampleCard card = cards.get(i % cards.size());
                producer.send(new ProducerRecord<>(APP + ".requests", "subject-" + i, IdCardOcrRequested.newBuilder()
                        .setRequestId("memory-" + i).setSubjectId("subject-" + i)
                        .setImage(new InlineImage(ByteBuffer.wrap(card.image()), "image/jpeg"))
                        .setCardSide(card.side()).setRequestedAt(Instant.now()).setReprocess(false).build()));
            }
        }
    }
}
