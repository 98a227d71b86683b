package io.idcardstream.serde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * The released versions of the event schemas in {@code schemas/history/<EventName>/v<N>.avsc}, and the
 * compatibility check of a current schema against them (Confluent's levels, with Avro's own resolution rules).
 */
final class SchemaHistory {
    private static final Pattern VERSION_FILE = Pattern.compile("v([1-9][0-9]*)\\.avsc");

    /** The levels the contract uses. */
    enum Level {
        /** The current schema reads data written with every released version. */
        BACKWARD_TRANSITIVE,
        /** And every released version reads data written with the current schema. */
        FULL_TRANSITIVE
    }

    private SchemaHistory() {
    }

    /** The released versions of {@code event}, by version number ("v1", "v2", ...). */
    static Map<String, Schema> versions(Path historyRoot, String event) {
        Path directory = historyRoot.resolve(event);
        if (!Files.isDirectory(directory)) {
            return Map.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> sorted = files.sorted(Comparator.comparingInt(SchemaHistory::versionNumber)).toList();
            Map<String, Schema> versions = new LinkedHashMap<>();
            for (Path file : sorted) {
                versions.put("v" + versionNumber(file), new Schema.Parser().parse(file.toFile()));
            }
            return versions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What stops {@code current} from meeting {@code level} against {@code released}; empty when it does. */
    static List<String> incompatibilities(Schema current, Map<String, Schema> released, Level level) {
        List<String> problems = new ArrayList<>();
        released.forEach((version, old) -> {
            describe(SchemaCompatibility.checkReaderWriterCompatibility(current, old))
                    .forEach(p -> problems.add("the current schema cannot read " + version + ": " + p));
            if (level == Level.FULL_TRANSITIVE) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(old, current))
                        .forEach(p -> problems.add(version + " cannot read the current schema: " + p));
            }
        });
        return problems;
    }

    private static List<String> describe(SchemaPairCompatibility compatibility) {
        return compatibility.getResult().getIncompatibilities().stream()
                .map(SchemaHistory::describe)
                .collect(Collectors.toList());
    }

    private static String describe(Incompatibility incompatibility) {
        return incompatibility.getType() + " at " + incompatibility.getLocation() + " ("
                + incompatibility.getMessage() + ")";
    }

    private static int versionNumber(Path file) {
        Matcher matcher = VERSION_FILE.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalStateException("Unexpected file in the schema history: " + file
                    + " (expected v<N>.avsc)");
        }
        return Integer.parseInt(matcher.group(1));
    }
}
