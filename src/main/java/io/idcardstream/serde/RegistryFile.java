package io.idcardstream.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idcardstream.serde.SchemaRegistryException.Reason;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * The JSON file behind a persistent {@link InMemorySchemaRegistry}: every schema by id and every subject's ids in
 * version order. Written whole to a temporary file and moved into place, so a crash leaves the old or the new
 * file, never half of one.
 *
 * <p>Not thread-safe; the registry calls it under its lock.
 */
final class RegistryFile {
    static final String FILE_NAME = "schema-registry.json";
    private static final String FORMAT = "idcard-stream-schema-registry/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the file holds. */
    record Contents(Map<Integer, Schema> schemasById, Map<String, List<Integer>> idsBySubject) {
    }

    private final Path path;

    private RegistryFile(Path path) {
        this.path = path;
    }

    static RegistryFile in(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new SchemaRegistryException(Reason.STORAGE, "Cannot create the schema registry directory "
                    + directory + ": " + e, e);
        }
        return new RegistryFile(directory.resolve(FILE_NAME));
    }

    Path path() {
        return path;
    }

    /** The stored contents; empty when the file does not exist yet. */
    Contents read() {
        if (!Files.exists(path)) {
            return new Contents(Map.of(), Map.of());
        }
        JsonNode root;
        try {
            root = JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw corrupt("it is not readable JSON (" + e.getClass().getSimpleName() + ")", e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw corrupt("its \"format\" is not " + FORMAT, null);
        }
        Map<Integer, Schema> schemas = new TreeMap<>();
        for (JsonNode entry : root.path("schemas")) {
            int id = entry.path("id").asInt(0);
            if (id < 1 || schemas.containsKey(id)) {
                throw corrupt("it has a missing, non-positive or repeated schema id " + entry.path("id"), null);
            }
            try {
                schemas.put(id, new Schema.Parser().parse(entry.path("schema").asText()));
            } catch (RuntimeException e) {
                // SchemaParseException mostly, but Avro 1.12 reports an undefined type name as a NullPointerException
                throw corrupt("schema id " + id + " does not parse: " + e.getMessage(), e);
            }
        }
        Map<String, List<Integer>> subjects = new TreeMap<>();
        for (Map.Entry<String, JsonNode> subject : root.path("subjects").properties()) {
            List<Integer> ids = new ArrayList<>();
            for (JsonNode id : subject.getValue()) {
                if (!schemas.containsKey(id.asInt(0))) {
                    throw corrupt("subject '" + subject.getKey() + "' refers to unknown schema id " + id, null);
                }
                ids.add(id.asInt());
            }
            subjects.put(subject.getKey(), ids);
        }
        return new Contents(schemas, subjects);
    }

    void write(Contents contents) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode schemas = root.putArray("schemas");
        contents.schemasById().forEach((id, schema) -> schemas.addObject().put("id", id).put("schema",
                schema.toString()));
        ObjectNode subjects = root.putObject("subjects");
        contents.idsBySubject().forEach((subject, ids) -> ids.forEach(subjects.putArray(subject)::add));
        Path temporary = path.resolveSibling(FILE_NAME + ".tmp");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), root);
            try {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new SchemaRegistryException(Reason.STORAGE, "Cannot write the schema registry file " + path + ": "
                    + e, e);
        }
    }

    private SchemaRegistryException corrupt(String why, Throwable cause) {
        return new SchemaRegistryException(Reason.STORAGE, "The schema registry file " + path + " is corrupt: "
                + why + ". Move it away to start an empty registry (ids will change).", cause);
    }
}
