package io.idcardstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.idcardstream.app.ShippedJar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code run} and {@code serve} ship: the jar and target/lib, which the image copies. The embedded broker and
 * what only it needs stay in target/demo-lib; the process tests ({@code RunProcessIT}, {@code ServeProcessIT}) run
 * on this class path, so it is also enough.
 */
class ProductionClasspathIT {
    /** Jar name prefixes that must not ship, with why. */
    private static final Map<String, String> NOT_SHIPPED = Map.ofEntries(
            Map.entry("kafka_2.13-", "the embedded broker (demo and tests only)"),
            Map.entry("kafka-server-", "the embedded broker"),
            Map.entry("kafka-raft-", "the embedded broker"),
            Map.entry("kafka-metadata-", "the embedded broker"),
            Map.entry("scala-", "the embedded broker's language runtime"),
            Map.entry("log4j-core-", "a second logging backend (the broker's)"),
            Map.entry("commons-collections-", "the broker's, through commons-validator"),
            Map.entry("commons-beanutils-", "the broker's, through commons-validator"),
            Map.entry("jose4j-", "the broker's OAuth support"),
            Map.entry("ini4j-", "only the SDK's profile-file credentials use it (CVE-2022-41404)"),
            Map.entry("commons-logging-", "jcl-over-slf4j provides the same package"),
            Map.entry("logging-interceptor-", "no SDK class refers to it"),
            Map.entry("rapidocr-common-", "the models jar's loader; the engine reads the models as resources"));

    @TempDir
    Path dir;

    @Test
    void shouldShipNeitherTheBrokerNorWhatOnlyTheBrokerNeeds() throws IOException {
        List<String> shipped = shippedJars().stream().map(jar -> jar.getFileName().toString()).toList();

        List<String> unwanted = new ArrayList<>();
        for (String jar : shipped) {
            NOT_SHIPPED.forEach((prefix, why) -> {
                if (jar.startsWith(prefix)) {
                    unwanted.add(jar + " (" + why + ")");
                }
            });
        }

        assertThat(shipped).as("target/lib").anyMatch(jar -> jar.startsWith("kafka-streams-"))
                .anyMatch(jar -> jar.startsWith("onnxruntime-")).anyMatch(jar -> jar.startsWith("tencentcloud-"));
        assertThat(unwanted).as("jars in target/lib that production does not need").isEmpty();
    }

    @Test
    void shouldShipEachClassOnce() throws IOException {
        Map<String, List<String>> jarsByClass = new TreeMap<>();
        List<Path> jars = new ArrayList<>(shippedJars());
        jars.add(ShippedJar.JAR);
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                zip.stream().map(ZipEntry::getName)
                        .filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/")
                                && !name.endsWith("module-info.class"))
                        .forEach(name -> jarsByClass.computeIfAbsent(name, n -> new ArrayList<>())
                                .add(jar.getFileName().toString()));
            }
        }

        Map<String, List<String>> duplicated = new TreeMap<>();
        jarsByClass.forEach((name, inJars) -> {
            if (inJars.size() > 1) {
                duplicated.put(name, inJars);
            }
        });

        assertThat(jarsByClass).as("classes on the shipped class path").hasSizeGreaterThan(1_000);
        assertThat(duplicated).as("classes in more than one shipped jar (whichever loads first wins)").isEmpty();
    }

    @Test
    void shouldListExactlyTheShippedJarsInTheSbom() throws IOException {
        JsonNode bom = new ObjectMapper().readTree(Path.of("target", "bom.json").toFile());
        List<String> described = new ArrayList<>();
        bom.get("components").forEach(component -> described.add(component.get("name").asText() + "-"
                + component.get("version").asText() + ".jar"));

        assertThat(bom.get("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(described).as("target/bom.json against target/lib")
                .containsExactlyInAnyOrderElementsOf(shippedJars().stream()
                        .map(jar -> jar.getFileName().toString()).toList());
    }

    @Test
    void shouldRefuseTheEmbeddedBrokerOnTheShippedClassPathAndSayWhatToRun() throws Exception {
        // Given the shipped jar alone, as the image runs it
        List<String> command = ShippedJar.javaJar("-Xmx256m");
        command.addAll(List.of("demo", "--data-dir", dir.resolve("demo").toString()));
        Path output = dir.resolve("output.log");

        // When demo is asked to start its embedded broker
        Process demo = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean ended = demo.waitFor(Duration.ofSeconds(60).toMillis(), TimeUnit.MILLISECONDS);
        demo.destroyForcibly();

        // Then it stops at once with exit code 1 and names the command that has the broker
        assertThat(ended).as("demo ended").isTrue();
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(demo.exitValue()).as(printed).isEqualTo(1);
        assertThat(printed).contains("demo: the embedded Kafka broker is not on the class path")
                .contains("bin/idcard-stream demo").doesNotContain("NoClassDefFoundError");
    }

    private static List<Path> shippedJars() {
        try (Stream<Path> files = Files.list(ShippedJar.LIB)) {
            return files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("target/lib is missing: the *IT tests run after `package`", e);
        }
    }
}
