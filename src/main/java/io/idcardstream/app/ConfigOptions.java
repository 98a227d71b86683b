package io.idcardstream.app;

import io.idcardstream.config.ConfigLoader;
import io.idcardstream.config.IdCardStreamConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every long-running command shares: where the application settings come from. */
final class ConfigOptions {
    @Option(names = "--config-file", paramLabel = "FILE",
            description = "Application settings (properties). Default: $IDCARD_CONFIG_FILE, if set.")
    Path configFile;

    @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE",
            description = "Override one setting, e.g. -D ocr.quota.rps=10 (wins over file and environment).")
    Map<String, String> overrides = new LinkedHashMap<>();

    IdCardStreamConfig load() {
        return load(Map.of());
    }

    /** Loads the settings; {@code defaults} apply only to keys that nothing else sets. */
    IdCardStreamConfig load(Map<String, String> commandOverrides) {
        Map<String, Object> all = new LinkedHashMap<>(commandOverrides);
        all.putAll(overrides);
        return ConfigLoader.load(configFile, System.getenv(), all);
    }
}
