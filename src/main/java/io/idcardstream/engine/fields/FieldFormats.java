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
 */
final class FieldFormats {
    /** The numbers of a birth line even when the 年/月/日 between them were misread. */
    private static final Pattern LOOSE_BIRTH = Pattern.compile("^(\\d{4})\\D{1,2}(\\d{1,2})\\D{1,2}(\\d{1,2})\\D?$");

    private FieldFormats() {}

    static String format(FieldName field, String raw) {
        String text = raw.replaceAll("\\s+", "");
        return switch (field) {
            case NAME -> withoutPunctuation(text);
            case SEX -> text.contains("男") && !text.contains("女") ? "男"
                    : text.contains("女") && !text.contains("男") ? "女" : text;
            case BIRTH -> birth(text);
            case ID_NUM -> idNumber(text);
            case VALID_DATE -> CardDates.parseValidity(text).map(CardDates.ValidityPeriod::format).orElse(text);
            default -> text;
        };
    }

    /**
     * A name holds no punctuation but the middle dot of transliterated names (阿依古丽·买买提); anything else is
     * speckle or guilloche read as a comma or a stop.
     */
    private static String withoutPunctuation(String text) {
        StringBuilder name = new StringBuilder();
        text.codePoints().forEach(c -> {
            int type = Character.getType(c);
            boolean punctuation = type == Character.OTHER_PUNCTUATION || type == Character.DASH_PUNCTUATION
                    || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                    || type == Character.CONNECTOR_PUNCTUATION || type == Character.INITIAL_QUOTE_PUNCTUATION
                    || type == Character.FINAL_QUOTE_PUNCTUATION;
            if (!punctuation || c == '·' || c == '•') {
                name.appendCodePoint(c);
            }
        });
        return name.toString();
    }

    private static String birth(String text) {
        var parsed = CardDates.parseBirth(text);
        if (parsed.isPresent()) {
            return CardDates.formatBirth(parsed.get());
        }
        Matcher m = LOOSE_BIRTH.matcher(text);
        if (m.matches()) {
            return CardDates.parseBirth(m.group(1) + "/" + m.group(2) + "/" + m.group(3))
                    .map(CardDates::formatBirth)
                    .orElse(text);
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
