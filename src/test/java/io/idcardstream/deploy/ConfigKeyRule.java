package io.idcardstream.deploy;

import io.idcardstream.config.ConfigLoader;
import io.idcardstream.config.IdCardStreamConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rule every deployment file follows: an {@code IDCARD_*} environment variable and a key of a properties file
 * name a real setting of {@link IdCardStreamConfig}. By the loader's own rules {@code IDCARD_CONFIG_FILE} (the
 * properties file) and {@code IDCARD_KAFKA_<X>} / {@code kafka.<x>} (passed to the Kafka clients) are allowed too,
 * and so are the variables the application's logging configuration ({@code logback.xml}) reads, such as
 * {@code IDCARD_LOG_FORMAT}. Variables without the {@code IDCARD_} prefix belong to other programs and are outside
 * this rule.
 */
final class ConfigKeyRule {
    static final String VARIABLE_PREFIX = "IDCARD_";
    private static final String KAFKA_VARIABLE_PREFIX = "IDCARD_KAFKA_";

    private static final String LOGGING_CONFIG = "/logback.xml";
    private static final Pattern LOGGING_VARIABLE = Pattern.compile("\\$\\{(IDCARD_[A-Z0-9_]+)");

    private final Set<String> keys;
    private final Set<String> variables;

    ConfigKeyRule(Collection<String> keys, Collection<String> loggingVariables) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("keys: expected the configuration's keys, got none");
        }
        this.keys = Set.copyOf(keys);
        Set<String> allowed = new HashSet<>(loggingVariables);
        keys.stream().map(IdCardStreamConfig::environmentName).forEach(allowed::add);
        this.variables = Set.copyOf(allowed);
    }

    /** The rule for this build of the application: its configuration keys and its logging configuration. */
    static ConfigKeyRule ofApplication() {
        return new ConfigKeyRule(IdCardStreamConfig.definition().names(), loggingVariables());
    }

    /** The {@code IDCARD_*} variables the main logback.xml substitutes, e.g. {@code ${IDCARD_LOG_FORMAT:-TEXT}}. */
    static Set<String> loggingVariables() {
        URL resource = ConfigKeyRule.class.getResource(LOGGING_CONFIG);
        if (resource == null) {
            throw new AssertionError("No " + LOGGING_CONFIG + " on the class path");
        }
        String text;
        try (InputStream in = resource.openStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> names = new TreeSet<>();
        Matcher matcher = LOGGING_VARIABLE.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    boolean allowsVariable(String name) {
        if (!name.startsWith(VARIABLE_PREFIX)) {
            return true;
        }
        return variables.contains(name) || name.equals(ConfigLoader.CONFIG_FILE_ENV)
                || (name.startsWith(KAFKA_VARIABLE_PREFIX) && name.length() > KAFKA_VARIABLE_PREFIX.length());
    }

    boolean allowsKey(String key) {
        String kafkaPrefix = IdCardStreamConfig.KAFKA_PREFIX;
        return keys.contains(key) || (key.startsWith(kafkaPrefix) && key.length() > kafkaPrefix.length());
    }

    /** The variables that break the rule, sorted. */
    List<String> unknownVariables(Collection<String> names) {
        return names.stream().filter(name -> !allowsVariable(name)).collect(Collectors.toCollection(TreeSet::new))
                .stream().toList();
    }

    /** The properties keys that break the rule, sorted. */
    List<String> unknownKeys(Collection<String> names) {
        return names.stream().filter(name -> !allowsKey(name)).collect(Collectors.toCollection(TreeSet::new))
                .stream().toList();
    }
}
