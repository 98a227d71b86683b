package io.idcardstream.serde;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The TLS context of the registry client from Confluent's {@code schema.registry.ssl.*} settings: a trust store
 * for a registry whose certificate a private CA signed, and a key store for mutual TLS. Without either, the JVM's
 * default trust store is used (public CAs, or what Temurin's entry point imported into it).
 */
final class RegistryTls {
    private RegistryTls() {
    }

    /** The context the settings describe, or empty when none is set. */
    static Optional<SSLContext> fromConfig(AvroSerdeConfig config) {
        String trustStore = config.sslLocation(AvroSerdeConfig.SSL_TRUSTSTORE_LOCATION_CONFIG);
        String keyStore = config.sslLocation(AvroSerdeConfig.SSL_KEYSTORE_LOCATION_CONFIG);
        if (trustStore == null && keyStore == null) {
            return Optional.empty();
        }
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore == null ? null : load(AvroSerdeConfig.SSL_TRUSTSTORE_LOCATION_CONFIG, trustStore,
                    config.getString(AvroSerdeConfig.SSL_TRUSTSTORE_TYPE_CONFIG),
                    config.getPassword(AvroSerdeConfig.SSL_TRUSTSTORE_PASSWORD_CONFIG)));
            KeyManagerFactory keys = null;
            if (keyStore != null) {
                Password keyPassword = config.getPassword(AvroSerdeConfig.SSL_KEY_PASSWORD_CONFIG);
                Password storePassword = config.getPassword(AvroSerdeConfig.SSL_KEYSTORE_PASSWORD_CONFIG);
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(load(AvroSerdeConfig.SSL_KEYSTORE_LOCATION_CONFIG, keyStore,
                        config.getString(AvroSerdeConfig.SSL_KEYSTORE_TYPE_CONFIG), storePassword),
                        chars(keyPassword != null && !keyPassword.value().isEmpty() ? keyPassword : storePassword));
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return Optional.of(context);
        } catch (GeneralSecurityException e) {
            throw new ConfigException("Cannot set up TLS to the schema registry from the schema.registry.ssl.* "
                    + "settings: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static KeyStore load(String setting, String location, String type, Password password)
            throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            store.load(in, chars(password));
        } catch (IOException e) {
            // A wrong password shows up here too (as an IOException whose cause is an UnrecoverableKeyException).
            throw new ConfigException(setting + "=" + location + " cannot be read as a " + type + " store: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        return store;
    }

    private static char[] chars(Password password) {
        return password == null || password.value().isEmpty() ? null : password.value().toCharArray();
    }
}
