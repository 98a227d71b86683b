package io.idcardstream.serde;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.config.ConfigException;

/**
 * Builds the {@link SchemaRegistry} a configuration names, as Confluent's serdes do: {@code http(s)://} URLs give
 * a {@link RestSchemaRegistry}, {@code mock://<scope>} the process-wide {@link InMemorySchemaRegistry} of that
 * scope (every serde naming the scope shares it, the way Confluent's {@code MockSchemaRegistry} works).
 *
 * <p>Thread-safe.
 */
public final class SchemaRegistries {
    private static final String MOCK_SCHEME = "mock://";
    private static final Map<String, InMemorySchemaRegistry> MOCK_SCOPES = new ConcurrentHashMap<>();

    private SchemaRegistries() {
    }

    /**
     * The registry {@code configs} name; see {@link AvroSerdeConfig} for the keys.
     *
     * @throws ConfigException when {@code schema.registry.url} is missing or malformed, or credentials are
     *     configured inconsistently (the message never quotes them)
     */
    public static SchemaRegistry fromConfig(Map<String, ?> configs) {
        return fromConfig(new AvroSerdeConfig(configs));
    }

    /** The registry {@code config} names; see {@link #fromConfig(Map)}. */
    public static SchemaRegistry fromConfig(AvroSerdeConfig config) {
        String urls = config.schemaRegistryUrl();
        if (urls == null || urls.isBlank()) {
            throw new ConfigException("Missing " + AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG + ": set it to the "
                    + "schema registry's http(s):// URL, or mock://<scope> for an in-memory registry");
        }
        List<String> parts = new ArrayList<>();
        for (String part : urls.split(",")) {
            if (!part.isBlank()) {
                parts.add(part.trim());
            }
        }
        if (parts.stream().anyMatch(part -> part.startsWith(MOCK_SCHEME))) {
            if (parts.size() != 1 || parts.get(0).length() == MOCK_SCHEME.length()) {
                throw new ConfigException(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG + " must be a single "
                        + "mock://<scope> with a non-empty scope when it uses mock://");
            }
            return mockScope(parts.get(0).substring(MOCK_SCHEME.length()));
        }
        boolean credentialsInUrl = AvroSerdeConfig.URL_SOURCE.equals(config.credentialsSource());
        String userInfo = credentialsInUrl ? null : config.basicAuthUserInfo();
        List<URI> baseUrls = new ArrayList<>();
        for (String part : parts) {
            URI url = parse(part);
            if (url.getRawUserInfo() != null) {
                if (!credentialsInUrl) {
                    throw new ConfigException(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG + " carries credentials; "
                            + "move them to " + AvroSerdeConfig.BASIC_AUTH_USER_INFO_CONFIG + " or set "
                            + AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG + "=URL");
                }
                userInfo = userInfo == null ? url.getUserInfo() : userInfo;
                url = withoutUserInfo(url);
            }
            baseUrls.add(url);
        }
        String bearerToken = config.bearerToken();
        if (bearerToken != null && userInfo != null) {
            throw new ConfigException("The schema registry credentials are set twice: basic (user info) and bearer "
                    + "(" + AvroSerdeConfig.BEARER_AUTH_TOKEN_CONFIG + "); keep one");
        }
        try {
            RegistryAuthorization authorization = bearerToken != null ? RegistryAuthorization.bearer(bearerToken)
                    : userInfo != null ? RegistryAuthorization.basic(userInfo) : RegistryAuthorization.none();
            return new RestSchemaRegistry(baseUrls, authorization, RegistryTls.fromConfig(config),
                    config.requestTimeout());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Invalid schema registry settings: " + e.getMessage());
        }
    }

    /** The in-memory registry of {@code mock://scope}, created on first use. */
    public static InMemorySchemaRegistry mockScope(String scope) {
        return MOCK_SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistry());
    }

    /** Forgets the registry of {@code mock://scope}; the next use of the scope starts an empty one. */
    public static void dropMockScope(String scope) {
        MOCK_SCOPES.remove(scope);
    }

    private static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new ConfigException("Invalid " + AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG + " entry: "
                    + e.getReason());
        }
        String scheme = uri.getScheme();
        if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new ConfigException("Invalid " + AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG + " entry: expected "
                    + "http(s)://host[:port][/path] or mock://<scope>");
        }
        return uri;
    }

    private static URI withoutUserInfo(URI url) {
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new ConfigException("Invalid " + AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG + " entry: "
                    + e.getReason());
        }
    }
}
