package io.idcardstream.serde;

import io.idcardstream.serde.SchemaRegistryException.Reason;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * A schema registry held in memory, with Confluent's semantics: ids are registry-wide, one per distinct schema,
 * from 1 upwards; a subject lists the ids registered under it as versions 1, 2, ...; registering a schema a
 * subject already holds changes nothing. Compatibility levels are not enforced here: the build checks the
 * contract against {@code schemas/history}.
 *
 * <p>Schemas are identified by {@link Schema#toString()} of the parsed schema, the text Confluent's serializer
 * registers and the registry compares. Avro's Parsing Canonical Form is not used on purpose: it drops defaults,
 * logical types, docs and aliases, so it would give one id to schemas that resolve differently (a reader needs
 * the defaults) and the ids would disagree with a real registry's.
 *
 * <p>{@link #persistentAt(Path)} keeps the registry in a file, so ids stay stable across restarts (the embedded
 * demo keeps it next to its broker data). One process owns the file at a time; other processes reach the same
 * registry over REST ({@link LocalSchemaRegistryServer}).
 *
 * <p>Thread-safe: every operation holds this object's lock; a registration is written to the file before it
 * becomes visible, so a failed write leaves the registry as it was.
 */
public final class InMemorySchemaRegistry implements SchemaRegistry {

    private final RegistryFile file;
    private final String description;
    private final Map<String, Integer> idsBySchemaText = new HashMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, List<Integer>> idsBySubject = new TreeMap<>();
    private int lastId;

    /** A registry that lives as long as this object. */
    public InMemorySchemaRegistry() {
        this.file = null;
        this.description = "in-memory schema registry";
    }

    private InMemorySchemaRegistry(RegistryFile file) {
        this.file = file;
        this.description = "schema registry file " + file.path();
        RegistryFile.Contents contents = file.read();
        contents.schemasById().forEach((id, schema) -> {
            schemasById.put(id, schema);
            idsBySchemaText.put(schema.toString(), id);
            lastId = Math.max(lastId, id);
        });
        contents.idsBySubject().forEach((subject, ids) -> idsBySubject.put(subject, new ArrayList<>(ids)));
    }

    /**
     * A registry kept in {@code schema-registry.json} inside {@code directory} (created if missing), loaded from
     * there when the file exists.
     *
     * @throws SchemaRegistryException with {@link Reason#STORAGE} when the file cannot be read or is corrupt
     */
    public static InMemorySchemaRegistry persistentAt(Path directory) {
        Objects.requireNonNull(directory, "directory");
        return new InMemorySchemaRegistry(RegistryFile.in(directory));
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        requireSubject(subject);
        Objects.requireNonNull(schema, "schema");
        String text = schema.toString();
        Integer known = idsBySchemaText.get(text);
        List<Integer> versions = idsBySubject.get(subject);
        if (known != null && versions != null && versions.contains(known)) {
            return known;
        }
        int id = known != null ? known : lastId + 1;
        Schema stored = known != null ? schemasById.get(known) : new Schema.Parser().parse(text);
        if (file != null) {
            file.write(contentsWith(subject, id, stored));
        }
        if (known == null) {
            schemasById.put(id, stored);
            idsBySchemaText.put(text, id);
            lastId = id;
        }
        idsBySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
        return id;
    }

    @Override
    public synchronized int idOf(String subject, Schema schema) {
        requireSubject(subject);
        Objects.requireNonNull(schema, "schema");
        List<Integer> versions = requireVersions(subject);
        Integer id = idsBySchemaText.get(schema.toString());
        if (id == null || !versions.contains(id)) {
            throw new SchemaRegistryException(Reason.NOT_FOUND, "Schema " + schema.getFullName()
                    + " is not registered under subject '" + subject + "' in the " + description);
        }
        return id;
    }

    @Override
    public synchronized Schema byId(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException(Reason.NOT_FOUND, "Schema id " + id + " is not registered in the "
                    + description);
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        requireSubject(subject);
        return version(subject, requireVersions(subject).size());
    }

    /** The subjects, sorted. */
    public synchronized List<String> subjects() {
        return List.copyOf(idsBySubject.keySet());
    }

    /** The version numbers of {@code subject}: 1 to the number of schemas registered under it. */
    public synchronized List<Integer> versions(String subject) {
        requireSubject(subject);
        int count = requireVersions(subject).size();
        List<Integer> numbers = new ArrayList<>(count);
        for (int version = 1; version <= count; version++) {
            numbers.add(version);
        }
        return numbers;
    }

    /**
     * One version of {@code subject}.
     *
     * @throws SchemaRegistryException with {@link Reason#NOT_FOUND} for an unknown subject or version
     */
    public synchronized RegisteredSchema version(String subject, int version) {
        requireSubject(subject);
        List<Integer> ids = requireVersions(subject);
        if (version < 1 || version > ids.size()) {
            throw new SchemaRegistryException(Reason.NOT_FOUND, "Subject '" + subject + "' has no version "
                    + version + " (it has 1 to " + ids.size() + ") in the " + description);
        }
        int id = ids.get(version - 1);
        return new RegisteredSchema(subject, version, id, schemasById.get(id));
    }

    @Override
    public String toString() {
        return description;
    }

    private List<Integer> requireVersions(String subject) {
        List<Integer> ids = idsBySubject.get(subject);
        if (ids == null) {
            throw new SchemaRegistryException(Reason.NOT_FOUND, "Subject '" + subject + "' is not registered in the "
                    + description);
        }
        return ids;
    }

    private RegistryFile.Contents contentsWith(String subject, int id, Schema schema) {
        Map<Integer, Schema> schemas = new TreeMap<>(schemasById);
        schemas.put(id, schema);
        Map<String, List<Integer>> subjects = new TreeMap<>(idsBySubject);
        List<Integer> ids = new ArrayList<>(subjects.getOrDefault(subject, List.of()));
        ids.add(id);
        subjects.put(subject, ids);
        return new RegistryFile.Contents(schemas, subjects);
    }

    private static void requireSubject(String subject) {
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
    }
}
