package io.idcardstream.engine.bench;

import io.idcardstream.engine.text.TextLine;
import io.idcardstream.ocr.FieldName;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a field's true value appears anywhere in the text an OCR read, whitespace ignored: the ceiling any field
 * extractor could reach on those lines, which separates reading errors from extraction errors. Stateless.
 */
final class TextPresence {

    private static final Pattern API_BIRTH = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})");

    private TextPresence() {
    }

    static boolean found(FieldName field, String expected, List<TextLine> lines) {
        StringBuilder all = new StringBuilder();
        lines.forEach(line -> all.append(line.text()));
        String text = all.toString().replaceAll("\\s+", "");
        return text.contains(printed(field, expected).replaceAll("\\s+", ""));
    }

    /** The API's Birth {@code 1987/1/1} is printed {@code 1987年1月1日}; every other field is printed as returned. */
    private static String printed(FieldName field, String expected) {
        if (field == FieldName.BIRTH) {
            Matcher m = API_BIRTH.matcher(expected);
            if (!m.matches()) {
                throw new IllegalArgumentException("expected Birth must look like 1987/1/1 but has "
                        + expected.length() + " characters in another form");
            }
            return m.group(1) + "年" + Integer.parseInt(m.group(2)) + "月" + Integer.parseInt(m.group(3)) + "日";
        }
        return expected;
    }
}
