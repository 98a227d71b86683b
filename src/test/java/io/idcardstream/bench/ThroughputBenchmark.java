package io.idcardstream.bench;

import io.idcardstream.app.demo.EmbeddedKafkaBroker;
import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.events.IdentityRecognized;
import io.idcardstream.events.InlineImage;
import io.idcardstream.serde.ConfluentAvroSerde;
import io.idcardstream.serde.InMemorySchemaRegistry;
import io.idcardstream.serde.LocalSchemaRegistryServer;
import io.idcardstream.server.ApiKeys;
import io.idcardstream.server.IdCardOcrServer;
import io.idcardstream.server.ServerSettings;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The throughput benchmark of issue 6: the worker against idcard-stream's own IDCardOCR server that enforces
 * the quota (RequestLimitExceeded above it) in front of a recogniser with injected latency, on an embedded
 * broker with 12 input partitions. Workers run as separate processes ({@code java -jar ... run}), so their CPU
 * and memory are their own. Run it with {@code bench/throughput.sh}; see BENCHMARKS.md.
 */
public final class ThroughputBenchmark {
    private static final String SECRET_ID = "AKIDbench000000000001";
    private static final String SECRET_KEY = "bench-secret-key";
    private static final Pattern ANSWERS =
            Pattern.compile("idcard_server_requests_seconds_count\\{code=\"([^\"]+)\"[^}]*}\\s+([0-9.eE+]+)");

    /** One measured configuration. {@code offeredRps} 0 = all requests at once. */
    /** @param replays requests with reprocess=true published at once before the live ones (0: none) */
    record Scenario(String design, String processing, int instances, int requests, double offeredRps, int replays) {
        Scenario(String design, String processing, int instances, int requests, double offeredRps) {
            this(design, processing, instances, requests, offeredRps, 0);
        }
    }

    record Result(Scenario scenario, double achievedRps, double utilization, long throttled, long p50, long p99,
            long ocrP99, double seconds, List<Double> cpuSeconds, List<Long> rssMb, long outcomes,
            int maxCallsInASecond) {

        String summary(double quota) {
            return String.format(Locale.ROOT, "design=%s quota=%.0f achieved_rps=%.1f utilization=%.2f throttled=%d "
                    + "max_calls_in_a_second=%d p50_ms=%d p99_ms=%d", scenario.design(), quota, achievedRps,
                    utilization, throttled, maxCallsInASecond, p50, p99);
        }
    }

    private final double quota;
    private final int partitions;
    private final Path jar;
    private final Path workDir;
    private final String bootstrap;
    private final InMemorySchemaRegistry registry;
    private final String registryUrl;
    private final IdCardOcrServer server;
    private final LatencyRecognizer recognizer;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> extraWorkerSettings;
    /** Replays published per second beside the live load; 0: all at once before it. */
    private double replayRps;

    private ThroughputBenchmark(double quota, int partitions, Path jar, Path workDir, String bootstrap,
            InMemorySchemaRegistry registry, String registryUrl, IdCardOcrServer server,
            LatencyRecognizer recognizer, Map<String, String> extraWorkerSettings) {
        this.quota = quota;
        this.partitions = partitions;
        this.jar = jar;
        this.workDir = workDir;
        this.bootstrap = bootstrap;
        this.registry = registry;
        this.registryUrl = registryUrl;
        this.server = server;
        this.recognizer = recognizer;
        this.extraWorkerSettings = extraWorkerSettings;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--requests", "2000", "--baseline-requests", "300",
                "--partitions", "12", "--quota", "20", "--latency", "300-1500", "--load-seconds", "60",
                "--scenarios", "async,blocking,async-2,async-half-load", "--jar", "target/idcard-stream.jar",
                "--out", "target/bench/throughput.md", "--worker-settings", ""));
        options.put("--replays", "5000");
        options.put("--replay-rps", "0");
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                throw new IllegalArgumentException("Unknown option " + args[i] + "; options: " + options.keySet());
            }
            options.put(args[i], args[i + 1]);
        }
        double quota = Double.parseDouble(options.get("--quota"));
        int requests = Integer.parseInt(options.get("--requests"));
        String[] latency = options.get("--latency").split("-");
        List<Scenario> scenarios = new ArrayList<>();
        for (String name : options.get("--scenarios").split(",")) {
            scenarios.add(switch (name) {
                case "async" -> new Scenario("async", "async", 1, requests, 0);
                case "blocking" -> new Scenario("blocking", "blocking", 1,
                        Integer.parseInt(options.get("--baseline-requests")), 0);
                case "async-half-load" -> new Scenario("async-50pct-load", "async", 1,
                        (int) (quota / 2 * Integer.parseInt(options.get("--load-seconds"))), quota / 2);
                // The same live load while a replay of --replays requests was published just before it
                case "async-half-load-replay" -> new Scenario("async-50pct-load-with-replay", "async", 1,
                        (int) (quota / 2 * Integer.parseInt(options.get("--load-seconds"))), quota / 2,
                        Integer.parseInt(options.get("--replays")));
                default -> {
                    if (!name.matches("async-[1-9]\\d*")) {
                        throw new IllegalArgumentException("Unknown scenario " + name);
                    }
                    int instances = Integer.parseInt(name.substring("async-".length()));
                    yield new Scenario("async-" + instances + "-instances", "async", instances, requests, 0);
                }
            });
        }
        Path jar = Path.of(options.get("--jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn -B -DskipTests package first");
        }
        Path workDir = Files.createTempDirectory("idcard-bench-");
        LatencyRecognizer recognizer = new LatencyRecognizer(Integer.parseInt(latency[0]),
                Integer.parseInt(latency[1]), 20261125L);
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startTemporary();
                LocalSchemaRegistryServer registryServer = LocalSchemaRegistryServer.start(registry, 0);
                IdCardOcrServer server = IdCardOcrServer.start(ServerSettings.defaults().withPort(0)
                        .withRateLimitRps((int) quota).withWorkers(64).withQueueCapacity(512)
                        .withConnections(new ServerSettings.ConnectionLimits(1024, 0, Duration.ofSeconds(10),
                                Duration.ofSeconds(30))), recognizer,
                        ApiKeys.of(SECRET_ID, SECRET_KEY), url -> {
                            throw new IllegalStateException("the benchmark sends no URLs");
                        })) {
            Map<String, String> extra = new LinkedHashMap<>();
            for (String pair : options.get("--worker-settings").split(",")) {
                if (!pair.isBlank()) {
                    extra.put(pair.substring(0, pair.indexOf('=')).trim(), pair.substring(pair.indexOf('=') + 1).trim());
                }
            }
            ThroughputBenchmark bench = new ThroughputBenchmark(quota, Integer.parseInt(options.get("--partitions")),
                    jar, workDir, broker.bootstrapServers(), registry, registryServer.baseUrl().toString(), server,
                    recognizer, extra);
            bench.replayRps = Double.parseDouble(options.get("--replay-rps"));
            List<Result> results = new ArrayList<>();
            for (Scenario scenario : scenarios) {
                System.err.println("bench: running " + scenario);
                Result result = bench.run(scenario);
                System.err.println("bench: " + result.summary(quota));
                results.add(result);
            }
            String report = bench.report(results, options);
            Path out = Path.of(options.get("--out"));
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report, StandardCharsets.UTF_8);
            System.out.println(report);
            results.forEach(r -> System.out.println(r.summary(quota)));
            Result async = results.stream().filter(r -> r.scenario().design().equals("async")).findFirst().orElse(null);
            Result blocking = results.stream().filter(r -> r.scenario().design().equals("blocking")).findFirst()
                    .orElse(null);
            if (async != null && blocking != null) {
                System.out.printf(Locale.ROOT, "baseline_ratio=%.1f (async achieved_rps / blocking achieved_rps)%n",
                        async.achievedRps() / blocking.achievedRps());
            }
        } finally {
            recognizer.close();
        }
    }

    Result run(Scenario scenario) throws Exception {
        String prefix = "bench-" + scenario.design();
        String requests = prefix + ".requests";
        String recognized = prefix + ".recognized";
        String failed = prefix + ".failed";
        createTopics(List.of(requests, recognized, failed, prefix + ".dlq"));
        List<WorkerProcess> workers = new ArrayList<>();
        List<Integer> opsPorts = new ArrayList<>();
        try {
            for (int i = 0; i < scenario.instances(); i++) {
                int opsPort = LocalResources.freePort();
                opsPorts.add(opsPort);
                workers.add(WorkerProcess.start(jar, workerSettings(scenario, prefix, i, opsPort),
                        workDir.resolve(prefix + "-worker-" + i + ".log")));
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                WorkerProcess.awaitStableGroup(admin, prefix, scenario.instances(), workers, workDir);
            }
            awaitReady(opsPorts, workers);
            Map<String, Double> before = serverAnswers();
            recognizer.drainLatencies();
            recognizer.drainMaxCallsInASecond();
            Instant start = Instant.now();
            Map<String, Long> requestedAt = new java.util.concurrent.ConcurrentHashMap<>();
            List<Long> receivedAt = java.util.Collections.synchronizedList(new ArrayList<>());
            // The reader runs while the requests are produced, so paced runs measure latency, not backlog.
            java.util.Set<String> replayIds = java.util.concurrent.ConcurrentHashMap.newKeySet();
            var collecting = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> collect(List.of(recognized, failed), requestedAt, receivedAt, scenario, replayIds, start));
            // Unpaced (0), the replay is published at once ahead of the live load; paced, beside it, as
            // `replay --rate` does
            var replaying = java.util.concurrent.CompletableFuture.runAsync(() -> publishReplays(requests, scenario,
                    replayIds));
            if (replayRps == 0) {
                replaying.join();
            }
            produce(requests, scenario, requestedAt);
            replaying.join();
            List<Long> latencies = collecting.get();
            double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            Map<String, Double> after = serverAnswers();
            List<Integer> ocr = new ArrayList<>(recognizer.drainLatencies());
            for (WorkerProcess worker : workers) {
                worker.close();
            }
            Collections.sort(receivedAt);
            double achieved = steadyRate(receivedAt);
            Collections.sort(latencies);
            Collections.sort(ocr);
            long throttled = Math.round(after.getOrDefault("RequestLimitExceeded", 0.0)
                    - before.getOrDefault("RequestLimitExceeded", 0.0));
            return new Result(scenario, achieved, achieved / quota, throttled, percentile(latencies, 50),
                    percentile(latencies, 99), ocr.isEmpty() ? 0 : ocr.get((int) Math.ceil(0.99 * ocr.size()) - 1),
                    seconds, workers.stream().map(WorkerProcess::cpuSeconds).toList(),
                    workers.stream().map(w -> w.peakRssKb() / 1024).toList(), latencies.size(),
                    recognizer.drainMaxCallsInASecond());
        } finally {
            for (WorkerProcess worker : workers) {
                worker.close();
            }
        }
    }

    /** Waits until every worker reports ready (Kafka Streams RUNNING: tasks assigned and initialised). */
    private void awaitReady(List<Integer> opsPorts, List<WorkerProcess> workers) throws Exception {
        Instant deadline = Instant.now().plusSeconds(180);
        for (int port : opsPorts) {
            while (true) {
                int status;
                try {
                    status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (IOException e) {
                    status = -1;
                }
                if (status == 200) {
                    break;
                }
                if (Instant.now().isAfter(deadline) || workers.stream().anyMatch(w -> !w.alive())) {
                    throw new IllegalStateException("A worker did not become ready; see " + workDir);
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
    }

    private Map<String, String> workerSettings(Scenario scenario, String prefix, int instance, int opsPort) {
        Map<String, String> settings = TestWorkerSettings.of(bootstrap, prefix,
                workDir.resolve(prefix + "-state-" + instance), registryUrl);
        settings.put("worker.processing", scenario.processing());
        settings.put("ocr.provider", "tencent");
        settings.put("ocr.quota.rps", String.valueOf(quota));
        settings.put("tencent.endpoint", server.endpoint());
        settings.put("tencent.protocol", "http");
        settings.put("tencent.secret.id", SECRET_ID);
        settings.put("tencent.secret.key", SECRET_KEY);
        settings.put("ops.port", String.valueOf(opsPort));
        settings.putAll(extraWorkerSettings);
        return settings;
    }

    private void createTopics(List<String> names) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(names.stream().map(name -> new NewTopic(name, partitions, (short) 1)).toList())
                    .all().get(60, TimeUnit.SECONDS);
        }
    }

    private void produce(String topic, Scenario scenario, Map<String, Long> requestedAt) throws Exception {
        var serializer = new ConfluentAvroSerde<>(IdCardOcrRequested.class, registry, true, false).serializer();
        long startNanos = System.nanoTime();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), serializer)) {
            for (int i = 0; i < scenario.requests(); i++) {
                if (scenario.offeredRps() > 0) {
                    long due = startNanos + (long) (i * 1e9 / scenario.offeredRps());
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                }
                String requestId = scenario.design() + "-" + i;
                Instant now = Instant.now();
                requestedAt.put(requestId, now.toEpochMilli());
                producer.send(new ProducerRecord<>(topic, "subject-" + i, IdCardOcrRequested.newBuilder()
                        .setRequestId(requestId)
                        .setSubjectId("subject-" + i)
                        .setImage(new InlineImage(ByteBuffer.wrap(("card " + i).getBytes(StandardCharsets.UTF_8)),
                                null))
                        .setRequestedAt(now)
                        .build()));
            }
        }
    }

    private static void pace(long startNanos, int i, double perSecond) {
        if (perSecond <= 0) {
            return;
        }
        long wait = startNanos + (long) (i * 1e9 / perSecond) - System.nanoTime();
        if (wait > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
    }

    /** {@code scenario.replays()} earlier requests again with reprocess=true, as `replay` publishes them. */
    private void publishReplays(String topic, Scenario scenario, java.util.Set<String> replayIds) {
        if (scenario.replays() == 0) {
            return;
        }
        var serializer = new ConfluentAvroSerde<>(IdCardOcrRequested.class, registry, true, false).serializer();
        long startNanos = System.nanoTime();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), serializer)) {
            for (int i = 0; i < scenario.replays(); i++) {
                String requestId = "replayed-" + i;
                replayIds.add(requestId);
                pace(startNanos, i, replayRps);
                producer.send(new ProducerRecord<>(topic, "replayed-subject-" + i, IdCardOcrRequested.newBuilder()
                        .setRequestId(requestId).setSubjectId("replayed-subject-" + i)
                        .setImage(new InlineImage(ByteBuffer.wrap(("old card " + i).getBytes(StandardCharsets.UTF_8)),
                                null))
                        .setRequestedAt(Instant.now()).setReprocess(true).build()));
            }
        }
    }

    /**
     * Reads outcomes (read_committed) until every live request and every replay has one; returns the live requests'
     * end-to-end latencies in ms, and prints when the replay finished.
     */
    private List<Long> collect(List<String> topics, Map<String, Long> requestedAt, List<Long> receivedAt,
            Scenario scenario, java.util.Set<String> replayIds, Instant start) {
        var recognizedSerde = new ConfluentAvroSerde<>(IdentityRecognized.class, registry, true, false);
        var failedSerde = new ConfluentAvroSerde<>(IdCardOcrFailed.class, registry, true, false);
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-reader-" + scenario.design(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Long> latencies = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        Map<String, List<Long>> stages = new LinkedHashMap<>();
        double expectedSeconds = scenario.processing().equals("blocking") ? scenario.requests() * 1.5
                : (scenario.requests() + scenario.replays()) / (quota * 0.5);
        java.util.Set<String> replaysAnswered = new java.util.HashSet<>();
        Instant deadline = Instant.now().plusSeconds((long) expectedSeconds + 180);
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(topics);
            while (seen.size() < scenario.requests() || replaysAnswered.size() < scenario.replays()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Only " + seen.size() + " of " + scenario.requests()
                            + " outcomes arrived for " + scenario.design());
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.currentTimeMillis();
                    String requestId;
                    io.idcardstream.events.Timings timings;
                    if (record.topic().endsWith(".recognized")) {
                        IdentityRecognized outcome = recognizedSerde.deserializer().deserialize(record.topic(), record.value());
                        requestId = outcome.getRequestId();
                        timings = outcome.getTimings();
                    } else {
                        IdCardOcrFailed outcome = failedSerde.deserializer().deserialize(record.topic(), record.value());
                        requestId = outcome.getRequestId();
                        timings = outcome.getTimings();
                    }
                    if (replayIds.contains(requestId) && replaysAnswered.add(requestId)
                            && replaysAnswered.size() == scenario.replays()) {
                        System.out.printf("bench: %s replay of %d requests finished after %.1f s%n",
                                scenario.design(), scenario.replays(),
                                Duration.between(start, Instant.now()).toMillis() / 1000.0);
                    }
                    if (requestedAt.containsKey(requestId) && seen.put(requestId, Boolean.TRUE) == null) {
                        latencies.add(now - requestedAt.get(requestId));
                        receivedAt.add(now);
                        stages.computeIfAbsent("produce", k -> new ArrayList<>())
                                .add(record.timestamp() - requestedAt.get(requestId));
                        stages.computeIfAbsent("accept", k -> new ArrayList<>())
                                .add(timings.getReceivedAt().toEpochMilli() - record.timestamp());
                        stages.computeIfAbsent("token wait", k -> new ArrayList<>()).add(timings.getRateLimitWaitMillis());
                        stages.computeIfAbsent("ocr", k -> new ArrayList<>()).add(timings.getOcrMillis());
                        stages.computeIfAbsent("in worker", k -> new ArrayList<>())
                                .add(timings.getCompletedAt().toEpochMilli() - timings.getReceivedAt().toEpochMilli());
                        stages.computeIfAbsent("to reader", k -> new ArrayList<>())
                                .add(now - timings.getCompletedAt().toEpochMilli());
                    }
                }
            }
        }
        StringBuilder breakdown = new StringBuilder("bench: " + scenario.design() + " stages p50/p99 ms:");
        stages.forEach((stage, values) -> {
            Collections.sort(values);
            breakdown.append(' ').append(stage).append('=').append(percentile(values, 50)).append('/')
                    .append(percentile(values, 99));
        });
        System.err.println(breakdown);
        return latencies;
    }

    /** Outcomes per second between the 10th and the 90th percentile of arrival: the steady state. */
    private static double steadyRate(List<Long> sortedArrivals) {
        int from = sortedArrivals.size() / 10;
        int to = sortedArrivals.size() * 9 / 10;
        double seconds = (sortedArrivals.get(to) - sortedArrivals.get(from)) / 1000.0;
        return seconds <= 0 ? 0 : (to - from) / seconds;
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private Map<String, Double> serverAnswers() throws IOException, InterruptedException {
        String text = http.send(HttpRequest.newBuilder(URI.create("http://" + server.endpoint() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> counts = new HashMap<>();
        Matcher matcher = ANSWERS.matcher(text);
        while (matcher.find()) {
            counts.merge(matcher.group(1), Double.parseDouble(matcher.group(2)), Double::sum);
        }
        return counts;
    }

    private String report(List<Result> results, Map<String, String> options) {
        StringBuilder md = new StringBuilder();
        md.append("Run ").append(LocalDate.now()).append(": quota ").append(quota).append(" req/s enforced by `serve` ")
                .append("(RequestLimitExceeded above it), OCR latency uniform ").append(options.get("--latency"))
                .append(" ms, ").append(partitions).append(" input partitions, embedded KRaft broker.\n\n");
        md.append("| design | instances | requests | offered | achieved req/s | % of quota | RequestLimitExceeded | ")
                .append("most calls in a second | e2e p50 ms | e2e p99 ms | OCR p99 ms | wall s | worker CPU s | ")
                .append("worker peak RSS MB |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            md.append(String.format(Locale.ROOT,
                    "| %s | %d | %d | %s | %.2f | %.1f%% | %d | %d | %d | %d | %d | %.0f | %s | %s |%n",
                    r.scenario().design(), r.scenario().instances(), r.scenario().requests(),
                    r.scenario().offeredRps() == 0 ? "all at once" : String.format(Locale.ROOT, "%.0f/s",
                            r.scenario().offeredRps()),
                    r.achievedRps(), 100 * r.utilization(), r.throttled(), r.maxCallsInASecond(), r.p50(), r.p99(),
                    r.ocrP99(), r.seconds(),
                    r.cpuSeconds().stream().map(c -> String.format(Locale.ROOT, "%.1f", c)).toList(),
                    r.rssMb()));
        }
        return md.toString();
    }
}
