package io.idcardstream.engine.fields;

import io.idcardstream.identity.CardDates;
import io.idcardstream.ocr.FieldName;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts what was read into the API's format, without changing what it says: Birth {@code 1987/1/1}, ValidDate
 * {@code 2010.07.21-2020.07.21} or {@code …-长期}, Sex {@code 男}/{@code 女}, the ID number's check character in
 * upper case. Text that does not fit a field's format is returned as read (minus spaces), so a misread stays
 * visible instead of being guessed away.
 *
 * <p>One thing is removed: punctuation a field cannot contain ({@link #withoutSpecks}), which is what specks of
 * toner and guilloche become when read ("·350203…", "…20号."). {@link #specksDropped} says when that happened, so
 * the change is reported, never silent.
 */
final class FieldFormats {
    /** The numbers of a birth line even when the 年/月/日 between them were misread. */
    private static final Pattern LOOSE_BIRTH = Pattern.compile("^(\\d{4})\\D{1,2}(\\d{1,2})\\D{1,2}(\\d{1,2})\\D?$");

    private FieldFormats() {}

    static String format(FieldName field, String raw) {
        String text = withoutSpecks(field, raw.replaceAll("\\s+", ""));
        return switch (field) {
            case SEX -> text.contains("男") && !text.contains("女") ? "男"
                    : text.contains("女") && !text.contains("男") ? "女" : text;
            case BIRTH -> birth(text);
            case ID_NUM -> idNumber(text);
            case VALID_DATE -> CardDates.parseValidity(text).map(CardDates.ValidityPeriod::format).orElse(text);
            default -> text;
        };
    }

    /** Whether {@link #format} dropped punctuation that the field cannot contain. */
    static boolean specksDropped(FieldName field, String raw) {
        String text = raw.replaceAll("\\s+", "");
        return !withoutSpecks(field, text).equals(text);
    }

    /**
     * The text without the punctuation the field cannot hold. Kept: the middle dot inside transliterated names
     * (阿依古丽·买买提, never at either end), the dots and dashes of the validity period and of a birth date read
     * with stops, and in addresses hyphens, brackets and {@code #} (as in 3#楼).
     */
    static String withoutSpecks(FieldName field, String text) {
        StringBuilder kept = new StringBuilder();
        int[] symbols = text.codePoints().toArray();
        for (int i = 0; i < symbols.length; i++) {
            int c = symbols[i];
            if (!isPunctuation(c) || allowed(field, c, i == 0 || i == symbols.length - 1)) {
                kept.appendCodePoint(c);
            }
        }
        return kept.toString();
    }

    private static boolean allowed(FieldName field, int c, boolean atAnEnd) {
        return switch (field) {
            case NAME -> (c == '·' || c == '•') && !atAnEnd;
            case BIRTH -> c == '.' && !atAnEnd;
            case VALID_DATE -> (c == '.' || c == '-' || c == '－' || c == '—' || c == '–' || c == '~' || c == '～')
                    && !atAnEnd;
            case ADDRESS -> "-－—#()（）".indexOf(c) >= 0;
            default -> false;
        };
    }

    private static boolean isPunctuation(int c) {
        return switch (Character.getType(c)) {
            case Character.OTHER_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.CONNECTOR_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION -> true;
            default -> false;
        };
    }

    /**
     * The API's form of any real calendar date read, however implausible its year (1750, 2090): judging the year
     * is the validator's job, and the answer keeps the API's format ({@code 1750/3/1}).
     */
    private static String birth(String text) {
        var parsed = CardDates.parseBirth(text);
        if (parsed.isPresent()) {
            return CardDates.formatBirth(parsed.get());
        }
        Matcher m = LOOSE_BIRTH.matcher(text);
        if (m.matches()) {
            try {
                return CardDates.formatBirth(java.time.LocalDate.of(Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            } catch (java.time.DateTimeException notADate) {
                return text;
            }
        }
        return text;
    }

    /** Upper-case X; letters that OCR confuses with digits (O, o, I, l) become the digits when that yields a number. */
    private static String idNumber(String text) {
        String upper = text.replace('x', 'X');
        String digits = upper.replace('O', '0').replace('o', '0').replace('I', '1').replace('l', '1');
        return digits.matches("[1-9]\\d{16}[\\dX]") ? digits : upper;
    }
}
