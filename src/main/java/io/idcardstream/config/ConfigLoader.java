package io.idcardstream.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Builds the {@link IdCardStreamConfig} from, in increasing precedence: defaults, a properties file, the
 * environment ({@code IDCARD_} + key in upper snake case; {@code IDCARD_KAFKA_X_Y} becomes {@code kafka.x.y}),
 * and explicit overrides (command-line options). A key that is neither a setting nor {@code kafka.}-prefixed is
 * refused with the nearest setting's name.
 */
public final class ConfigLoader {
    /** Environment variable naming the properties file when {@code --config-file} is not given. */
    public static final String CONFIG_FILE_ENV = "IDCARD_CONFIG_FILE";

    private static final String KAFKA_ENV_PREFIX = "IDCARD_KAFKA_";

    private ConfigLoader() {}

    /**
     * @param file properties file, or {@code null} to use {@code IDCARD_CONFIG_FILE} if set
     * @throws ConfigException naming the key and the value when a setting is invalid or the file unreadable
     */
    public static IdCardStreamConfig load(Path file, Map<String, String> environment, Map<String, ?> overrides) {
        Map<String, Object> values = new HashMap<>();
        Path effectiveFile = file != null ? file
                : environment.containsKey(CONFIG_FILE_ENV) ? Path.of(environment.get(CONFIG_FILE_ENV)) : null;
        if (effectiveFile != null) {
            values.putAll(readProperties(effectiveFile));
        }
        for (String key : IdCardStreamConfig.definition().names()) {
            String value = environment.get(IdCardStreamConfig.environmentName(key));
            if (value != null) {
                values.put(key, value);
            }
        }
        environment.forEach((name, value) -> {
            if (name.startsWith(KAFKA_ENV_PREFIX) && name.length() > KAFKA_ENV_PREFIX.length()
                    && !SERVICE_LINK.matcher(name).find()) {
                String kafkaKey = name.substring(KAFKA_ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                values.put(IdCardStreamConfig.KAFKA_PREFIX + kafkaKey, value);
            }
        });
        values.putAll(overrides);
        refuseUnknownKeys(values.keySet());
        return new IdCardStreamConfig(values);
    }

    /**
     * A key nobody reads is a mistake (a Kafka setting without {@code kafka.}, a typo) that would otherwise be
     * dropped in silence: refused, naming the key and the nearest one that exists.
     */
    private static void refuseUnknownKeys(Set<String> keys) {
        Set<String> known = IdCardStreamConfig.definition().names();
        for (String key : new TreeSet<>(keys)) {
            if (key.startsWith(IdCardStreamConfig.KAFKA_PREFIX)) {
                refuseUnknownKafkaKey(key, key.substring(IdCardStreamConfig.KAFKA_PREFIX.length()));
            } else if (!known.contains(key)) {
                throw new ConfigException("Unknown setting '" + key + "': " + suggestion(key, known));
            }
        }
    }

    /**
     * The clients would only log a warning for a misspelt Kafka setting ({@code kafka.num.standby.replica}) and run
     * without it. Streams' own prefixes ({@code producer.}, {@code main.consumer.}, {@code topic.}, ...) are checked
     * on what follows them.
     */
    private static void refuseUnknownKafkaKey(String key, String kafkaKey) {
        String unprefixed = STREAMS_CLIENT_PREFIXES.stream().filter(kafkaKey::startsWith).findFirst()
                .map(clientPrefix -> kafkaKey.substring(clientPrefix.length())).orElse(kafkaKey);
        if (KAFKA_CLIENT_KEYS.contains(unprefixed) || OPEN_KAFKA_PREFIXES.stream()
                .anyMatch(open -> kafkaKey.startsWith(open) || unprefixed.startsWith(open))) {
            return;
        }
        String nearest = KAFKA_CLIENT_KEYS.stream().min(Comparator.comparingInt(k -> editDistance(k, unprefixed)))
                .orElseThrow();
        throw new ConfigException("Unknown Kafka setting '" + key + "': "
                + (editDistance(nearest, unprefixed) <= Math.max(2, unprefixed.length() / 4)
                        ? "did you mean '" + key.substring(0, key.length() - unprefixed.length()) + nearest + "'?"
                        : "no Kafka client or Streams setting has that name."));
    }

    /**
     * Families of Kafka keys whose names are the user's own: topic configs ({@code topic.}), rack tags for standby
     * placement ({@code client.tag.<tag>}), config providers ({@code config.providers.<name>.class}, {@code .param.}),
     * the metrics context (KIP-606), and the clients' internal or {@code __}-marked keys.
     */
    private static final List<String> OPEN_KAFKA_PREFIXES = List.of(StreamsConfig.TOPIC_PREFIX,
            StreamsConfig.CLIENT_TAG_PREFIX, "config.providers.", "metrics.context.", "internal.", "__");

    /**
     * Kubernetes service links: a Service named {@code idcard-kafka-...} in the namespace gives every pod
     * {@code IDCARD_KAFKA_..._SERVICE_HOST} and {@code _PORT...} variables. They are not settings: no Kafka key
     * ends so.
     */
    private static final Pattern SERVICE_LINK = Pattern.compile(
            "_(SERVICE_HOST|SERVICE_PORT(_[A-Z0-9_]+)?|PORT(_[0-9]+_(TCP|UDP|SCTP)(_(PROTO|PORT|ADDR))?)?)$");

    /** Streams passes {@code <prefix>x} to one of its clients as {@code x}; {@code topic.} goes to the broker. */
    private static final List<String> STREAMS_CLIENT_PREFIXES = List.of(
            StreamsConfig.MAIN_CONSUMER_PREFIX, StreamsConfig.RESTORE_CONSUMER_PREFIX,
            StreamsConfig.GLOBAL_CONSUMER_PREFIX, StreamsConfig.CONSUMER_PREFIX, StreamsConfig.PRODUCER_PREFIX,
            StreamsConfig.ADMIN_CLIENT_PREFIX);

    private static String suggestion(String key, Set<String> known) {
        if (KAFKA_CLIENT_KEYS.contains(key)) {
            return "Kafka client and Streams settings take the prefix: did you mean '" + IdCardStreamConfig.KAFKA_PREFIX
                    + key + "'?";
        }
        String nearest = known.stream().min(Comparator.comparingInt(k -> editDistance(k, key))).orElseThrow();
        return editDistance(nearest, key) <= Math.max(2, key.length() / 4) ? "did you mean '" + nearest + "'?"
                : "the README's configuration table lists every setting; Kafka settings take the prefix '"
                        + IdCardStreamConfig.KAFKA_PREFIX + "'.";
    }

    /** Every setting the Kafka clients and Streams know, for a better hint than the nearest of ours. */
    private static final Set<String> KAFKA_CLIENT_KEYS = kafkaClientKeys();

    private static Set<String> kafkaClientKeys() {
        Set<String> names = new HashSet<>(StreamsConfig.configDef().names());
        names.addAll(ProducerConfig.configNames());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        return Set.copyOf(names);
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one character each. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Map<String, String> readProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("Cannot read the configuration file " + file + ": " + e);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name).trim()));
        return values;
    }
}
