package io.idcardstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImagesAndSecretsTest {
    @Test
    void shouldCallOnlyVersionTagsAndDigestsPinned() {
        List<String> images = List.of("apache/kafka:4.4.0", "prom/prometheus:v3.5.0",
                "eclipse-temurin:17.0.19_10-jre-noble", "maven:3.9.11-eclipse-temurin-17", "idcard-stream:0.1.0",
                "registry.example.com:5000/idcard-stream@sha256:0123abcd", "apache/kafka:latest", "apache/kafka",
                "registry.example.com:5000/idcard-stream", "busybox:stable");

        assertThat(images.stream().filter(Images::isPinned)).containsExactly("apache/kafka:4.4.0",
                "prom/prometheus:v3.5.0", "eclipse-temurin:17.0.19_10-jre-noble", "maven:3.9.11-eclipse-temurin-17",
                "idcard-stream:0.1.0", "registry.example.com:5000/idcard-stream@sha256:0123abcd");
    }

    @Test
    void shouldTreatKeyPairsPasswordsAndTokensAsCredentials() {
        List<String> names = List.of("TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "IDCARD_TENCENT_SECRET_ID",
                "IDCARD_SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "IDCARD_KAFKA_SSL_KEYSTORE_PASSWORD",
                "IDCARD_TENCENT_SECRETS_FILE", "IDCARD_SERVER_KEYS_FILE", "IDCARD_OPS_PORT");

        assertThat(names.stream().filter(Secrets::isCredentialVariable)).containsExactly("TENCENTCLOUD_SECRET_ID",
                "TENCENTCLOUD_SECRET_KEY", "IDCARD_TENCENT_SECRET_ID", "IDCARD_SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO",
                "IDCARD_KAFKA_SSL_KEYSTORE_PASSWORD");
    }
}
