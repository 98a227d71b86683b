package io.idcardstream.bench;

import io.idcardstream.app.demo.EmbeddedKafkaBroker;
import io.idcardstream.bench.FaultTally.Figures;
import io.idcardstream.bench.FaultTally.Window;
import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.events.IdentityRecognized;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The fault suite of issue 11: the worker, as real {@code java -jar idcard-stream.jar run} child processes,
 * on the real in-JVM KRaft broker, calling idcard-stream's own TC3 server through the Tencent SDK, while the
 * suite breaks one thing at a time:
 * <ul>
 *   <li>{@code broker-restart}: the broker stops and starts again on the same data directory and ports;</li>
 *   <li>{@code provider-outage}: the provider refuses connections, then answers slower than the worker's read
 *       timeout, then is back;</li>
 *   <li>{@code rebalance}: a second worker joins while calls are in flight, later leaves (SIGTERM);</li>
 *   <li>{@code kill-9}: the worker is killed with a burst of requests pending, and started again.</li>
 *   <li>{@code restart-of-3}: one of three workers is killed and started again; the other two must keep
 *       committing (no silence over 5 s on their partitions). Run it with {@code --static-membership true} for
 *       the setting the worker recommends, without for the dynamic-membership baseline.</li>
 * </ul>
 * Requests are produced at a steady rate through the whole scenario, with a burst just before the fault so
 * that calls are in flight when it hits. The figures come from the producer's acknowledgements, a
 * {@code read_committed} reader and the provider's own record of calls (see {@link FaultTally}); the worker is
 * not asked. Run it with {@code bench/reliability.sh}; the figures go into RELIABILITY.md.
 */
public final class ReliabilitySuite {
    private static final Pattern GAUGE = Pattern.compile("(?m)^(idcard_ocr_in_flight|idcard_pending_requests)"
            + "(?:\\{[^}]*})?\\s+([0-9.eE+-]+)");
    private static final Map<String, String> SHORT = Map.of("--warmup-seconds", "8", "--recovery-seconds", "10",
            "--broker-down-seconds", "10", "--provider-down-seconds", "20", "--provider-slow-seconds", "10",
            "--rebalance-seconds", "10", "--restart-after-seconds", "3");

    /** The bound on how long a crash elsewhere may stop the healthy instances' committed outcomes. */
    static final long HEALTHY_GAP_LIMIT_MILLIS = 5_000;
    /** A call the provider saw this soon after the kill was still sent by the killed process. */
    static final long KILL_LANDS_MILLIS = 50;

    /**
     * The partitions of the instances a fault did not touch, and the longest time, from the fault until the
     * struck instance was ready again plus 10 s, in which none of them had a committed outcome; and the struck
     * instance's paid calls a kill could lose (under way, or answered but not committed), which bound its repeats.
     */
    record Healthy(Set<Integer> partitions, long longestGapMillis, int struckCallsExposed) {}

    /** What one scenario measured, with the worker's own view at the fault for comparison. */
    record Result(String scenario, String command, String checked, Figures figures, String rssBeforeMb,
            String rssAfterMb, String workerViewAtFault, int deadLetters, double seconds,
            Map<String, Integer> failureCodes, long longestGapMillis, Healthy healthy) {

        boolean passed() {
            return figures.passed() && deadLetters == 0 && (healthy == null
                    || (healthy.longestGapMillis() <= HEALTHY_GAP_LIMIT_MILLIS
                            && figures.duplicatedPaidCalls() <= healthy.struckCallsExposed()));
        }

        String line() {
            return String.format(Locale.ROOT, "scenario=%s requests_in=%d outcomes_out=%d lost=%d duplicated=%d "
                            + "unknown=%d recognized=%d failed=%d provider_calls=%d paid_calls=%d "
                            + "duplicated_paid_calls=%d calls_in_flight_at_fault=%d rss_mb_before=%s rss_mb_after=%s "
                            + "%sseconds=%.0f result=%s",
                    scenario, figures.requestsIn(), figures.outcomesOut(), figures.lost(), figures.duplicated(),
                    figures.unknown(), figures.recognized(), figures.failed(), figures.providerCalls(),
                    figures.paidCalls(), figures.duplicatedPaidCalls(), figures.callsInFlightAtFault(), rssBeforeMb,
                    rssAfterMb, healthy == null ? "" : "healthy_partitions=" + healthy.partitions().size()
                            + " healthy_longest_gap_ms=" + healthy.longestGapMillis()
                            + " killed_worker_calls_exposed=" + healthy.struckCallsExposed() + " ",
                    seconds, passed() ? "PASS" : "FAIL");
        }
    }

    private final Map<String, String> options;
    private final Path jar;
    private final Path outDir;
    private final Path brokerDir;
    private final InMemorySchemaRegistry registry;
    private final String registryUrl;
    private final FaultyProvider provider;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private EmbeddedKafkaBroker broker;
    private String bootstrap;

    private ReliabilitySuite(Map<String, String> options, Path jar, Path outDir, Path brokerDir,
            InMemorySchemaRegistry registry, String registryUrl, FaultyProvider provider) {
        this.options = options;
        this.jar = jar;
        this.outDir = outDir;
        this.brokerDir = brokerDir;
        this.registry = registry;
        this.registryUrl = registryUrl;
        this.provider = provider;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--scenarios", "broker-restart,provider-outage,rebalance,kill-9");
        options.put("--rate", "8");
        options.put("--burst", "40");
        options.put("--partitions", "6");
        options.put("--quota", "20");
        options.put("--latency", "300-1500");
        options.put("--warmup-seconds", "15");
        options.put("--recovery-seconds", "20");
        options.put("--broker-down-seconds", "30");
        options.put("--provider-down-seconds", "60");
        options.put("--provider-slow-seconds", "30");
        options.put("--slow-answer-ms", "12000");
        options.put("--rebalance-seconds", "20");
        options.put("--restart-after-seconds", "5");
        options.put("--drain-seconds", "360");
        options.put("--jar", "target/idcard-stream.jar");
        options.put("--out", "target/reliability");
        options.put("--worker-settings", "");
        options.put("--static-membership", "false");
        List<String> given = new ArrayList<>(List.of(args));
        if (given.remove("--short")) {
            options.putAll(SHORT);
            options.put("--mode", "short");
        } else {
            options.put("--mode", "full");
        }
        for (int i = 0; i + 1 < given.size(); i += 2) {
            if (!options.containsKey(given.get(i))) {
                throw new IllegalArgumentException("Unknown option " + given.get(i) + "; options: --short "
                        + options.keySet());
            }
            options.put(given.get(i), given.get(i + 1));
        }
        Path jar = Path.of(options.get("--jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn -B -DskipTests package first");
        }
        Path outDir = Path.of(options.get("--out"));
        Path brokerDir = outDir.resolve("kafka");
        LocalResources.deleteTree(brokerDir);
        Files.createDirectories(brokerDir);
        String[] latency = options.get("--latency").split("-");
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        List<Result> results = new ArrayList<>();
        try (LocalSchemaRegistryServer registryServer = LocalSchemaRegistryServer.start(registry, 0);
                FaultyProvider provider = new FaultyProvider(Integer.parseInt(latency[0]),
                        Integer.parseInt(latency[1]), Integer.parseInt(options.get("--quota"))).up()) {
            ReliabilitySuite suite = new ReliabilitySuite(options, jar, outDir, brokerDir, registry,
                    registryServer.baseUrl().toString(), provider);
            try {
                suite.startBroker();
                for (String scenario : options.get("--scenarios").split(",")) {
                    System.err.println("reliability: running " + scenario);
                    Result result = suite.run(scenario.trim());
                    System.out.println(result.line());
                    results.add(result);
                    Files.writeString(outDir.resolve("report.md"), suite.report(results), StandardCharsets.UTF_8);
                }
            } finally {
                suite.stopBroker();
            }
        }
        System.out.println("report: " + outDir.resolve("report.md"));
        if (results.stream().anyMatch(r -> !r.passed())) {
            System.exit(1);
        }
    }

    private void startBroker() {
        broker = EmbeddedKafkaBroker.start(brokerDir, false);
        bootstrap = broker.bootstrapServers();
    }

    private void stopBroker() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    private int seconds(String option) {
        return Integer.parseInt(options.get(option));
    }

    /** One scenario: steady load, a burst, the fault, recovery, then every outcome read. */
    Result run(String scenario) throws Exception {
        Path dir = outDir.resolve(scenario);
        LocalResources.deleteTree(dir);
        Files.createDirectories(dir);
        String prefix = "rel-" + run + "-" + scenario;
        createTopics(prefix);
        provider.drainCalls();
        FaultTally tally = new FaultTally();
        Instant start = Instant.now();
        List<WorkerProcess> started = new ArrayList<>();
        AtomicBoolean producing = new AtomicBoolean(true);
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger deadLetters = new AtomicInteger();
        CompletableFuture<Void> reader = null;
        CompletableFuture<Void> producer = null;
        try {
            Worker first = startWorker(prefix, dir, "worker-1", "state-1", started);
            List<Worker> workers = new ArrayList<>(List.of(first));
            int initial = scenario.equals("restart-of-3") ? 3 : 1;
            for (int i = 2; i <= initial; i++) {
                workers.add(startWorker(prefix, dir, "worker-" + i, "state-" + i, started));
            }
            awaitGroup(prefix, initial, started);
            for (Worker worker : workers) {
                awaitReady(worker);
            }
            reader = CompletableFuture.runAsync(() -> read(prefix, tally, reading, deadLetters));
            AtomicInteger burst = new AtomicInteger(0);
            producer = CompletableFuture.runAsync(() -> produce(prefix, scenario, tally, producing, burst));
            TimeUnit.SECONDS.sleep(seconds("--warmup-seconds"));
            burst.set(Integer.parseInt(options.get("--burst")));
            TimeUnit.SECONDS.sleep(1);
            String workerView = workerView(first);
            String rssBefore = mb(first.process.rssKb());
            Fault fault = switch (scenario) {
                case "broker-restart" -> brokerRestart(tally);
                case "provider-outage" -> providerOutage();
                case "rebalance" -> rebalance(prefix, dir, first, started, tally);
                case "kill-9" -> kill9(prefix, dir, first, started);
                case "restart-of-3" -> restartOfThree(prefix, dir, workers, started);
                default -> throw new IllegalArgumentException("Unknown scenario " + scenario);
            };
            fault.windows().forEach(tally::window);
            TimeUnit.SECONDS.sleep(seconds("--recovery-seconds"));
            producing.set(false);
            producer.get(300, TimeUnit.SECONDS);
            awaitAllAnswered(tally, scenario, started, dir);
            // A quiet period catches an outcome written twice after the last expected one.
            TimeUnit.SECONDS.sleep(5);
            reading.set(false);
            reader.get(60, TimeUnit.SECONDS);
            Worker survivor = fault.survivor() == null ? first : fault.survivor();
            String rssAfter = mb(survivor.process.rssKb());
            // Slow answers may still be on their way: wait for them so every paid call is counted.
            TimeUnit.MILLISECONDS.sleep(Integer.parseInt(options.get("--slow-answer-ms")) / 4);
            String own = scenario + "-";
            tally.providerCalls(provider.drainCalls().stream().filter(c -> c.requestId().startsWith(own)).toList());
            Files.write(dir.resolve("repeated-paid-calls.txt"), tally.repeatedPaidCalls());
            double elapsed = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            Healthy healthy = fault.healthyPartitions() == null ? null : new Healthy(fault.healthyPartitions(),
                    tally.longestGapMillis(fault.healthyPartitions(), fault.watchFromMillis(), fault.watchToMillis()),
                    tally.callsExposedAt(fault.struckPartitions(), fault.watchFromMillis(), KILL_LANDS_MILLIS));
            return new Result(scenario, command(scenario), checked(scenario), tally.figures(),
                    rssBefore + fault.rssBeforeNote(), rssAfter + fault.rssAfterNote(),
                    workerView + "; " + fault.describe(), deadLetters.get(), elapsed, tally.failureCodes(),
                    tally.longestGapMillis(), healthy);
        } finally {
            producing.set(false);
            reading.set(false);
            for (WorkerProcess worker : started) {
                worker.close();
            }
        }
    }

    /** A worker child process and its operations port. */
    record Worker(String name, WorkerProcess process, int opsPort) {}

    /** What the fault did: the windows in which answers could be lost, and the worker measured afterwards. */
    record Fault(List<Window> windows, Worker survivor, String rssBeforeNote, String rssAfterNote,
            Set<Integer> healthyPartitions, Set<Integer> struckPartitions, long watchFromMillis, long watchToMillis) {

        Fault(List<Window> windows, Worker survivor, String rssBeforeNote, String rssAfterNote) {
            this(windows, survivor, rssBeforeNote, rssAfterNote, null, null, 0, 0);
        }

        String describe() {
            return windows.stream().map(w -> String.format(Locale.ROOT, "%s %.1f s", w.name(),
                    (w.toMillis() - w.fromMillis()) / 1000.0)).toList().toString();
        }
    }

    private Fault brokerRestart(FaultTally tally) throws Exception {
        long from = System.currentTimeMillis();
        stopBroker();
        TimeUnit.SECONDS.sleep(seconds("--broker-down-seconds"));
        startBroker();
        long restarted = System.currentTimeMillis();
        // The fault lasts until committed outcomes flow again: until then no answer is safe.
        int before = tally.outcomesCount();
        Instant deadline = Instant.now().plusSeconds(180);
        while (tally.outcomesCount() == before && Instant.now().isBefore(deadline)) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        long to = System.currentTimeMillis();
        System.err.printf(Locale.ROOT, "reliability: broker back after %d ms, outcomes again after %d ms%n",
                restarted - from, to - restarted);
        return new Fault(List.of(new Window("broker down until outcomes resumed", from, to)), null, "", "");
    }

    private Fault providerOutage() throws Exception {
        long from = System.currentTimeMillis();
        provider.down();
        TimeUnit.SECONDS.sleep(seconds("--provider-down-seconds"));
        provider.slow(Integer.parseInt(options.get("--slow-answer-ms")));
        provider.up();
        TimeUnit.SECONDS.sleep(seconds("--provider-slow-seconds"));
        provider.slow(0);
        long to = System.currentTimeMillis();
        return new Fault(List.of(new Window("provider refused then slow", from, to)), null, "", "");
    }

    private Fault rebalance(String prefix, Path dir, Worker first, List<WorkerProcess> started, FaultTally tally)
            throws Exception {
        long joinFrom = System.currentTimeMillis();
        Worker second = startWorker(prefix, dir, "worker-2", "state-2", started);
        awaitGroup(prefix, 2, started);
        awaitReady(second);
        long joinTo = System.currentTimeMillis();
        TimeUnit.SECONDS.sleep(seconds("--rebalance-seconds"));
        String secondRss = mb(second.process.rssKb());
        String secondView = workerView(second);
        long leaveFrom = System.currentTimeMillis();
        second.process.close();
        started.remove(second.process);
        awaitGroup(prefix, 1, started);
        awaitReady(first);
        long leaveTo = System.currentTimeMillis();
        System.err.println("reliability: worker-2 at leave: " + secondView);
        return new Fault(List.of(new Window("worker-2 joins", joinFrom, joinTo),
                new Window("worker-2 leaves (SIGTERM)", leaveFrom, leaveTo)), first, " (worker-1)",
                " (worker-1; worker-2 " + secondRss + " at leave)");
    }

    private Fault kill9(String prefix, Path dir, Worker first, List<WorkerProcess> started) throws Exception {
        long at = System.currentTimeMillis();
        first.process.kill();
        TimeUnit.SECONDS.sleep(seconds("--restart-after-seconds"));
        // Until the new process starts, a call reaching the provider can only be one the killed worker sent.
        long restartAt = System.currentTimeMillis();
        // Same state directory: the restarted process is the same pod coming back with its disk.
        Worker again = startWorker(prefix, dir, "worker-1-restarted", "state-1", started);
        return new Fault(List.of(new Window("kill -9 until restart", at, restartAt)), again, " (killed)", " (restarted)");
    }

    /**
     * Three workers share the partitions; the third is killed (SIGKILL) and started again on its state directory
     * (with static membership, under the same {@code group.instance.id}) while the other two keep working. Their
     * partitions are taken from the group's assignment just before the kill.
     */
    private Fault restartOfThree(String prefix, Path dir, List<Worker> workers, List<WorkerProcess> started)
            throws Exception {
        Worker victim = workers.get(2);
        Set<Integer> healthy = new TreeSet<>();
        for (String state : List.of("state-1", "state-2")) {
            healthy.addAll(assignedPartitions(prefix, dir.resolve(state)));
        }
        Set<Integer> struck = assignedPartitions(prefix, dir.resolve("state-3"));
        String victimView = workerView(victim);
        long at = System.currentTimeMillis();
        victim.process.kill();
        started.remove(victim.process);
        TimeUnit.SECONDS.sleep(seconds("--restart-after-seconds"));
        long restartAt = System.currentTimeMillis();
        Worker again = startWorker(prefix, dir, victim.name() + "-restarted", "state-3", started);
        awaitReady(again);
        long readyAt = System.currentTimeMillis();
        System.err.printf(Locale.ROOT, "reliability: healthy partitions %s; %s ready %d ms after its restart%n",
                healthy, victim.name(), readyAt - restartAt);
        return new Fault(List.of(new Window("kill -9 of worker-3 (" + victimView + ") until restart", at,
                restartAt)), workers.get(0),
                " (worker-1)", " (worker-1)", healthy, struck, at, readyAt + 10_000);
    }

    /**
     * The request partitions the group assigned to the worker whose state lives in {@code stateDir}: Kafka Streams
     * keeps its process id there, and its consumers' client ids start with application id + process id.
     */
    private Set<Integer> assignedPartitions(String prefix, Path stateDir) throws Exception {
        Matcher id = Pattern.compile("\"processId\":\"([0-9a-f-]+)\"")
                .matcher(Files.readString(stateDir.resolve(prefix).resolve("kafka-streams-process-metadata")));
        if (!id.find()) {
            throw new IllegalStateException("no Kafka Streams process id in " + stateDir);
        }
        String clientPrefix = prefix + "-" + id.group(1);
        try (Admin admin = admin()) {
            var group = admin.describeConsumerGroups(List.of(prefix)).all().get(30, TimeUnit.SECONDS).get(prefix);
            Set<Integer> partitions = new TreeSet<>();
            group.members().stream().filter(m -> m.clientId().startsWith(clientPrefix))
                    .flatMap(m -> m.assignment().topicPartitions().stream())
                    .filter(tp -> tp.topic().equals(prefix + ".requests"))
                    .forEach(tp -> partitions.add(tp.partition()));
            return partitions;
        }
    }

    private Worker startWorker(String prefix, Path dir, String name, String stateDir, List<WorkerProcess> started)
            throws IOException {
        int opsPort = LocalResources.freePort();
        Map<String, String> settings = TestWorkerSettings.of(bootstrap, prefix,
                dir.resolve(stateDir).toAbsolutePath(), registryUrl);
        settings.put("ocr.provider", "tencent");
        settings.put("ocr.quota.rps", options.get("--quota"));
        settings.put("tencent.endpoint", provider.endpoint());
        settings.put("tencent.protocol", "http");
        settings.put("tencent.secret.id", FaultyProvider.SECRET_ID);
        settings.put("tencent.secret.key", FaultyProvider.SECRET_KEY);
        settings.put("ops.port", String.valueOf(opsPort));
        if (Boolean.parseBoolean(options.get("--static-membership"))) {
            // A restarted process is the same member: it takes its partitions back without a rebalance.
            settings.put("group.instance.id", name.replace("-restarted", ""));
        }
        for (String pair : options.get("--worker-settings").split(",")) {
            if (!pair.isBlank()) {
                settings.put(pair.substring(0, pair.indexOf('=')).trim(), pair.substring(pair.indexOf('=') + 1).trim());
            }
        }
        WorkerProcess process = WorkerProcess.start(jar, settings, dir.resolve(name + ".log"));
        started.add(process);
        System.err.println("reliability: started " + name + " pid " + process.pid());
        return new Worker(name, process, opsPort);
    }

    private void createTopics(String prefix) throws Exception {
        int partitions = Integer.parseInt(options.get("--partitions"));
        try (Admin admin = admin()) {
            admin.createTopics(Stream.of(".requests", ".recognized", ".failed", ".dlq")
                    .map(suffix -> new NewTopic(prefix + suffix, partitions, (short) 1)).toList())
                    .all().get(60, TimeUnit.SECONDS);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /**
     * Produces {@code --rate} requests per second until told to stop, plus a burst when {@code burst} is set;
     * a request counts as "in" once the broker acknowledged it (acks=all, idempotent producer).
     */
    private void produce(String prefix, String scenario, FaultTally tally, AtomicBoolean producing,
            AtomicInteger burst) {
        double rate = Double.parseDouble(options.get("--rate"));
        var serializer = new ConfluentAvroSerde<>(IdCardOcrRequested.class, registry, true, false).serializer();
        AtomicInteger failedSends = new AtomicInteger();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000), new StringSerializer(), serializer)) {
            long startNanos = System.nanoTime();
            int sent = 0;
            int paced = 0;
            while (producing.get()) {
                int extra = burst.getAndSet(0);
                for (int i = 0; i < extra; i++) {
                    send(producer, prefix, scenario + "-" + sent++, tally, failedSends);
                }
                long due = startNanos + (long) (paced * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(Math.min(wait, 50_000_000));
                    continue;
                }
                send(producer, prefix, scenario + "-" + sent++, tally, failedSends);
                paced++;
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failedSends.get() > 0) {
            System.err.println("reliability: " + failedSends.get() + " sends were not acknowledged (not counted in)");
        }
    }

    private void send(KafkaProducer<String, IdCardOcrRequested> producer, String prefix, String requestId,
            FaultTally tally, AtomicInteger failedSends) {
        // The image bytes are the request id: the provider reads it back to count paid calls per request.
        IdCardOcrRequested event = IdCardOcrRequested.newBuilder()
                .setRequestId(requestId)
                .setSubjectId("subject-" + requestId)
                .setImage(new InlineImage(ByteBuffer.wrap(requestId.getBytes(StandardCharsets.UTF_8)), null))
                .setRequestedAt(Instant.now())
                .build();
        producer.send(new ProducerRecord<>(prefix + ".requests", event.getSubjectId(), event), (metadata, error) -> {
            if (error == null) {
                tally.requestIn(requestId, metadata.partition());
            } else {
                failedSends.incrementAndGet();
            }
        });
    }

    /**
     * Reads every outcome topic partition from the start with {@code read_committed}, as a downstream consumer
     * must, without a consumer group (nothing to rebalance while the broker restarts).
     */
    private void read(String prefix, FaultTally tally, AtomicBoolean reading, AtomicInteger deadLetters) {
        var recognizedSerde = new ConfluentAvroSerde<>(IdentityRecognized.class, registry, true, false);
        var failedSerde = new ConfluentAvroSerde<>(IdCardOcrFailed.class, registry, true, false);
        int partitions = Integer.parseInt(options.get("--partitions"));
        List<TopicPartition> assigned = Stream.of(".recognized", ".failed", ".dlq")
                .flatMap(suffix -> IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(prefix + suffix, p)))
                .toList();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            while (reading.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.currentTimeMillis();
                    if (record.topic().endsWith(".recognized")) {
                        tally.outcome(recognizedSerde.deserializer().deserialize(record.topic(), record.value())
                                .getRequestId(), null, now, record.partition());
                    } else if (record.topic().endsWith(".failed")) {
                        IdCardOcrFailed failed = failedSerde.deserializer().deserialize(record.topic(), record.value());
                        tally.outcome(failed.getRequestId(), failed.getErrorCode(), now, record.partition());
                    } else {
                        deadLetters.incrementAndGet();
                    }
                }
            }
        }
    }

    private void awaitAllAnswered(FaultTally tally, String scenario, List<WorkerProcess> workers, Path dir)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(seconds("--drain-seconds"));
        while (!tally.allAnswered()) {
            if (Instant.now().isAfter(deadline)) {
                System.err.println("reliability: " + scenario + " still missing outcomes for "
                        + tally.missing(10) + " (logs in " + dir + ")");
                return;
            }
            if (workers.stream().noneMatch(WorkerProcess::alive)) {
                System.err.println("reliability: " + scenario + ": no worker alive; logs in " + dir);
                return;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private void awaitGroup(String group, int members, List<WorkerProcess> workers) throws Exception {
        try (Admin admin = admin()) {
            WorkerProcess.awaitStableGroup(admin, group, members, workers, outDir);
        }
    }

    /** Waits until the worker's /readyz answers 200 (Kafka Streams RUNNING). */
    private void awaitReady(Worker worker) throws Exception {
        Instant deadline = Instant.now().plusSeconds(180);
        while (status(worker, "/readyz") != 200) {
            if (Instant.now().isAfter(deadline) || !worker.process().alive()) {
                throw new IllegalStateException(worker.name() + " did not become ready; see " + outDir);
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    /** The worker's own gauges (calls in flight, pending requests), for comparison with the counted bound. */
    private String workerView(Worker worker) {
        try {
            Matcher matcher = GAUGE.matcher(http.send(request(worker, "/metrics"),
                    HttpResponse.BodyHandlers.ofString()).body());
            Map<String, String> values = new HashMap<>();
            while (matcher.find()) {
                values.put(matcher.group(1), String.valueOf((long) Double.parseDouble(matcher.group(2))));
            }
            return worker.name() + " in flight " + values.getOrDefault("idcard_ocr_in_flight", "?") + ", pending "
                    + values.getOrDefault("idcard_pending_requests", "?");
        } catch (Exception e) {
            return worker.name() + " metrics unavailable";
        }
    }

    private HttpRequest request(Worker worker, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + worker.opsPort() + path))
                .timeout(Duration.ofSeconds(5)).build();
    }

    /** The HTTP status of a GET on the worker's operations port; -1 while it does not accept connections. */
    private int status(Worker worker, String path) throws InterruptedException {
        try {
            return http.send(request(worker, path), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String mb(long kb) {
        return kb < 0 ? "gone" : (kb / 1024) + " MB";
    }

    private String command(String scenario) {
        return "bench/reliability.sh" + (options.get("--mode").equals("short") ? " --short" : "")
                + " --scenarios " + scenario;
    }

    private String checked(String scenario) {
        return switch (scenario) {
            case "broker-restart" -> "broker stopped " + options.get("--broker-down-seconds")
                    + " s, restarted on the same data dir and ports";
            case "provider-outage" -> "provider refused connections " + options.get("--provider-down-seconds")
                    + " s, then answered after " + options.get("--slow-answer-ms") + " ms (read timeout 10 s) for "
                    + options.get("--provider-slow-seconds") + " s, then back";
            case "rebalance" -> "worker-2 joined with calls in flight, stayed " + options.get("--rebalance-seconds")
                    + " s, left by SIGTERM";
            case "kill-9" -> "worker killed (SIGKILL) after a burst of " + options.get("--burst")
                    + ", restarted after " + options.get("--restart-after-seconds") + " s on its state dir";
            case "restart-of-3" -> "worker-3 of 3 killed (SIGKILL) after a burst of " + options.get("--burst")
                    + ", restarted after " + options.get("--restart-after-seconds") + " s on its state dir; "
                    + "workers 1 and 2 must keep committing (no gap over " + HEALTHY_GAP_LIMIT_MILLIS / 1000
                    + " s on their partitions)" + (Boolean.parseBoolean(options.get("--static-membership"))
                    ? "; static membership" : "; dynamic membership");
            default -> scenario;
        };
    }

    private String report(List<Result> results) {
        StringBuilder md = new StringBuilder();
        md.append("Fault suite run ").append(Instant.now()).append(" (").append(options.get("--mode"))
                .append("): ").append(options.get("--partitions")).append(" input partitions, quota ")
                .append(options.get("--quota")).append(" req/s enforced by the TC3 server, OCR latency ")
                .append(options.get("--latency")).append(" ms, ").append(options.get("--rate"))
                .append(" req/s offered plus a burst of ").append(options.get("--burst"))
                .append(" just before the fault; workers are `java -Xmx512m -jar target/idcard-stream.jar run` "
                        + "child processes with default settings")
                .append(options.get("--worker-settings").isBlank() ? "" : " and " + options.get("--worker-settings"))
                .append(".\n\n");
        md.append("| scenario | how it is run (command) | what was checked | requests in | outcomes out "
                + "(recognized / failed) | lost | duplicated | duplicated paid calls (≤ in flight) | RSS before/after "
                + "| result |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            Figures f = r.figures();
            md.append(String.format(Locale.ROOT, "| %s | `%s` | %s | %d | %d (%d / %d) | %d | %d | %d (≤ %d) "
                            + "| %s / %s | %s |%n", r.scenario(), r.command(), r.checked(), f.requestsIn(),
                    f.outcomesOut(), f.recognized(), f.failed(), f.lost(), f.duplicated(), f.duplicatedPaidCalls(),
                    f.callsInFlightAtFault(), r.rssBeforeMb(), r.rssAfterMb(), r.passed() ? "PASS" : "FAIL"));
        }
        md.append("\nDetails:\n\n");
        for (Result r : results) {
            Figures f = r.figures();
            md.append(String.format(Locale.ROOT, "- %s: %d provider calls, %d paid, %d dead letters, %d outcomes "
                            + "for unknown ids, failures by code %s; longest time without a committed outcome "
                            + "%.1f s; at the fault %s; %.0f s.%n", r.scenario(), f.providerCalls(),
                    f.paidCalls(), r.deadLetters(), f.unknown(), r.failureCodes(), r.longestGapMillis() / 1000.0,
                    r.workerViewAtFault(), r.seconds()));
        }
        md.append("\nOne line per scenario:\n\n```\n");
        results.forEach(r -> md.append(r.line()).append('\n'));
        md.append("```\n");
        return md.toString();
    }
}
