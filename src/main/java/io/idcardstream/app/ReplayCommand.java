package io.idcardstream.app;

import io.idcardstream.app.replay.ReplayBound;
import io.idcardstream.app.replay.ReplaySummary;
import io.idcardstream.app.replay.RequestReplayer;
import io.idcardstream.config.IdCardStreamConfig;
import io.idcardstream.events.IdCardOcrRequested;
import io.idcardstream.serde.ConfluentAvroSerde;
import io.idcardstream.serde.SchemaRegistries;
import io.idcardstream.serde.SchemaRegistry;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code replay}: re-publish a range of requests with {@code reprocess=true}. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Re-publish the IdCardOcrRequested events of a range of topic.requests with reprocess=true, so the "
                    + "worker makes new OCR calls for exactly those requests (e.g. after a fix). Requests outside "
                    + "the range are not touched, so they get no second outcome. Each copy keeps its key and "
                    + "carries the attribute idcard.replay.of=PARTITION@OFFSET of the original.",
            "",
            "Bounds: 'beginning', 'end' (the log end when the replay starts), an ISO-8601 instant "
                    + "(2026-11-25T08:00:00Z) or offsets PARTITION:OFFSET[,...] (only the partitions named). "
                    + "--from is inclusive, --to exclusive."
        })
final class ReplayCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--from", paramLabel = "BOUND", defaultValue = "beginning",
            description = "First record to replay (default: ${DEFAULT-VALUE}).")
    String from;

    @Option(names = "--to", paramLabel = "BOUND", defaultValue = "end",
            description = "Replay up to, not including, this bound (default: ${DEFAULT-VALUE}).")
    String to;

    /** The default rate, in multiples of ocr.quota.rps: 100/s for 20/s, measured in BENCHMARKS.md. */
    static final int DEFAULT_RATE_PER_QUOTA = 5;

    @Option(names = "--rate", paramLabel = "PER_SECOND",
            description = "Publish at most this many replays per second; 0 = no limit. Default: 5 x ocr.quota.rps "
                    + "(100 for 20/s). The worker serves replays from the quota live requests leave, so publishing "
                    + "much faster only queues them ahead of live requests in the same partitions.")
    Integer rate;

    @Option(names = "--dry-run", description = "Count what would be replayed; publish nothing.")
    boolean dryRun;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT30S",
            description = "Give up when the broker makes no progress for this long (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        IdCardStreamConfig config = options.load();
        ReplayBound fromBound = ReplayBound.parse(from);
        ReplayBound toBound = ReplayBound.parse(to);
        String topic = config.getString(IdCardStreamConfig.TOPIC_REQUESTS_CONFIG);
        SchemaRegistry registry = SchemaRegistries.fromConfig(RunCommand.registryConfig(config));
        ConfluentAvroSerde<IdCardOcrRequested> serde = new ConfluentAvroSerde<>(IdCardOcrRequested.class, registry,
                config.getBoolean(IdCardStreamConfig.AUTO_REGISTER_SCHEMAS_CONFIG), false);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int perSecond = rate != null ? rate : (int) Math.ceil(DEFAULT_RATE_PER_QUOTA
                * config.getDouble(IdCardStreamConfig.OCR_QUOTA_RPS_CONFIG));
        try (var consumer = new KafkaConsumer<>(consumerConfig(config), new StringDeserializer(),
                        new ByteArrayDeserializer());
                var producer = new KafkaProducer<>(producerConfig(config), new StringSerializer(), serde.serializer())) {
            RequestReplayer replayer = new RequestReplayer(consumer, producer, serde.deserializer(), topic, timeout,
                    perSecond);
            RequestReplayer.Range range = replayer.resolve(fromBound, toBound);
            err.println("replay: " + range.size() + " records in range of " + topic + " " + describe(range)
                    + (dryRun ? " (dry run)" : ""));
            ProgressBar bar = new ProgressBar(err);
            ReplaySummary summary = replayer.replay(range, dryRun, bar::update);
            bar.finish();
            out.println(summary.line());
            out.flush();
            return 0;
        }
    }

    private static String describe(RequestReplayer.Range range) {
        StringBuilder text = new StringBuilder();
        range.start().forEach((tp, start) -> text.append(text.length() == 0 ? "" : ", ")
                .append(tp.partition()).append(":[").append(start).append(',').append(range.end().get(tp)).append(')'));
        return "{" + text + "}";
    }

    private static Map<String, Object> consumerConfig(IdCardStreamConfig config) {
        Map<String, Object> props = kafka(config);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "idcard-replay-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Only committed requests are replayed; an aborted producer transaction is no request.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return props;
    }

    private static Map<String, Object> producerConfig(IdCardStreamConfig config) {
        Map<String, Object> props = kafka(config);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return props;
    }

    private static Map<String, Object> kafka(IdCardStreamConfig config) {
        Map<String, Object> props = new HashMap<>(config.kafkaOverrides());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                String.join(",", config.getList(IdCardStreamConfig.BOOTSTRAP_SERVERS_CONFIG)));
        return props;
    }

    /** A one-line progress bar on stderr, redrawn in place on a terminal and every tenth otherwise. */
    static final class ProgressBar {
        private static final int WIDTH = 30;
        private final PrintWriter err;
        private final boolean terminal = System.console() != null;
        private long lastTenth = -1;

        ProgressBar(PrintWriter err) {
            this.err = err;
        }

        void update(long done, long total) {
            int percent = total == 0 ? 100 : (int) (100 * done / total);
            if (terminal) {
                int filled = percent * WIDTH / 100;
                err.print("\r[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + percent + "% " + done + "/"
                        + total);
                err.flush();
            } else if (percent / 10 != lastTenth) {
                lastTenth = percent / 10;
                err.println("replay: " + percent + "% (" + done + "/" + total + ")");
            }
        }

        void finish() {
            if (terminal) {
                err.println();
            }
            err.flush();
        }
    }
}
