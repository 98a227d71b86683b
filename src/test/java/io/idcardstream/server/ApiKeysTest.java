package io.idcardstream.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadBothFileFormats() throws Exception {
        // Given a file with one secret.id/secret.key pair and two SecretId=SecretKey lines
        Path file = dir.resolve("keys.properties");
        Files.writeString(file, "# keys\nsecret.id=AKIDone\nsecret.key=keyOne\nAKIDtwo=keyTwo\nAKIDthree = keyThree\n",
                StandardCharsets.UTF_8);

        // When
        ApiKeys keys = ApiKeys.load(file);

        // Then
        assertThat(keys.secretIds()).containsExactlyInAnyOrder("AKIDone", "AKIDtwo", "AKIDthree");
        assertThat(List.of(keys.secretKey("AKIDone"), keys.secretKey("AKIDtwo"), keys.secretKey("AKIDthree"),
                keys.secretKey("AKIDfour"))).containsExactly(Optional.of("keyOne"), Optional.of("keyTwo"),
                Optional.of("keyThree"), Optional.empty());
    }

    @Test
    void shouldRefuseFilesWithoutACompletePair() throws Exception {
        // Given
        Path half = dir.resolve("half.properties");
        Files.writeString(half, "secret.id=AKIDone\n", StandardCharsets.UTF_8);
        Path empty = dir.resolve("empty.properties");
        Files.writeString(empty, "# nothing\n", StandardCharsets.UTF_8);

        // Then
        assertThatThrownBy(() -> ApiKeys.load(half))
                .hasMessage(half + " must hold both secret.id and secret.key but has only secret.id");
        assertThatThrownBy(() -> ApiKeys.load(empty)).hasMessage(empty + " holds no SecretId/SecretKey pair");
        assertThatThrownBy(() -> ApiKeys.of("AKIDx", " "))
                .hasMessage("SecretId and SecretKey must be non-blank but a pair had a blank SecretKey for AKIDx");
    }

    @Test
    void shouldWriteAGeneratedPairReadableOnlyByItsOwnerAndReadItBack() throws Exception {
        // Given
        ApiKeys generated = ApiKeys.generate(new SecureRandom());
        Path file = dir.resolve("data/serve-keys.properties");

        // When
        generated.writeOwnerOnly(file);
        ApiKeys reread = ApiKeys.load(file);

        // Then
        String secretId = generated.secretIds().iterator().next();
        assertThat(secretId).matches("AKID[A-Za-z0-9]{32}");
        assertThat(generated.secretKey(secretId).orElseThrow()).matches("[A-Za-z0-9]{32}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(reread.secretIds()).containsExactly(secretId);
        assertThat(reread.secretKey(secretId)).isEqualTo(generated.secretKey(secretId));
        assertThatThrownBy(() -> generated.writeOwnerOnly(file)).isInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void shouldNeverPrintKeys() {
        // Given
        ApiKeys keys = ApiKeys.of("AKIDvisible", "hiddenKeyValue");

        // Then
        assertThat(keys.toString()).isEqualTo("ApiKeys[secretIds=[AKIDvisible]]");
    }
}
