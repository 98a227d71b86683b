package io.idcardstream.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the deployment files of the repository (Dockerfile, docker-compose.yml, deploy/, k8s/) for the tests of
 * this package, and walks parsed YAML with failures that name the missing path.
 */
final class DeploymentFiles {
    private DeploymentFiles() {}

    /** The repository root: Maven runs the tests there. */
    static Path root() {
        Path root = Path.of("").toAbsolutePath();
        if (!Files.isRegularFile(root.resolve("pom.xml"))) {
            throw new AssertionError("Tests must run from the repository root, but " + root + " has no pom.xml");
        }
        return root;
    }

    static Path file(String relative) {
        Path file = root().resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("Missing deployment file " + relative);
        }
        return file;
    }

    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every non-empty document of a YAML file, with YAML's safe types only. */
    static List<Object> yamlDocuments(Path file) {
        return yamlDocuments(text(file));
    }

    /** Every non-empty document of YAML text (e.g. a patch inlined in a kustomization). */
    static List<Object> yamlDocuments(String yamlText) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Object> documents = new ArrayList<>();
        for (Object document : yaml.loadAll(yamlText)) {
            if (document != null) {
                documents.add(document);
            }
        }
        return documents;
    }

    static Map<String, Object> yamlDocument(Path file) {
        List<Object> documents = yamlDocuments(file);
        if (documents.size() != 1) {
            throw new AssertionError(file + ": expected one YAML document, found " + documents.size());
        }
        return map(documents.get(0));
    }

    /** The files under a folder of the repository whose names end with one of {@code extensions}, sorted. */
    static List<Path> filesUnder(String folder, String... extensions) {
        try (Stream<Path> files = Files.walk(root().resolve(folder))) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> Arrays.stream(extensions).anyMatch(ext -> file.toString().endsWith(ext)))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> properties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted()
                .forEach(name -> values.put(name, properties.getProperty(name).trim()));
        return values;
    }

    // --- walking parsed YAML ---------------------------------------------------------------------------------------

    /** The node at {@code path} below {@code node}; fails naming the path when a step is missing. */
    static Object at(Object node, String... path) {
        Object current = node;
        for (int i = 0; i < path.length; i++) {
            if (!(current instanceof Map<?, ?> mapping) || !mapping.containsKey(path[i])) {
                throw new AssertionError("No " + String.join(".", Arrays.copyOf(path, i + 1)) + " in " + node);
            }
            current = mapping.get(path[i]);
        }
        return current;
    }

    static boolean has(Object node, String... path) {
        Object current = node;
        for (String step : path) {
            if (!(current instanceof Map<?, ?> mapping) || !mapping.containsKey(step)) {
                return false;
            }
            current = mapping.get(step);
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String... path) {
        Object value = at(node, path);
        if (!(value instanceof Map)) {
            throw new AssertionError(String.join(".", path) + " is not a mapping: " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String... path) {
        Object value = at(node, path);
        if (!(value instanceof List)) {
            throw new AssertionError(String.join(".", path) + " is not a list: " + value);
        }
        return (List<Object>) value;
    }

    /** A scalar as text, as the tools read it (YAML numbers and booleans included). */
    static String scalar(Object node, String... path) {
        Object value = at(node, path);
        if (value instanceof Map || value instanceof List) {
            throw new AssertionError(String.join(".", path) + " is not a scalar: " + value);
        }
        return Objects.toString(value, "");
    }

    static List<String> strings(Object node, String... path) {
        return list(node, path).stream().map(String::valueOf).collect(Collectors.toList());
    }
}
