package io.idcardstream.engine.rec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharacterDictionaryTest {

    @Test
    void shouldPutTheBlankFirstAndASpaceLast() throws IOException {
        // Given a key file of three symbols without a trailing newline, one line ending in CRLF
        byte[] keys = "中\r\n华\n1".getBytes(StandardCharsets.UTF_8);
        // When it is read
        CharacterDictionary dictionary = CharacterDictionary.read(new ByteArrayInputStream(keys));
        // Then the classes are blank, the symbols, space
        assertThat(dictionary.size()).isEqualTo(5);
        assertThat(dictionary.symbol(0)).isEmpty();
        assertThat(dictionary.symbol(1)).isEqualTo("中");
        assertThat(dictionary.symbol(2)).isEqualTo("华");
        assertThat(dictionary.symbol(3)).isEqualTo("1");
        assertThat(dictionary.symbol(4)).isEqualTo(" ");
    }

    @Test
    void shouldMatchThePpOcrRecogniserClassCount() throws IOException {
        // Given the dictionary shipped with the models
        CharacterDictionary dictionary;
        try (var keys = getClass().getResourceAsStream("/models/ppocr_keys_v1.txt")) {
            dictionary = CharacterDictionary.read(keys);
        }
        // Then it has the recogniser's 6,625 classes (blank + 6,623 keys + space)
        assertThat(dictionary.size()).isEqualTo(6625);
    }
}
