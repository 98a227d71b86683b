package io.idcardstream.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumberTest {

    private static final List<Character> CHECK_CHARACTERS =
            List.of('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X');

    private static ResidentIdNumber number(String text) {
        return ResidentIdNumber.parse(text).orElseThrow();
    }

    @ParameterizedTest
    @CsvSource({
        // front_07/front_08 (Tencent demo card), an X check digit, both_02 and front_10 of idcards-dev
        "440524198701010014, true",
        "11010519900101103X, true",
        "513701199507176346, true",
        "610333199012223323, true",
        // front_04 and front_02 of idcards-dev: id_checksum_valid = false
        "110102197810272321, false",
        "430512198908131367, false",
    })
    void shouldValidateCheckDigitsOfKnownNumbers(String text, boolean expected) {
        // Given a number whose check digit validity is known
        ResidentIdNumber id = number(text);
        // When its check digit is tested
        boolean valid = id.checkDigitValid();
        // Then the result is the known one
        assertThat(valid).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "44052419870101001, 4",
        "11010519900101103, X",
        "11010219781027232, X",
        "43051219890813136, 9",
    })
    void shouldComputeTheCheckCharacter(String first17, char expected) {
        // Given the first 17 digits
        // When the check character is computed
        char check = ResidentIdNumber.checkDigit(first17);
        // Then it is the ISO 7064 MOD 11-2 character
        assertThat(check).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "11010519900101108, 0", "11010519900101102, 1", "11010519900101107, 2", "11010519900101101, 3",
        "11010519900101106, 4", "11010519900101100, 5", "11010519900101105, 6", "11010519900101118, 7",
        "11010519900101104, 8", "11010519900101109, 9", "11010519900101103, X",
    })
    void shouldAcceptExactlyOneCheckCharacterPerPrefix(String first17, char expected) {
        // Given a prefix (together the prefixes cover all eleven check characters)
        // When each of the eleven possible check characters is appended
        List<Character> validating = CHECK_CHARACTERS.stream()
                .filter(c -> number(first17 + c).checkDigitValid())
                .toList();
        // Then exactly one validates, and it is the computed one
        assertThat(validating).containsExactly(expected);
        assertThat(ResidentIdNumber.checkDigit(first17)).isEqualTo(expected);
    }

    @Test
    void shouldRejectBadCheckDigitInputWithClearMessages() {
        // Given inputs that are not 17 ASCII digits
        // When the check character is asked for
        // Then the error says what was expected and what was found, without echoing the digits
        assertThatThrownBy(() -> ResidentIdNumber.checkDigit(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("first17Digits must be 17 digits 0-9, got null");
        assertThatThrownBy(() -> ResidentIdNumber.checkDigit("4405241987010100"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("first17Digits must be 17 digits 0-9, got 16 characters");
        assertThatThrownBy(() -> ResidentIdNumber.checkDigit("440524198701010014"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("first17Digits must be 17 digits 0-9, got 18 characters");
        assertThatThrownBy(() -> ResidentIdNumber.checkDigit("4405241987O101001"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("first17Digits must be 17 digits 0-9, got a non-digit at position 11");
        assertThatThrownBy(() -> ResidentIdNumber.checkDigit("４40524198701010０1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("first17Digits must be 17 digits 0-9, got a non-digit at position 1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "440524198701010014|440524198701010014",
        "'  440524198701010014\t'|440524198701010014",
        "11010519900101103x|11010519900101103X",
        "11010519900101103X|11010519900101103X",
        "810000198506154320|810000198506154320",
        "830000199902287650|830000199902287650",
    })
    void shouldParseNumbersTrimmingAndUpperCasingX(String text, String expected) {
        // Given a number as read, with whitespace or a lower-case x
        // When it is parsed
        Optional<ResidentIdNumber> id = ResidentIdNumber.parse(text);
        // Then the normalised number is returned
        assertThat(id).contains(new ResidentIdNumber(expected));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "040524198701010014", // leading zero
        "44052419870101001", // 17 characters
        "4405241987010100145", // 19 characters
        "440524870101001", // first-generation 15 digits
        "4405241987010100X4", // X not last
        "44052419870101001Y",
        "440524 198701010014",
        "４４０５２４１９８７０１０１００１４", // full-width digits
    })
    void shouldRejectAnythingElse(String text) {
        // Given text that is not an 18-character number
        // When it is parsed
        Optional<ResidentIdNumber> id = ResidentIdNumber.parse(text);
        // Then nothing is returned
        assertThat(id).isEmpty();
    }

    @Test
    void shouldRejectAMalformedValueWithoutEchoingIt() {
        // Given a malformed value
        // When a number is constructed from it
        // Then the error describes the value without containing it
        assertThatThrownBy(() -> new ResidentIdNumber("44052419870101001"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value must be 18 characters, a digit 1-9, 16 digits and a digit or X; "
                        + "got 17 characters not in that form");
    }

    @Test
    void shouldReadRegionBirthDateAndSexFromTheDigits() {
        // Given the numbers of front_07 (a man) and front_10 (a woman)
        ResidentIdNumber man = number("440524198701010014");
        ResidentIdNumber woman = number("610333199012223323");
        // When the encoded facts are read
        // Then they are the digits' region, date and parity of digit 17
        assertThat(man.regionCode()).isEqualTo("440524");
        assertThat(man.birthDate()).contains(LocalDate.of(1987, 1, 1));
        assertThat(man.sex()).isEqualTo(PrintedSex.MALE);
        assertThat(woman.regionCode()).isEqualTo("610333");
        assertThat(woman.birthDate()).contains(LocalDate.of(1990, 12, 22));
        assertThat(woman.sex()).isEqualTo(PrintedSex.FEMALE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"440524198702300013", "440524198713010012", "440524198700010015", "440524079901010011"})
    void shouldGiveNoBirthDateWhenTheDigitsAreNotARealDate(String text) {
        // Given a well-formed number whose digits 7-14 are 1987-02-30, month 13, month 0 or year 0799
        ResidentIdNumber id = number(text);
        // When its birth date is read
        // Then there is none
        assertThat(id.birthDate()).isEmpty();
    }

    @Test
    void shouldNotPrintTheNumber() {
        // Given a number
        ResidentIdNumber id = number("440524198701010014");
        // When it is printed
        String printed = id.toString();
        // Then only the masked form appears
        assertThat(printed).isEqualTo("ResidentIdNumber[4405**********0014]").doesNotContain("440524198701010014");
    }
}
