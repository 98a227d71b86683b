package io.idcardstream.engine.bench;

import io.idcardstream.ocr.CardFields;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an answer's dates are in the API's formats: Birth {@code 1987/1/1} (a real calendar date), ValidDate
 * {@code 2010.07.21-2020.07.21} or {@code 2010.07.21-长期}. Empty values are not malformed: they are missing, which
 * the accuracy counts already show. Stateless.
 */
final class AnswerFormat {

    private static final Pattern BIRTH = Pattern.compile("^(\\d{4})/(\\d{1,2})/(\\d{1,2})$");
    private static final Pattern VALID_DATE = Pattern.compile("^\\d{4}\\.\\d{2}\\.\\d{2}-(\\d{4}\\.\\d{2}\\.\\d{2}|长期)$");

    private AnswerFormat() {
    }

    /** True when a non-empty Birth or ValidDate of the answer is not in its format. */
    static boolean malformed(CardFields answer) {
        return badBirth(answer.birth()) || badValidDate(answer.validDate());
    }

    static boolean badBirth(String birth) {
        if (birth.isEmpty()) {
            return false;
        }
        Matcher m = BIRTH.matcher(birth);
        if (!m.matches()) {
            return true;
        }
        try {
            LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            return false;
        } catch (DateTimeException notADay) {
            return true;
        }
    }

    static boolean badValidDate(String validDate) {
        return !validDate.isEmpty() && !VALID_DATE.matcher(validDate).matches();
    }
}
