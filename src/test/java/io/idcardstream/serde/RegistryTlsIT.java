package io.idcardstream.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.idcardstream.events.IdentityRecognized;
import io.idcardstream.serde.SchemaRegistryException.Reason;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The registry client over TLS to a real Apicurio Registry serving https, and over mutual TLS to the same registry
 * behind a front that requires a client certificate ({@link MutualTlsProxy}); every certificate is signed by a CA
 * generated for this run ({@link TestCertificateAuthority}).
 */
class RegistryTlsIT {
    private static final Schema SCHEMA = IdentityRecognized.getClassSchema();

    private static Path dir;
    private static Path trustStore;
    private static Path clientKeyStore;
    private static ApicurioProcess apicurio;
    private static MutualTlsProxy mutualTls;

    @BeforeAll
    static void startApicurioWithMutualTls() throws Exception {
        dir = Files.createTempDirectory("registry-tls-it-");
        TestCertificateAuthority ca = TestCertificateAuthority.create(dir);
        Path serverKeyStore = ca.keyStore("registry", "ip:127.0.0.1,dns:localhost");
        Path serverTrustStore = ca.trustStore("registry");
        trustStore = ca.trustStore("client");
        clientKeyStore = ca.keyStore("idcard-worker", "");
        apicurio = ApicurioProcess.startTls(Map.of(
                "quarkus.http.ssl.certificate.key-store-file", serverKeyStore.toString(),
                "quarkus.http.ssl.certificate.key-store-password", TestCertificateAuthority.PASSWORD),
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .sslContext(TestCertificateAuthority.context(clientKeyStore, trustStore)).build());
        mutualTls = MutualTlsProxy.start(TestCertificateAuthority.context(serverKeyStore, serverTrustStore),
                apicurio.plainCcompat());
    }

    @AfterAll
    static void stopApicurio() throws Exception {
        if (mutualTls != null) {
            mutualTls.close();
        }
        if (apicurio != null) {
            apicurio.close();
        }
    }

    @Test
    void shouldRegisterAndFetchOverHttpsTrustingTheConfiguredCa() {
        // Given the client configured with the CA's trust store, by Confluent's key names
        SchemaRegistry registry = SchemaRegistries.fromConfig(settings(apicurio.ccompat(), true, false));

        // When it registers a schema and fetches it back by id
        int id = registry.register("tls.recognized-value", SCHEMA);

        // Then Apicurio's https port answered both
        assertThat(apicurio.ccompat().getScheme()).isEqualTo("https");
        assertThat(registry.byId(id)).isEqualTo(SCHEMA);
    }

    @Test
    void shouldPresentTheConfiguredClientCertificateForMutualTls() {
        // Given the client with the trust store and its own key store, against the front requiring a certificate
        SchemaRegistry registry = SchemaRegistries.fromConfig(settings(mutualTlsUrl(), true, true));

        // When / Then: the handshake passes and the registry behind it answers
        int id = registry.register("mtls.recognized-value", SCHEMA);
        assertThat(registry.idOf("mtls.recognized-value", SCHEMA)).isEqualTo(id);
    }

    @Test
    void shouldFailClearlyWhenTheClientHasNoCertificateForMutualTls() {
        SchemaRegistry registry = SchemaRegistries.fromConfig(settings(mutualTlsUrl(), true, false));

        assertThatThrownBy(() -> registry.register("mtls.no-client-cert-value", SCHEMA))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageStartingWith("No schema registry answered while registering schema "
                        + SCHEMA.getFullName() + " under subject 'mtls.no-client-cert-value': " + mutualTlsUrl())
                .extracting(e -> ((SchemaRegistryException) e).reason()).isEqualTo(Reason.UNAVAILABLE);
    }

    @Test
    void shouldNotTrustTheRegistryWithoutTheTrustStoreOfItsCa() {
        SchemaRegistry registry = SchemaRegistries.fromConfig(settings(apicurio.ccompat(), false, false));

        assertThatThrownBy(() -> registry.byId(1))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("No schema registry answered while fetching schema id 1: " + apicurio.ccompat()
                        + " (SSLHandshakeException)");
    }

    @Test
    void shouldNameTheStoreSettingWhenItsPasswordIsWrong() {
        Map<String, Object> settings = settings(apicurio.ccompat(), true, true);
        settings.put(AvroSerdeConfig.SSL_TRUSTSTORE_PASSWORD_CONFIG, "not-the-password");

        assertThatThrownBy(() -> SchemaRegistries.fromConfig(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(AvroSerdeConfig.SSL_TRUSTSTORE_LOCATION_CONFIG + "=" + trustStore
                        + " cannot be read as a PKCS12 store")
                .hasMessageNotContaining("not-the-password");
    }

    private static URI mutualTlsUrl() {
        return mutualTls.url(apicurio.ccompat().getPath());
    }

    private static Map<String, Object> settings(URI url, boolean withTrustStore, boolean withKeyStore) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, url.toString());
        if (withTrustStore) {
            settings.put(AvroSerdeConfig.SSL_TRUSTSTORE_LOCATION_CONFIG, trustStore.toString());
            settings.put(AvroSerdeConfig.SSL_TRUSTSTORE_PASSWORD_CONFIG, TestCertificateAuthority.PASSWORD);
        }
        if (withKeyStore) {
            settings.put(AvroSerdeConfig.SSL_KEYSTORE_LOCATION_CONFIG, clientKeyStore.toString());
            settings.put(AvroSerdeConfig.SSL_KEYSTORE_PASSWORD_CONFIG, TestCertificateAuthority.PASSWORD);
        }
        return settings;
    }
}
