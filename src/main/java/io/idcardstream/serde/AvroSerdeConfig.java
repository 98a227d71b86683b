package io.idcardstream.serde;

import static org.apache.kafka.common.config.ConfigDef.Importance.HIGH;
import static org.apache.kafka.common.config.ConfigDef.Importance.LOW;
import static org.apache.kafka.common.config.ConfigDef.Importance.MEDIUM;
import static org.apache.kafka.common.config.ConfigDef.Range.atLeast;
import static org.apache.kafka.common.config.ConfigDef.ValidString.in;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The settings of the Confluent-format Avro serdes and of {@link SchemaRegistries#fromConfig(Map)}, under
 * Confluent's key names, so configurations written for Confluent's serdes work here unchanged. Unknown keys are
 * ignored: serdes receive the whole client configuration.
 */
public final class AvroSerdeConfig extends AbstractConfig {

    public static final String SCHEMA_REGISTRY_URL_CONFIG = "schema.registry.url";
    private static final String SCHEMA_REGISTRY_URL_DOC = "Confluent-compatible schema registry base URL(s), "
            + "comma-separated, tried in turn: e.g. http://registry:8081 or Apicurio's "
            + "http://host:8080/apis/ccompat/v7. mock://<scope> is an in-memory registry shared by every serde of "
            + "this process that names the same scope (tests and demos).";

    public static final String AUTO_REGISTER_SCHEMAS_CONFIG = "auto.register.schemas";
    private static final String AUTO_REGISTER_SCHEMAS_DOC = "true: the serializer registers the record's schema "
            + "under <topic>-value (or -key). false: the schema must already be registered there; the serializer "
            + "only looks its id up.";

    public static final String BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG = "basic.auth.credentials.source";
    private static final String BASIC_AUTH_CREDENTIALS_SOURCE_DOC = "Where the registry credentials come from: "
            + "USER_INFO (basic.auth.user.info) or URL (user:password@ in schema.registry.url).";

    public static final String BASIC_AUTH_USER_INFO_CONFIG = "basic.auth.user.info";
    private static final String BASIC_AUTH_USER_INFO_DOC = "user:password for HTTP basic authentication at the "
            + "registry; empty for none.";

    public static final String SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO_CONFIG = "schema.registry.basic.auth.user.info";
    private static final String SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO_DOC = "Same as basic.auth.user.info (the "
            + "older Confluent name); wins when both are set.";

    public static final String SCHEMA_REGISTRY_REQUEST_TIMEOUT_MS_CONFIG = "schema.registry.request.timeout.ms";
    private static final String SCHEMA_REGISTRY_REQUEST_TIMEOUT_MS_DOC = "Deadline of one schema registry HTTP "
            + "request, connection included.";

    public static final String BEARER_AUTH_CREDENTIALS_SOURCE_CONFIG = "bearer.auth.credentials.source";
    private static final String BEARER_AUTH_CREDENTIALS_SOURCE_DOC = "STATIC_TOKEN: send bearer.auth.token as "
            + "'Authorization: Bearer <token>' (an OAuth access token or an API key issued as one). Empty: no bearer "
            + "authentication.";

    public static final String BEARER_AUTH_TOKEN_CONFIG = "bearer.auth.token";
    private static final String BEARER_AUTH_TOKEN_DOC = "The token of bearer.auth.credentials.source=STATIC_TOKEN.";

    /** The source of {@link #BEARER_AUTH_CREDENTIALS_SOURCE_CONFIG} this client supports. */
    public static final String STATIC_TOKEN_SOURCE = "STATIC_TOKEN";

    public static final String SSL_TRUSTSTORE_LOCATION_CONFIG = "schema.registry.ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD_CONFIG = "schema.registry.ssl.truststore.password";
    public static final String SSL_TRUSTSTORE_TYPE_CONFIG = "schema.registry.ssl.truststore.type";
    public static final String SSL_KEYSTORE_LOCATION_CONFIG = "schema.registry.ssl.keystore.location";
    public static final String SSL_KEYSTORE_PASSWORD_CONFIG = "schema.registry.ssl.keystore.password";
    public static final String SSL_KEYSTORE_TYPE_CONFIG = "schema.registry.ssl.keystore.type";
    public static final String SSL_KEY_PASSWORD_CONFIG = "schema.registry.ssl.key.password";

    /** The credential sources of {@link #BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG}. */
    public static final String USER_INFO_SOURCE = "USER_INFO";
    public static final String URL_SOURCE = "URL";

    private static final ConfigDef DEFINITION = new ConfigDef()
            .define(SCHEMA_REGISTRY_URL_CONFIG, Type.STRING, null, HIGH, SCHEMA_REGISTRY_URL_DOC)
            .define(AUTO_REGISTER_SCHEMAS_CONFIG, Type.BOOLEAN, true, MEDIUM, AUTO_REGISTER_SCHEMAS_DOC)
            .define(BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG, Type.STRING, USER_INFO_SOURCE,
                    in(USER_INFO_SOURCE, URL_SOURCE), MEDIUM, BASIC_AUTH_CREDENTIALS_SOURCE_DOC)
            .define(BASIC_AUTH_USER_INFO_CONFIG, Type.PASSWORD, "", MEDIUM, BASIC_AUTH_USER_INFO_DOC)
            .define(SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO_CONFIG, Type.PASSWORD, "", MEDIUM,
                    SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO_DOC)
            .define(SCHEMA_REGISTRY_REQUEST_TIMEOUT_MS_CONFIG, Type.LONG, 30_000L, atLeast(1), LOW,
                    SCHEMA_REGISTRY_REQUEST_TIMEOUT_MS_DOC)
            .define(BEARER_AUTH_CREDENTIALS_SOURCE_CONFIG, Type.STRING, "", in("", STATIC_TOKEN_SOURCE), MEDIUM,
                    BEARER_AUTH_CREDENTIALS_SOURCE_DOC)
            .define(BEARER_AUTH_TOKEN_CONFIG, Type.PASSWORD, "", MEDIUM, BEARER_AUTH_TOKEN_DOC)
            .define(SSL_TRUSTSTORE_LOCATION_CONFIG, Type.STRING, "", MEDIUM, "Trust store (PKCS12 or JKS) holding "
                    + "the CA that signed the registry's certificate; empty for the JVM's default trust store.")
            .define(SSL_TRUSTSTORE_PASSWORD_CONFIG, Type.PASSWORD, "", MEDIUM, "Password of the trust store.")
            .define(SSL_TRUSTSTORE_TYPE_CONFIG, Type.STRING, "PKCS12", in("PKCS12", "JKS"), LOW,
                    "Format of the trust store.")
            .define(SSL_KEYSTORE_LOCATION_CONFIG, Type.STRING, "", MEDIUM, "Key store (PKCS12 or JKS) with the "
                    + "client's key and certificate for mutual TLS; empty for none.")
            .define(SSL_KEYSTORE_PASSWORD_CONFIG, Type.PASSWORD, "", MEDIUM, "Password of the key store.")
            .define(SSL_KEYSTORE_TYPE_CONFIG, Type.STRING, "PKCS12", in("PKCS12", "JKS"), LOW,
                    "Format of the key store.")
            .define(SSL_KEY_PASSWORD_CONFIG, Type.PASSWORD, "", LOW, "Password of the key in the key store, when "
                    + "it differs from the store's.");

    public AvroSerdeConfig(Map<String, ?> configs) {
        super(DEFINITION, configs, false);
    }

    /** The definition, for documentation. */
    public static ConfigDef definition() {
        return new ConfigDef(DEFINITION);
    }

    /** {@link #SCHEMA_REGISTRY_URL_CONFIG}, or {@code null} when not set. */
    public String schemaRegistryUrl() {
        return getString(SCHEMA_REGISTRY_URL_CONFIG);
    }

    public boolean autoRegisterSchemas() {
        return getBoolean(AUTO_REGISTER_SCHEMAS_CONFIG);
    }

    public String credentialsSource() {
        return getString(BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG);
    }

    /** The configured {@code user:password}, or {@code null} when neither user info key is set. */
    public String basicAuthUserInfo() {
        String preferred = value(getPassword(SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO_CONFIG));
        return preferred != null ? preferred : value(getPassword(BASIC_AUTH_USER_INFO_CONFIG));
    }

    /** The bearer token of {@code bearer.auth.credentials.source=STATIC_TOKEN}, or {@code null}. */
    public String bearerToken() {
        String token = value(getPassword(BEARER_AUTH_TOKEN_CONFIG));
        boolean staticToken = STATIC_TOKEN_SOURCE.equals(getString(BEARER_AUTH_CREDENTIALS_SOURCE_CONFIG));
        if (staticToken != (token != null)) {
            throw new ConfigException(staticToken
                    ? BEARER_AUTH_TOKEN_CONFIG + " is empty although " + BEARER_AUTH_CREDENTIALS_SOURCE_CONFIG + "="
                            + STATIC_TOKEN_SOURCE
                    : BEARER_AUTH_TOKEN_CONFIG + " is set: also set " + BEARER_AUTH_CREDENTIALS_SOURCE_CONFIG + "="
                            + STATIC_TOKEN_SOURCE);
        }
        return token;
    }

    /** A store location setting, or {@code null} when empty. */
    String sslLocation(String key) {
        String location = getString(key);
        return location == null || location.isBlank() ? null : location.trim();
    }

    public Duration requestTimeout() {
        return Duration.ofMillis(getLong(SCHEMA_REGISTRY_REQUEST_TIMEOUT_MS_CONFIG));
    }

    private static String value(Password password) {
        return password == null || password.value().isEmpty() ? null : password.value();
    }
}
