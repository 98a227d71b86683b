package io.idcardstream.app;

import io.idcardstream.app.demo.DemoEnvironment;
import io.idcardstream.app.demo.OutcomePrinter;
import io.idcardstream.app.demo.SampleCards;
import io.idcardstream.config.IdCardStreamConfig;
import io.idcardstream.events.CardSide;
import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.events.IdentityAssembled;
import io.idcardstream.events.IdentityIncomplete;
import io.idcardstream.events.IdentityRecognized;
import io.idcardstream.events.InlineImage;
import io.idcardstream.events.OcrOptions;
import io.idcardstream.serde.ConfluentAvroSerde;
import io.idcardstream.serde.SchemaRegistry;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: the whole pipeline on this machine in one command. Starts a KRaft broker and a schema registry
 * (data under {@code --data-dir}), the local engine and the worker; publishes one request per sample card;
 * prints each outcome as it arrives and a summary; then stops everything it started.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Run the pipeline end to end on this machine: an embedded single-node KRaft broker (127.0.0.1), a "
                    + "schema registry on loopback, the local recognition engine and the worker. Publishes an "
                    + "IdCardOcrRequested event for each sample card (the synthetic cards shipped in the jar, or "
                    + "the images of --images), prints every outcome (personal data masked unless --show-pii) and "
                    + "a summary, then stops what it started.",
            "",
            "Settings: as for run (--config-file, IDCARD_* variables, -D); the demo sets bootstrap.servers, "
                    + "schema.registry.url, state.dir and application.id itself, and -D still wins."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every request got an outcome", "1:some requests got no outcome in time",
            "2:invalid configuration"})
final class DemoCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    ConfigOptions options;

    @Option(names = "--images", paramLabel = "DIR", description = "Send the PNG/JPEG files of this folder instead of "
            + "the sample cards.")
    Path images;

    @Option(names = "--side", paramLabel = "FRONT|BACK", description = "Side to ask for with --images (default: let "
            + "the engine find out).")
    CardSide side;

    @Option(names = "--show-pii", description = "Print names, ID numbers, addresses and birth dates in full.")
    boolean showPii;

    @Option(names = "--keep-running", description = "Keep the broker, registry and worker running after the "
            + "samples (until Ctrl-C), e.g. to send more requests or try replay.")
    boolean keepRunning;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "Use this Kafka cluster instead "
            + "of starting one (topics are created if missing).")
    String bootstrapServers;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data/demo",
            description = "Where the embedded broker, registry and Streams state keep their data (default: "
                    + "${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT3M",
            description = "Give up waiting for outcomes after this long (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Spec
    CommandSpec spec;

    /** Counted down when everything is closed, so a Ctrl-C waits for a clean stop. */
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        try {
            return runDemo();
        } finally {
            closed.countDown();
        }
    }

    private int runDemo() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        quietLogs();
        List<SampleCards.SampleCard> cards = images == null ? SampleCards.bundled()
                : SampleCards.fromFolder(images, side);
        out.println("demo: starting " + (bootstrapServers == null ? "an embedded Kafka broker" : "on "
                + bootstrapServers) + ", a schema registry, the local engine and the worker (data in "
                + dataDir.toAbsolutePath() + ")");
        out.flush();
        DemoResult result;
        try (DemoEnvironment environment = DemoEnvironment.start(dataDir, bootstrapServers);
                DemoPipeline pipeline = DemoPipeline.start(options, environment, dataDir)) {
            out.println("demo: Kafka " + environment.bootstrapServers() + ", schema registry "
                    + environment.registryUrl() + ", provider " + pipeline.provider());
            out.flush();
            result = runCards(out, pipeline, cards);
            if (keepRunning) {
                out.println(result.summary());
                waitForCtrlC(out, environment, pipeline);
            }
            out.println("demo: stopping the worker, the engine, the registry" + (bootstrapServers == null
                    ? " and the broker" : ""));
            out.flush();
        }
        // Last, after everything has stopped: the line scripts look for.
        out.println(result.summary());
        out.flush();
        return result.complete() ? 0 : 1;
    }

    /**
     * The demo prints its own progress; library logs below ERROR would bury it on the console. Only the
     * console appenders are filtered, so loggers keep their levels ({@code IDCARD_LOG_LEVEL} turns this off).
     */
    @SuppressWarnings("unchecked") // logback appenders of the classic context take ILoggingEvent
    private static void quietLogs() {
        if (System.getenv("IDCARD_LOG_LEVEL") == null
                && org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logs) {
            logs.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(appender -> {
                if (appender instanceof ch.qos.logback.core.ConsoleAppender<?> console) {
                    ch.qos.logback.classic.filter.ThresholdFilter errorsOnly =
                            new ch.qos.logback.classic.filter.ThresholdFilter();
                    errorsOnly.setLevel("ERROR");
                    errorsOnly.start();
                    ((ch.qos.logback.core.ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent>) console)
                            .addFilter(errorsOnly);
                }
            });
        }
    }

    private DemoResult runCards(PrintWriter out, DemoPipeline pipeline, List<SampleCards.SampleCard> cards) {
        IdCardStreamConfig config = pipeline.config();
        SchemaRegistry registry = pipeline.registry();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> cardOf = new LinkedHashMap<>();
        List<String> applicationOf = applications(cards, "demo-" + run + "-app-");
        try (KafkaConsumer<String, byte[]> consumer = outcomeConsumer(pipeline)) {
            List<TopicPartition> outputs = partitionsOf(consumer, List.of(
                    config.getString(IdCardStreamConfig.TOPIC_RECOGNIZED_CONFIG),
                    config.getString(IdCardStreamConfig.TOPIC_FAILED_CONFIG),
                    config.getString(IdCardStreamConfig.TOPIC_ASSEMBLED_CONFIG),
                    config.getString(IdCardStreamConfig.TOPIC_INCOMPLETE_CONFIG)));
            consumer.assign(outputs);
            consumer.seekToEnd(outputs);
            outputs.forEach(tp -> consumer.position(tp, Duration.ofSeconds(30)));
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 << 20), new StringSerializer(),
                    new ConfluentAvroSerde<>(IdCardOcrRequested.class, registry, true, false).serializer())) {
                int n = 0;
                for (SampleCards.SampleCard card : cards) {
                    String requestId = "demo-" + run + "-" + (++n);
                    cardOf.put(requestId, card.name());
                    // One subject per application: its front and back share the key, as an account opening's do.
                    String application = applicationOf.get(n - 1);
                    String subject = "demo-subject-" + application.substring(application.lastIndexOf('-') + 1);
                    producer.send(new ProducerRecord<>(config.getString(IdCardStreamConfig.TOPIC_REQUESTS_CONFIG),
                            subject, request(requestId, subject, application, card)));
                }
            }
            out.println("demo: published " + cards.size() + " requests of " + new java.util.HashSet<>(applicationOf)
                    .size() + " applications; waiting for outcomes and assembled identities");
            out.flush();
            return collect(out, consumer, pipeline, cardOf, new java.util.HashSet<>(applicationOf));
        }
    }

    /**
     * The application of each card, in order: the n-th front and the n-th back make one application (as if one
     * applicant uploaded both); a card of unknown side, or without a partner, is an application of its own.
     */
    static List<String> applications(List<SampleCards.SampleCard> cards, String prefix) {
        List<String> applications = new java.util.ArrayList<>();
        Map<CardSide, Integer> seen = new HashMap<>();
        Map<Integer, String> pairs = new HashMap<>();
        int next = 0;
        for (SampleCards.SampleCard card : cards) {
            if (card.side() == null || card.side() == CardSide.UNKNOWN) {
                applications.add(prefix + (++next));
                continue;
            }
            int nth = seen.merge(card.side(), 1, Integer::sum);
            String application = pairs.get(nth);
            if (application == null) {
                application = prefix + (++next);
                pairs.put(nth, application);
            }
            applications.add(application);
        }
        return applications;
    }

    private static IdCardOcrRequested request(String requestId, String subjectId, String applicationId,
            SampleCards.SampleCard card) {
        return IdCardOcrRequested.newBuilder()
                .setRequestId(requestId)
                .setSubjectId(subjectId)
                .setImage(new InlineImage(ByteBuffer.wrap(card.image()), null))
                .setCardSide(card.side())
                .setOptions(OcrOptions.newBuilder().setCopyWarn(true).setReshootWarn(true).setQuality(true).build())
                .setRequestedAt(Instant.now())
                .setAttributes(Map.of("source", "demo"))
                .setApplicationId(applicationId)
                .build();
    }

    private DemoResult collect(PrintWriter out, KafkaConsumer<String, byte[]> consumer, DemoPipeline pipeline,
            Map<String, String> cardOf, java.util.Set<String> applications) {
        var recognizedSerde = new ConfluentAvroSerde<>(IdentityRecognized.class, pipeline.registry(), true, false);
        var failedSerde = new ConfluentAvroSerde<>(IdCardOcrFailed.class, pipeline.registry(), true, false);
        var assembledSerde = new ConfluentAvroSerde<>(IdentityAssembled.class, pipeline.registry(), true, false);
        var incompleteSerde = new ConfluentAvroSerde<>(IdentityIncomplete.class, pipeline.registry(), true, false);
        String recognizedTopic = pipeline.config().getString(IdCardStreamConfig.TOPIC_RECOGNIZED_CONFIG);
        String failedTopic = pipeline.config().getString(IdCardStreamConfig.TOPIC_FAILED_CONFIG);
        String assembledTopic = pipeline.config().getString(IdCardStreamConfig.TOPIC_ASSEMBLED_CONFIG);
        OutcomePrinter printer = new OutcomePrinter(showPii);
        DemoResult result = new DemoResult(cardOf.size());
        Map<String, String> decided = new LinkedHashMap<>();
        Instant deadline = Instant.now().plus(timeout);
        while (!(result.complete() && decided.keySet().containsAll(applications)) && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (!record.topic().equals(recognizedTopic) && !record.topic().equals(failedTopic)) {
                    // An assembled identity or an incomplete application (identity assembly)
                    Object assembly = record.topic().equals(assembledTopic)
                            ? assembledSerde.deserializer().deserialize(record.topic(), record.value())
                            : incompleteSerde.deserializer().deserialize(record.topic(), record.value());
                    String application = assembly instanceof IdentityAssembled a ? a.getApplicationId()
                            : ((IdentityIncomplete) assembly).getApplicationId();
                    if (applications.contains(application)) {
                        decided.put(application, assembly instanceof IdentityAssembled ? "assembled" : "incomplete");
                        out.println(printer.assemblyLine(assembly));
                        out.flush();
                    }
                    continue;
                }
                Object outcome = record.topic().equals(recognizedTopic)
                        ? recognizedSerde.deserializer().deserialize(record.topic(), record.value())
                        : failedSerde.deserializer().deserialize(record.topic(), record.value());
                String requestId = outcome instanceof IdentityRecognized r ? r.getRequestId()
                        : ((IdCardOcrFailed) outcome).getRequestId();
                if (cardOf.containsKey(requestId) && result.record(requestId, outcome instanceof IdentityRecognized)) {
                    out.println(printer.line(result.answered(), result.total(), cardOf.get(requestId), outcome));
                    out.flush();
                }
            }
        }
        long assembled = decided.values().stream().filter("assembled"::equals).count();
        out.println("demo: " + applications.size() + " applications, " + assembled + " assembled, "
                + (decided.size() - assembled) + " incomplete" + (decided.size() < applications.size()
                        ? ", " + (applications.size() - decided.size()) + " undecided (timed out)" : ""));
        return result;
    }

    private static KafkaConsumer<String, byte[]> outcomeConsumer(DemoPipeline pipeline) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, List<String> topics) {
        return topics.stream()
                .flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream())
                .map((PartitionInfo p) -> new TopicPartition(p.topic(), p.partition()))
                .toList();
    }

    private void waitForCtrlC(PrintWriter out, DemoEnvironment environment, DemoPipeline pipeline)
            throws InterruptedException {
        out.println("demo: still running; Ctrl-C stops it. Try:");
        out.println("  bin/idcard-stream replay -D bootstrap.servers=" + environment.bootstrapServers()
                + " -D schema.registry.url=" + environment.registryUrl() + " --from beginning --dry-run");
        out.println("  curl -s http://127.0.0.1:" + pipeline.opsPort() + "/metrics | grep ^idcard_");
        out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                closed.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "demo-stop"));
        stop.await();
    }
}
