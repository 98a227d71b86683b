package io.idcardstream.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.idcardstream.serde.SchemaRegistryException.Reason;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.apache.avro.Schema;

/**
 * A client of any registry that speaks Confluent's Schema Registry REST API: Confluent Schema Registry, Apicurio
 * Registry at {@code /apis/ccompat/v7}, Karapace.
 *
 * <p>Ids and schemas are cached in both directions (an id never changes its schema), so a serde makes one HTTP
 * call per subject and schema, and one per unknown id. {@link #latest(String)} is never cached. Several base URLs
 * are tried in turn when one does not answer; the one that answered last is tried first next time.
 *
 * <p>Errors become {@link SchemaRegistryException}s naming the subject or id and the base URL; the credentials
 * never appear in messages.
 *
 * <p>Thread-safe. Two threads missing the cache at once may both ask the registry; both get the same answer.
 */
public final class RestSchemaRegistry implements SchemaRegistry {

    /** Content type of Confluent's API, accepted by all the registries above. */
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_QUOTED_ERROR_CHARS = 500;
    private static final int MAX_REFERENCE_DEPTH = 10;

    private final List<String> baseUrls;
    private final String authorization;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final AtomicInteger preferredUrl = new AtomicInteger();
    private final Map<String, Map<String, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    /**
     * @param baseUrls one or more http(s) base URLs, e.g. {@code http://registry:8081} or
     *     {@code http://apicurio:8080/apis/ccompat/v7}; without credentials in them
     * @param basicAuthUserInfo {@code user:password} for HTTP basic authentication, or {@code null} for none
     * @param requestTimeout deadline of each HTTP request, connection included
     */
    public RestSchemaRegistry(List<URI> baseUrls, String basicAuthUserInfo, Duration requestTimeout) {
        this(baseUrls, basicAuthUserInfo == null ? RegistryAuthorization.none()
                : RegistryAuthorization.basic(basicAuthUserInfo), Optional.empty(), requestTimeout);
    }

    /**
     * @param baseUrls one or more http(s) base URLs, e.g. {@code https://registry:8081} or
     *     {@code http://apicurio:8080/apis/ccompat/v7}; without credentials in them
     * @param authorization what goes in the {@code Authorization} header
     * @param tls the TLS context for https URLs (trust store, client key), or empty for the JVM's default
     * @param requestTimeout deadline of each HTTP request, connection included
     */
    public RestSchemaRegistry(List<URI> baseUrls, RegistryAuthorization authorization, Optional<SSLContext> tls,
            Duration requestTimeout) {
        Objects.requireNonNull(baseUrls, "baseUrls");
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("baseUrls must name at least one registry URL, was empty");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive, was " + requestTimeout);
        }
        this.baseUrls = baseUrls.stream().map(RestSchemaRegistry::checkedBaseUrl).toList();
        this.authorization = authorization.header().orElse(null);
        this.requestTimeout = requestTimeout;
        HttpClient.Builder http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(requestTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        tls.ifPresent(http::sslContext);
        this.http = http.build();
    }

    /** A client of one registry without authentication. */
    public RestSchemaRegistry(URI baseUrl, Duration requestTimeout) {
        this(List.of(baseUrl), null, requestTimeout);
    }

    @Override
    public int register(String subject, Schema schema) {
        requireSubject(subject);
        String text = schema.toString();
        Integer cached = idsBySubject.getOrDefault(subject, Map.of()).get(text);
        if (cached != null) {
            return cached;
        }
        String action = "registering schema " + schema.getFullName() + " under subject '" + subject + "'";
        Answer answer = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(text), action);
        int id = answer.requireOk(action).requireInt("id", action);
        remember(subject, text, id, schema);
        return id;
    }

    @Override
    public int idOf(String subject, Schema schema) {
        requireSubject(subject);
        String text = schema.toString();
        Integer cached = idsBySubject.getOrDefault(subject, Map.of()).get(text);
        if (cached != null) {
            return cached;
        }
        String action = "looking up schema " + schema.getFullName() + " under subject '" + subject + "'";
        Answer answer = send("POST", "/subjects/" + encode(subject), schemaBody(text), action);
        int id = answer.requireOk(action).requireInt("id", action);
        remember(subject, text, id, schema);
        return id;
    }

    @Override
    public Schema byId(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        String action = "fetching schema id " + id;
        Answer answer = send("GET", "/schemas/ids/" + id, null, action).requireOk(action);
        Schema schema = answer.requireAvroSchema(action, referencedSchemas(answer, action));
        Schema known = schemasById.putIfAbsent(id, schema);
        return known != null ? known : schema;
    }

    @Override
    public RegisteredSchema latest(String subject) {
        requireSubject(subject);
        String action = "fetching the latest version of subject '" + subject + "'";
        Answer answer = send("GET", "/subjects/" + encode(subject) + "/versions/latest", null, action)
                .requireOk(action);
        int id = answer.requireInt("id", action);
        Schema schema = answer.requireAvroSchema(action, referencedSchemas(answer, action));
        schemasById.putIfAbsent(id, schema);
        return new RegisteredSchema(subject, answer.requireInt("version", action), id, schema);
    }

    /**
     * The subject's own compatibility level ({@code GET /config/<subject>}), or empty when it has none and the
     * registry's global level applies.
     */
    public Optional<String> compatibility(String subject) {
        requireSubject(subject);
        String action = "reading the compatibility level of subject '" + subject + "'";
        Answer answer = send("GET", "/config/" + encode(subject), null, action);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        answer.requireOk(action);
        return Optional.of(answer.requireText("compatibilityLevel", action));
    }

    /** Sets the subject's compatibility level ({@code PUT /config/<subject>}), e.g. {@code FULL_TRANSITIVE}. */
    public void setCompatibility(String subject, String level) {
        requireSubject(subject);
        String action = "setting the compatibility level of subject '" + subject + "' to " + level;
        send("PUT", "/config/" + encode(subject), JSON.createObjectNode().put("compatibility", level).toString(),
                action).requireOk(action);
    }

    @Override
    public String toString() {
        return "schema registry at " + String.join(",", baseUrls);
    }

    /**
     * Whether {@code schema} could be registered under {@code subject} at the subject's level
     * ({@code POST /compatibility/subjects/<subject>/versions/latest}), without registering it.
     */
    public boolean isCompatible(String subject, Schema schema) {
        requireSubject(subject);
        String action = "testing schema " + schema.getFullName() + " against subject '" + subject + "'";
        Answer answer = send("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest",
                schemaBody(schema.toString()), action).requireOk(action);
        JsonNode verdict = answer.requireJson(action).get("is_compatible");
        if (verdict == null || !verdict.isBoolean()) {
            throw new SchemaRegistryException(Reason.PROTOCOL, "The answer of the schema registry has no boolean "
                    + "\"is_compatible\" while " + action);
        }
        return verdict.booleanValue();
    }

    /**
     * The text of every schema {@code answer}'s schema refers to (Confluent schema references: another subject's
     * version holding a named type), each fetched once and in dependency order, so the parser knows every named type
     * before the schema that uses it. A producer that registers its shared types apart writes such schemas.
     */
    private List<String> referencedSchemas(Answer answer, String action) {
        List<String> texts = new ArrayList<>();
        collectReferences(answer.references(action), new HashSet<>(), texts, action, 0);
        return texts;
    }

    private void collectReferences(JsonNode references, Set<String> seen, List<String> texts, String action,
            int depth) {
        for (JsonNode reference : references) {
            String subject = reference.path("subject").asText("");
            int version = reference.path("version").asInt(-1);
            if (subject.isEmpty() || version < 1) {
                throw new SchemaRegistryException(Reason.PROTOCOL, "The schema registry returned a schema reference "
                        + "without subject and version while " + action);
            }
            // One definition per type name, the first met (as Confluent's client does): a diamond may reach one
            // type through two versions, and a parser cannot hold both
            if (!seen.add(reference.path("name").asText(subject + "/" + version))) {
                continue;
            }
            if (depth >= MAX_REFERENCE_DEPTH) {
                throw new SchemaRegistryException(Reason.PROTOCOL, "Schema references nested deeper than "
                        + MAX_REFERENCE_DEPTH + " while " + action);
            }
            String fetch = "fetching version " + version + " of subject '" + subject + "', referenced while " + action;
            Answer referenced = send("GET", "/subjects/" + encode(subject) + "/versions/" + version, null, fetch)
                    .requireOk(fetch);
            collectReferences(referenced.references(fetch), seen, texts, action, depth + 1);
            texts.add(referenced.requireSchemaText(fetch));
        }
    }

    private void remember(String subject, String schemaText, int id, Schema schema) {
        idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>()).put(schemaText, id);
        schemasById.putIfAbsent(id, schema);
    }

    private Answer send(String method, String path, String body, String action) {
        List<String> failures = new ArrayList<>();
        int first = preferredUrl.get();
        for (int attempt = 0; attempt < baseUrls.size(); attempt++) {
            int index = (first + attempt) % baseUrls.size();
            String baseUrl = baseUrls.get(index);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(requestTimeout)
                    .header("Accept", CONTENT_TYPE + ", application/json");
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            if (body == null) {
                request.GET();
            } else {
                request.header("Content-Type", CONTENT_TYPE)
                        .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            }
            try {
                HttpResponse<String> response = http.send(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                preferredUrl.set(index);
                return new Answer(baseUrl, response.statusCode(), response.body());
            } catch (HttpTimeoutException e) {
                failures.add(baseUrl + " (no answer within " + requestTimeout.toMillis() + " ms)");
            } catch (IOException e) {
                failures.add(baseUrl + " (" + e.getClass().getSimpleName() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException(Reason.UNAVAILABLE, "Interrupted while " + action + " at "
                        + baseUrl, e);
            }
        }
        throw new SchemaRegistryException(Reason.UNAVAILABLE, "No schema registry answered while " + action + ": "
                + String.join(", ", failures));
    }

    /** One HTTP answer of one registry. */
    private record Answer(String baseUrl, int status, String body) {

        Answer requireOk(String action) {
            if (status == 200) {
                return this;
            }
            JsonNode error = parseQuietly(body);
            int errorCode = error == null ? -1 : error.path("error_code").asInt(-1);
            String registryMessage = error == null ? "" : error.path("message").asText("");
            String detail = "HTTP " + status + (errorCode >= 0 ? ", error_code " + errorCode : "")
                    + (registryMessage.isEmpty() ? "" : ": " + abbreviate(registryMessage));
            String where = " at " + baseUrl + " (" + detail + ")";
            throw switch (status) {
                case 401 -> new SchemaRegistryException(Reason.UNAUTHORIZED, "The schema registry refused the "
                        + "credentials while " + action + where + "; check basic.auth.user.info");
                case 403 -> new SchemaRegistryException(Reason.UNAUTHORIZED, "The schema registry forbade " + action
                        + where);
                case 404 -> new SchemaRegistryException(Reason.NOT_FOUND, notFound(errorCode) + " while " + action
                        + where);
                case 409 -> new SchemaRegistryException(Reason.INCOMPATIBLE, "The schema is incompatible with the "
                        + "subject's compatibility level; the registry refused " + action + where);
                case 422 -> new SchemaRegistryException(Reason.INVALID_SCHEMA, "The schema registry rejected the "
                        + "schema as invalid while " + action + where);
                default -> new SchemaRegistryException(status >= 500 ? Reason.UNAVAILABLE : Reason.PROTOCOL,
                        "The schema registry failed while " + action + where);
            };
        }

        String requireText(String field, String action) {
            JsonNode value = requireJson(action).get(field);
            if (value == null || !value.isTextual()) {
                throw protocol("has no text \"" + field + "\"", action);
            }
            return value.asText();
        }

        int requireInt(String field, String action) {
            JsonNode value = requireJson(action).get(field);
            if (value == null || !value.canConvertToInt()) {
                throw protocol("has no integer \"" + field + "\"", action);
            }
            return value.intValue();
        }

        JsonNode references(String action) {
            return requireJson(action).path("references");
        }

        String requireSchemaText(String action) {
            JsonNode json = requireJson(action);
            String type = json.path("schemaType").asText("AVRO");
            if (!"AVRO".equals(type)) {
                throw protocol("holds a " + type + " schema, not an Avro one", action);
            }
            JsonNode schema = json.get("schema");
            if (schema == null || !schema.isTextual()) {
                throw protocol("has no \"schema\" text", action);
            }
            return schema.asText();
        }

        /** @param referenced the texts of the schemas it refers to, dependencies first */
        Schema requireAvroSchema(String action, List<String> referenced) {
            String text = requireSchemaText(action);
            try {
                Schema.Parser parser = new Schema.Parser();
                referenced.forEach(parser::parse);
                return parser.parse(text);
            } catch (RuntimeException e) {
                // SchemaParseException mostly, but Avro 1.12 reports an undefined type name as a NullPointerException
                throw new SchemaRegistryException(Reason.PROTOCOL, "The schema registry at " + baseUrl + " returned a"
                        + " schema that does not parse while " + action + ": " + e.getMessage(), e);
            }
        }

        JsonNode requireJson(String action) {
            JsonNode json = parseQuietly(body);
            if (json == null || !json.isObject()) {
                throw protocol("is not a JSON object", action);
            }
            return json;
        }

        private SchemaRegistryException protocol(String what, String action) {
            return new SchemaRegistryException(Reason.PROTOCOL, "The answer of the schema registry at " + baseUrl
                    + " " + what + " while " + action);
        }

        private static String notFound(int errorCode) {
            return switch (errorCode) {
                case 40401 -> "Subject not found";
                case 40402 -> "Version not found";
                case 40403 -> "Schema not found";
                default -> "Not found";
            };
        }
    }

    private static JsonNode parseQuietly(String body) {
        try {
            return body == null || body.isEmpty() ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String schemaBody(String schemaText) {
        return JSON.createObjectNode().put("schema", schemaText).toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_QUOTED_ERROR_CHARS ? text : text.substring(0, MAX_QUOTED_ERROR_CHARS) + "...";
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void requireSubject(String subject) {
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
    }

    private static String checkedBaseUrl(URI url) {
        Objects.requireNonNull(url, "base URL");
        String scheme = url.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("schema registry URL must be http or https, was scheme " + scheme);
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("schema registry URL must not carry credentials; pass them as "
                    + "basic auth user info");
        }
        if (url.getHost() == null || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("schema registry URL must be scheme://host[:port][/path], was " + url);
        }
        String text = url.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
