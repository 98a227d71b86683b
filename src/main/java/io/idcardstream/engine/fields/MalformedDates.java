package io.idcardstream.engine.fields;

import io.idcardstream.identity.CardDates;
import io.idcardstream.ocr.FieldCorrection;
import io.idcardstream.ocr.FieldName;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The API's answer carries {@code Birth} as {@code 1987/1/1} and {@code ValidDate} as {@code 2010.07.21-2020.07.21}
 * or {@code 2010.07.21-长期}, and clients parse them so. A date read that is not a real day in that form (2020.02.30) (a stamp
 * over it, an edited card) is withheld: the field is answered empty and what was read is reported
 * ({@value #REASON}), so the validation flags the date as unreadable instead of a client choking on it.
 *
 * <p>Pure and thread-safe.
 */
public final class MalformedDates {
    static final String REASON = "MALFORMED_DATE_WITHHELD";
    static final Pattern BIRTH = Pattern.compile("\\d{4}/\\d{1,2}/\\d{1,2}");
    static final Pattern VALID_DATE = Pattern.compile("\\d{4}\\.\\d{2}\\.\\d{2}-(\\d{4}\\.\\d{2}\\.\\d{2}|长期)");

    private MalformedDates() {}

    /** Any real calendar day, however implausible its year (that is the validator's to judge). */
    private static boolean realBirth(String value) {
        String[] parts = value.split("/");
        try {
            java.time.LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            return true;
        } catch (java.time.DateTimeException notADay) {
            return false;
        }
    }

    public static ExtractedCard withhold(ExtractedCard card) {
        List<FieldCorrection> cleanups = new ArrayList<>(card.cleanups());
        var fields = card.fields();
        for (FieldName field : List.of(FieldName.BIRTH, FieldName.VALID_DATE)) {
            String value = fields.get(field);
            boolean apiForm = field == FieldName.BIRTH
                    ? BIRTH.matcher(value).matches() && realBirth(value)
                    : VALID_DATE.matcher(value).matches() && CardDates.parseValidity(value).isPresent();
            if (!value.isEmpty() && !apiForm) {
                cleanups.add(new FieldCorrection(field, value, "", REASON));
                fields = fields.with(field, "");
            }
        }
        return fields.equals(card.fields()) ? card : card.withFields(fields, cleanups);
    }
}
