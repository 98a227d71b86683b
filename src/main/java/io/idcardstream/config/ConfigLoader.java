package io.idcardstream.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;

/**
 * Builds the {@link IdCardStreamConfig} from, in increasing precedence: defaults, a properties file, the
 * environment ({@code IDCARD_} + key in upper snake case; {@code IDCARD_KAFKA_X_Y} becomes {@code kafka.x.y}),
 * and explicit overrides (command-line options).
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
            if (name.startsWith(KAFKA_ENV_PREFIX) && name.length() > KAFKA_ENV_PREFIX.length()) {
                String kafkaKey = name.substring(KAFKA_ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
                values.put(IdCardStreamConfig.KAFKA_PREFIX + kafkaKey, value);
            }
        });
        values.putAll(overrides);
        return new IdCardStreamConfig(values);
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
