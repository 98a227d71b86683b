package io.idcardstream.engine.quality;

import io.idcardstream.ocr.FieldCorrection;
import io.idcardstream.ocr.FieldName;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A sign for {@code DetectPsWarn} (-9106): a validity period read whole, in the card's exact shape
 * ({@code 2016.02.30-2026.02.30}), yet not a real span of days, so the engine withheld it
 * ({@code MALFORMED_DATE_WITHHELD}). A printer never makes such a date; an edit does. A date merely misread, or
 * half hidden by a stamp or a finger, does not keep the shape (digits go missing or turn into other characters), so
 * it is not taken for an edit. It sees nothing of names or numbers pasted in another font: a card without it may
 * still be edited, which is why {@code DetectPsWarn} stays "not checked" when it does not fire.
 *
 * <p>Pure and thread-safe.
 */
public final class EditedDates {
    static final String WITHHELD = "MALFORMED_DATE_WITHHELD";
    static final Pattern CARD_SHAPE = Pattern.compile("\\d{4}\\.\\d{2}\\.\\d{2}-(\\d{4}\\.\\d{2}\\.\\d{2}|长期)");

    private EditedDates() {}

    public static boolean impossibleDateWithheld(List<FieldCorrection> corrections) {
        return corrections.stream().anyMatch(c -> c.field() == FieldName.VALID_DATE && WITHHELD.equals(c.reason())
                && CARD_SHAPE.matcher(c.read()).matches());
    }
}
