package io.idcardstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.config.IdCardStreamConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The same rule on the text of every deployment file, comments and documentation included, so the alternatives
 * shown in comments (e.g. the worker calling serve) name real settings too.
 */
class SettingNamesInDeploymentFilesTest {
    private static final Pattern VARIABLE = Pattern.compile("\\bIDCARD_[A-Z0-9_]*");
    /** A commented-out setting in a properties file: {@code #   ocr.provider=tencent}. */
    private static final Pattern COMMENTED_KEY = Pattern.compile("(?m)^#\\s+([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)=");
    /** Mentions of the prefixes themselves, as in "IDCARD_ + the key" or "IDCARD_KAFKA_ + a client setting". */
    private static final List<String> PREFIXES = List.of("IDCARD_", "IDCARD_KAFKA_");
    private static final Pattern BACKTICKED_KEY = Pattern.compile("`([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)(?:=[^`]*)?`");
    private static final Pattern FILE_OR_HOST_NAME = Pattern.compile(
            "\\.(md|ya?ml|json|properties|java|sh|jar|xml|avsc|p12|jpe?g|png|txt|tsv|csv|onnx|html|js|css|com|cn|svc)$");

    private final ConfigKeyRule rule = ConfigKeyRule.ofApplication();

    @Test
    void shouldNameOnlyRealSettingsInAnyDeploymentFile() {
        Map<String, List<String>> unknown = new TreeMap<>();
        for (Path file : deploymentFiles()) {
            List<String> bad = rule.unknownVariables(variablesIn(DeploymentFiles.text(file)));
            if (!bad.isEmpty()) {
                unknown.put(DeploymentFiles.root().relativize(file).toString(), bad);
            }
        }

        assertThat(unknown).isEmpty();
    }

    @Test
    void shouldNameOnlyRealKeysInCommentedOutProperties() {
        Map<String, List<String>> unknown = new TreeMap<>();
        List<String> commented = new ArrayList<>();
        for (Path file : DeploymentFiles.filesUnder(KubernetesManifests.FOLDER, ".properties")) {
            List<String> keys = commentedKeysIn(DeploymentFiles.text(file));
            commented.addAll(keys);
            List<String> bad = rule.unknownKeys(keys);
            if (!bad.isEmpty()) {
                unknown.put(DeploymentFiles.root().relativize(file).toString(), bad);
            }
        }

        assertThat(unknown).isEmpty();
        assertThat(new TreeSet<>(commented)).containsExactly("fetch.allow.private", "ocr.provider", "ocr.quota.rps",
                "tencent.endpoint", "tencent.protocol");
    }

    @Test
    void shouldNameOnlyRealSettingsInTheReadmeAndTheDocs() {
        // A key in backticks whose first part is one of the application's (engine., ocr., server., ...), as in
        // `engine.max.image.pixels` or `ocr.quota.rps=20`; file and host names, and packages (`ocr.tencent`), are
        // not keys
        Set<String> families = IdCardStreamConfig.definition().names().stream()
                .map(key -> key.substring(0, key.indexOf('.') + 1)).collect(Collectors.toSet());
        Set<String> packages = packages();
        Map<String, List<String>> unknown = new TreeMap<>();
        List<Path> documents = new ArrayList<>(DeploymentFiles.filesUnder("docs", ".md"));
        documents.add(DeploymentFiles.file("README.md"));
        for (Path file : documents) {
            List<String> keys = new ArrayList<>();
            Matcher matcher = BACKTICKED_KEY.matcher(DeploymentFiles.text(file));
            while (matcher.find()) {
                String key = matcher.group(1);
                if (families.stream().anyMatch(key::startsWith) && !FILE_OR_HOST_NAME.matcher(key).find()
                        && !packages.contains(key)) {
                    keys.add(key);
                }
            }
            List<String> bad = rule.unknownKeys(keys);
            if (!bad.isEmpty()) {
                unknown.put(DeploymentFiles.root().relativize(file).toString(), bad);
            }
        }

        assertThat(unknown).isEmpty();
    }

    @Test
    void shouldFindMadeUpNamesInTextAndComments() {
        // Given text with a real variable, a made-up one in a comment, and the prefixes named as such
        String text = "IDCARD_OPS_PORT: \"9400\"\n# IDCARD_NOT_A_KEY: x\nany IDCARD_ + key, IDCARD_KAFKA_ + client\n";
        String properties = "ops.port=9400\n#   ocr.provider=tencent\n#   ocr.provder=local\n# A sentence. Not=a key\n";

        // When / Then
        assertThat(rule.unknownVariables(variablesIn(text))).containsExactly("IDCARD_NOT_A_KEY");
        assertThat(commentedKeysIn(properties)).containsExactly("ocr.provider", "ocr.provder");
        assertThat(rule.unknownKeys(commentedKeysIn(properties))).containsExactly("ocr.provder");
    }

    /** The application's packages below io.idcardstream, dotted: {@code ocr.tencent}, {@code app.demo}, ... */
    private static Set<String> packages() {
        Path root = DeploymentFiles.root().resolve("src/main/java/io/idcardstream");
        try (Stream<Path> dirs = Files.walk(root)) {
            return dirs.filter(Files::isDirectory).map(dir -> root.relativize(dir).toString().replace('/', '.'))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> deploymentFiles() {
        List<Path> files = new ArrayList<>(List.of(DeploymentFiles.file(Dockerfile.PATH),
                DeploymentFiles.file(Compose.PATH), DeploymentFiles.file("docs/deploy.md")));
        files.addAll(DeploymentFiles.filesUnder("deploy", ""));
        files.addAll(DeploymentFiles.filesUnder(KubernetesManifests.FOLDER, ""));
        return files;
    }

    private static List<String> variablesIn(String text) {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            if (!PREFIXES.contains(matcher.group())) {
                names.add(matcher.group());
            }
        }
        return names;
    }

    private static List<String> commentedKeysIn(String properties) {
        List<String> keys = new ArrayList<>();
        Matcher matcher = COMMENTED_KEY.matcher(properties);
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        return keys;
    }
}
