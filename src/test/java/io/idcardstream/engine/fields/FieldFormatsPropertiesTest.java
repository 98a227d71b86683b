package io.idcardstream.engine.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.localDates;

import io.idcardstream.engine.geom.Point;
import io.idcardstream.identity.ResidentIdNumber;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.FieldCorrection;
import io.idcardstream.ocr.FieldName;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Clients parse Birth as {@code 1987/1/1} and ValidDate as {@code 2010.07.21-2020.07.21} or {@code …-长期}: whatever
 * the recogniser read, the engine's formatting ({@link FieldFormats}) followed by {@link MalformedDates} must answer
 * a real date in exactly that form, or nothing with a record of what was read. And the ID number's grammar must pick
 * the number out of what OCR makes of it.
 */
class FieldFormatsPropertiesTest {
    private static final int EXAMPLES = 300;
    /** The API's forms, stricter than MalformedDates' own patterns: no zero padding in Birth. */
    private static final Pattern API_BIRTH = Pattern.compile("[1-9]\\d{3}/[1-9]\\d?/[1-9]\\d?");
    private static final Pattern API_VALID_DATE =
            Pattern.compile("[1-9]\\d{3}\\.\\d{2}\\.\\d{2}-([1-9]\\d{3}\\.\\d{2}\\.\\d{2}|长期)");
    /** What OCR reads on the birth and validity lines, and noise. */
    private static final List<String> DATE_SYMBOLS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "1",
            "9", "0", "/", ".", "-", "年", "月", "日", "长期", "長期", " ", "．", "·", "一", "至", "~", "O", "l", "印",
            "，", "（", "２");

    @Test
    void shouldAnswerAnythingReadAsABirthDateInTheApisFormOrWithholdItWithARecord() {
        qt().withExamples(EXAMPLES).forAll(readings()).checkAssert(raw -> {
            // Given anything read on the birth line
            // When it is formatted and malformed dates are withheld
            String formatted = FieldFormats.format(FieldName.BIRTH, raw);
            ExtractedCard card = MalformedDates.withhold(Readings.of(front(formatted)).card());
            // Then Birth is a real day in the API's form, or empty with a record of the value withheld (if any)
            String birth = card.fields().birth();
            if (birth.isEmpty()) {
                assertThat(card.cleanups()).isEqualTo(withheld(FieldName.BIRTH, formatted));
            } else {
                assertThat(birth).matches(API_BIRTH);
                assertThat(realDay(birth.split("/"))).as(birth).isTrue();
            }
        });
    }

    @Test
    void shouldAnswerAnythingReadAsAValidityInTheApisFormOrWithholdItWithARecord() {
        qt().withExamples(EXAMPLES).forAll(readings()).checkAssert(raw -> {
            // Given anything read on the validity line
            // When it is formatted and malformed dates are withheld
            String formatted = FieldFormats.format(FieldName.VALID_DATE, raw);
            ExtractedCard card = MalformedDates.withhold(Readings.of(CardFields.back("上海市公安局", formatted)).card());
            // Then ValidDate is two real days (or a day and 长期) in the API's form, or empty with a record of the
            // value withheld (if any)
            String valid = card.fields().validDate();
            if (valid.isEmpty()) {
                assertThat(card.cleanups()).isEqualTo(withheld(FieldName.VALID_DATE, formatted));
            } else {
                assertThat(valid).matches(API_VALID_DATE);
                assertThat(realDay(valid.substring(0, 10).split("\\."))).as(valid).isTrue();
                assertThat(valid.endsWith("长期") || realDay(valid.substring(11).split("\\."))).as(valid).isTrue();
            }
        });
    }

    @Test
    void shouldAnswerEveryRealBirthDateInTheApisFormHoweverTheCardsLineWasRead() {
        qt().withExamples(EXAMPLES).forAll(days(), integers().between(0, 3), booleans().all())
                .checkAssert((day, form, spaced) -> {
                    // Given a real day as the card prints it (1987年1月1日) and as OCR reads that line: zero-padded,
                    // 年 and 月 read as stops, 日 lost; with or without spaces between the characters
                    String y = String.valueOf(day.getYear());
                    String m = String.valueOf(day.getMonthValue());
                    String d = String.valueOf(day.getDayOfMonth());
                    String written = switch (form) {
                        case 0 -> y + "年" + m + "月" + d + "日";
                        case 1 -> String.format("%s年%02d月%02d日", y, day.getMonthValue(), day.getDayOfMonth());
                        case 2 -> y + "." + m + "." + d;
                        default -> y + "年" + m + "月" + d;
                    };
                    String raw = spaced ? String.join(" ", written.split("")) : written;
                    // When it is formatted and malformed dates are withheld
                    ExtractedCard card = MalformedDates.withhold(Readings.of(front(FieldFormats.format(FieldName.BIRTH,
                            raw))).card());
                    // Then it is answered, unpadded, as the same day
                    assertThat(card.fields().birth()).isEqualTo(y + "/" + m + "/" + d);
                    assertThat(card.cleanups()).isEmpty();
                });
    }

    @Test
    void shouldAnswerEveryRealValidityInTheApisFormWhateverOcrMadeOfItsPunctuation() {
        Gen<String> dots = Generate.pick(List.of(".", "", "．", "·", ",", "，"));
        Gen<String> separators = Generate.pick(List.of("-", "", "—", "－", "一", "~", "～", "至", "--", "–"));
        qt().withExamples(EXAMPLES).forAll(days(), days().toOptionals(20), dots, separators)
                .checkAssert((from, until, dot, separator) -> {
                    // Given a validity period (until a day, or 长期) with its dots and dash read as OCR reads them
                    String end = until.map(u -> dotted(u, dot)).orElse("长期");
                    String raw = dotted(from, dot) + separator + end;
                    // When it is formatted and malformed dates are withheld
                    ExtractedCard card = MalformedDates.withhold(Readings.of(CardFields.back("上海市公安局",
                            FieldFormats.format(FieldName.VALID_DATE, raw))).card());
                    // Then it is answered as printed on the card: 2010.07.21-2020.07.21 or 2010.07.21-长期
                    assertThat(card.fields().validDate())
                            .isEqualTo(dotted(from, ".") + "-" + until.map(u -> dotted(u, ".")).orElse("长期"));
                });
    }

    @Test
    void shouldReadAValidNumberWhateverLettersOcrConfusedWithItsDigits() {
        qt().withExamples(EXAMPLES).forAll(validNumbers(), lists().of(integers().between(0, 4)).ofSize(18))
                .checkAssert((number, choices) -> {
                    // Given a valid number whose 0s were read as O or o, 1s as I or l, X as x, with spaces between
                    StringBuilder read = new StringBuilder();
                    for (int i = 0; i < number.length(); i++) {
                        read.append(misread(number.charAt(i), choices.get(i))).append(choices.get(i) == 4 ? " " : "");
                    }
                    // When the ID number is formatted
                    // Then it is the number
                    assertThat(FieldFormats.format(FieldName.ID_NUM, read.toString())).isEqualTo(number);
                });
    }

    @Test
    void shouldPickTheNumberOutOfItsRowWhateverNonIdCharactersAreReadAmongItsDigits() {
        Gen<String> noise = Generate.pick(List.of("印", "公", "T", "-", "·", "号", "码", "?", "A", "#"));
        qt().withExamples(EXAMPLES).forAll(validNumbers(), lists().of(noise).ofSizeBetween(1, 6),
                        lists().of(integers().between(0, 18)).ofSize(6))
                .checkAssert((number, specks, places) -> {
                    // Given the number's glyphs with characters that cannot be part of a number (a stamp's 印, a
                    // speck read as T) inserted anywhere, before, between or after its digits
                    List<String> symbols = new ArrayList<>(number.chars().mapToObj(Character::toString).toList());
                    for (int i = 0; i < specks.size(); i++) {
                        symbols.add(Math.min(places.get(i), symbols.size()), specks.get(i));
                    }
                    List<PlacedGlyph> row = symbols.stream()
                            .map(s -> new PlacedGlyph(Readings.glyph(s, Readings.SURE), new Point(0, 0),
                                    new Point(0, 0)))
                            .toList();
                    // When the number's glyphs are selected
                    StringBuilder selected = new StringBuilder();
                    IdNumberGlyphs.select(row).forEach(g -> selected.append(g.symbol()));
                    // Then they are exactly the number's, in order
                    assertThat(selected.toString()).isEqualTo(number);
                });
    }

    private static List<FieldCorrection> withheld(FieldName field, String value) {
        return value.isEmpty() ? List.of() : List.of(new FieldCorrection(field, value, "", MalformedDates.REASON));
    }

    private static String misread(char c, int choice) {
        return switch (c) {
            case '0' -> choice == 1 ? "O" : choice == 2 ? "o" : "0";
            case '1' -> choice == 1 ? "I" : choice == 2 ? "l" : "1";
            case 'X' -> choice == 1 ? "x" : "X";
            default -> String.valueOf(c);
        };
    }

    private static String dotted(LocalDate day, String dot) {
        return String.format("%04d%s%02d%s%02d", day.getYear(), dot, day.getMonthValue(), dot, day.getDayOfMonth());
    }

    private static boolean realDay(String[] parts) {
        try {
            LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            return true;
        } catch (RuntimeException notADay) {
            return false;
        }
    }

    private static CardFields front(String birth) {
        return CardFields.front("李明", "男", "汉", birth, "北京市海淀区中关村大街1号", "440524198701010014");
    }

    /** Days a card can carry, 1800 (the earliest the parsers take) to 2099, leap days included. */
    private static Gen<LocalDate> days() {
        return localDates().withDaysBetween(LocalDate.of(1800, 1, 1).toEpochDay(), LocalDate.of(2099, 12, 31)
                .toEpochDay());
    }

    /**
     * What a date line may read as: up to 30 symbols from what those lines hold (digits weighted up), or a real
     * birth date or validity as printed with one symbol replaced by any of those, so that both the answered and
     * the withheld paths are taken.
     */
    private static Gen<String> readings() {
        Gen<String> symbols = lists().of(Generate.pick(DATE_SYMBOLS)).ofSizeBetween(0, 30).map(s -> String.join("", s));
        Gen<String> printed = days().zip(days(), booleans().all(), (from, until, birth) -> birth
                ? from.getYear() + "年" + from.getMonthValue() + "月" + from.getDayOfMonth() + "日"
                : dotted(from, ".") + "-" + (until.getDayOfMonth() % 5 == 0 ? "长期" : dotted(until, ".")));
        Gen<String> nearlyPrinted = printed.zip(integers().between(0, 20), Generate.pick(DATE_SYMBOLS),
                (text, at, symbol) -> at >= text.length() ? text
                        : text.substring(0, at) + symbol + text.substring(at + 1));
        return Generate.oneOf(symbols, nearlyPrinted);
    }

    private static Gen<String> validNumbers() {
        return integers().between(110000, 829999).zip(days(), integers().between(0, 999), (r, b, s) -> {
            String first17 = r + String.format("%04d%02d%02d%03d", b.getYear(), b.getMonthValue(), b.getDayOfMonth(), s);
            return first17 + ResidentIdNumber.checkDigit(first17);
        });
    }
}
