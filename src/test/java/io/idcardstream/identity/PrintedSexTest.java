package io.idcardstream.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PrintedSexTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"男|MALE", "女|FEMALE", "' 男 '|MALE", "'\t女\u3000'|FEMALE"})
    void shouldReadPrintedSexIgnoringSurroundingWhitespace(String printed, PrintedSex expected) {
        // Given the sex as printed or returned by OCR
        // When it is read
        PrintedSex sex = PrintedSex.fromPrinted(printed);
        // Then it is the printed sex
        assertThat(sex).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"男女", "M", "F", "未知", "男性", "   "})
    void shouldReadAnythingElseAsUnknown(String printed) {
        // Given text that is not exactly 男 or 女
        // When it is read
        PrintedSex sex = PrintedSex.fromPrinted(printed);
        // Then nothing is guessed
        assertThat(sex).isEqualTo(PrintedSex.UNKNOWN);
    }

    @Test
    void shouldPrintTheCardsForm() {
        // Given every value
        // When printed
        // Then the card's characters, or nothing for UNKNOWN
        assertThat(PrintedSex.MALE.printed()).isEqualTo("男");
        assertThat(PrintedSex.FEMALE.printed()).isEqualTo("女");
        assertThat(PrintedSex.UNKNOWN.printed()).isEqualTo("");
    }
}
