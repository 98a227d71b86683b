package io.idcardstream.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.localDates;
import static org.quicktheories.generators.SourceDSL.strings;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * GB 11643's grammar and its ISO 7064 MOD 11-2 check over generated numbers. The validator and the engine's repair
 * rely on the check's promise: every number made with its check character passes, and one misread character, or
 * two neighbours read in the wrong order, fails. A failure prints the shrunk number and the seed (rerun with
 * {@code -DQT_SEED=...}).
 */
class ResidentIdNumberPropertiesTest {
    private static final String ID_CHARACTERS = "0123456789X";
    private static final int EXAMPLES = 300;

    @Test
    void shouldValidateEveryNumberMadeWithItsCheckCharacter() {
        qt().withExamples(EXAMPLES).forAll(numbers()).checkAssert(issued -> {
            // Given a number whose 18th character is computed from the first 17
            // When it is parsed
            ResidentIdNumber id = ResidentIdNumber.parse(issued.number()).orElseThrow();
            // Then it validates and reads back the region, birth date and sex it was made with
            assertThat(id.checkDigitValid()).isTrue();
            assertThat(id.regionCode()).isEqualTo(issued.number().substring(0, 6));
            assertThat(id.birthDate()).contains(issued.birth());
            assertThat(id.sex()).isEqualTo(issued.sex());
        });
    }

    @Test
    void shouldCatchAnySingleCharacterChange() {
        qt().withExamples(EXAMPLES).forAll(numbers(), integers().between(0, 17), integers().between(1, 10))
                .checkAssert((issued, position, shift) -> {
                    // Given a valid number with another ID character at one position (a shift of 1..10 among the
                    // 11 ID characters never lands on the same one)
                    String number = issued.number();
                    char original = number.charAt(position);
                    char changed = ID_CHARACTERS.charAt((ID_CHARACTERS.indexOf(original) + shift) % 11);
                    String misread = number.substring(0, position) + changed + number.substring(position + 1);
                    // When it is parsed and checked
                    // Then it is refused: by the grammar (a leading 0, an X inside) or by the check character
                    assertThat(accepted(misread)).as("position %d changed", position).isFalse();
                });
    }

    @Test
    void shouldCatchAnySwapOfTwoDifferentNeighbours() {
        qt().withExamples(EXAMPLES).withGenerateAttempts(10_000).forAll(numbers(), integers().between(0, 16))
                .assuming((issued, position) -> issued.number().charAt(position) != issued.number().charAt(position + 1))
                .checkAssert((issued, position) -> {
                    // Given a valid number with two different neighbouring characters exchanged
                    String number = issued.number();
                    String swapped = number.substring(0, position) + number.charAt(position + 1)
                            + number.charAt(position) + number.substring(position + 2);
                    // When it is parsed and checked
                    // Then it is refused: MOD 11-2's weights differ between every two neighbours
                    assertThat(accepted(swapped)).as("positions %d and %d swapped", position, position + 1)
                            .isFalse();
                });
    }

    @Test
    void shouldReadANumberAsOcrReturnsIt() {
        Gen<String> blanks = strings().betweenCodePoints(0, 3).ofLengthBetween(0, 3)
                .map(s -> s.chars().mapToObj(c -> String.valueOf(" \t\n\u3000".charAt(c))).reduce("", String::concat));
        qt().withExamples(EXAMPLES).forAll(numbers(), blanks, blanks).checkAssert((issued, before, after) -> {
            // Given the number with a lower-case x and blanks around it, as OCR returns it
            String read = before + issued.number().replace('X', 'x') + after;
            // When it is parsed
            // Then it is the number as issued
            assertThat(ResidentIdNumber.parse(read).map(ResidentIdNumber::value)).contains(issued.number());
        });
    }

    private static boolean accepted(String text) {
        return ResidentIdNumber.parse(text).map(ResidentIdNumber::checkDigitValid).orElse(false);
    }

    /** A number as issued: region code, birth date, sequence (odd for men) and its check character. */
    record Issued(String number, LocalDate birth, PrintedSex sex) {
        @Override
        public String toString() {
            return number; // generated, not personal data: printed when a property fails
        }
    }

    /** Valid numbers, births from 1800 (the earliest the parser takes as a date) to 2099. */
    static Gen<Issued> numbers() {
        Gen<Integer> region = integers().between(110000, 829999);
        Gen<LocalDate> birth = localDates().withDaysBetween(LocalDate.of(1800, 1, 1).toEpochDay(),
                LocalDate.of(2099, 12, 31).toEpochDay());
        Gen<Integer> sequence = integers().between(0, 999);
        return region.zip(birth, sequence, (r, b, s) -> {
            String first17 = r + String.format("%04d%02d%02d%03d", b.getYear(), b.getMonthValue(), b.getDayOfMonth(), s);
            return new Issued(first17 + ResidentIdNumber.checkDigit(first17), b, s % 2 == 1 ? PrintedSex.MALE : PrintedSex.FEMALE);
        });
    }
}
