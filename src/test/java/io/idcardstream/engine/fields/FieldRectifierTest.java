package io.idcardstream.engine.fields;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.engine.FieldsView;
import io.idcardstream.engine.geom.Point;
import io.idcardstream.engine.text.Glyph;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.FieldCorrection;
import io.idcardstream.ocr.FieldName;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldRectifierTest {
    /** Check digit valid; born 1987-01-01; digit 17 odd: male. */
    private static final String ID = "440524198701010014";

    @Test
    void shouldTakeAnUncertainlyReadBirthDateFromAValidIdNumber() {
        // Given a birth date read as 1987/7/1 with a doubtful 7
        ExtractedCard card = card(CardFields.front("李明", "男", "汉", "1987/7/1", "北京市", ID),
                Map.of(FieldName.BIRTH, 0.6f));
        // When rectified
        FieldRectifier.Rectified result = FieldRectifier.rectify(card);
        // Then the birth date comes from the number, and the change is reported
        assertThat(result.fields().birth()).isEqualTo("1987/1/1");
        assertThat(result.corrections()).containsExactly(
                new FieldCorrection(FieldName.BIRTH, "1987/7/1", "1987/1/1", "BIRTH_FROM_ID_NUMBER"));
    }

    @Test
    void shouldLeaveAConfidentlyReadContradictionAsPrinted() {
        // Given a card that prints 女 confidently while its valid number says male
        CardFields printed = CardFields.front("张三", "女", "汉", "1987/1/1", "四川省", ID);
        // When rectified
        FieldRectifier.Rectified result = FieldRectifier.rectify(card(printed, Map.of()));
        // Then nothing is changed: the contradiction is a finding, not a misreading
        assertThat(FieldsView.of(result.fields())).isEqualTo(FieldsView.of(printed));
        assertThat(result.corrections()).isEmpty();
    }

    @Test
    void shouldRepairTheOneUncertainIdDigitThatMakesEverythingAgree() {
        // Given the number read with its 15th digit (a 0) doubtfully as 8
        String misread = "440524198701018014";
        ExtractedCard card = card(CardFields.front("李明", "男", "汉", "1987/1/1", "北京市", misread),
                Map.of(FieldName.ID_NUM, 0.5f), 14);
        // When rectified
        FieldRectifier.Rectified result = FieldRectifier.rectify(card);
        // Then that digit is repaired and the repair reported
        assertThat(result.fields().idNum()).isEqualTo(ID);
        assertThat(result.corrections()).containsExactly(
                new FieldCorrection(FieldName.ID_NUM, misread, ID, "ID_NUMBER_FROM_CHECK_DIGIT"));
    }

    @Test
    void shouldLeaveASpecimenNumberThatFailsItsCheckWhenEveryDigitIsCertain() {
        // Given a specimen number that fails its check on purpose, read confidently
        CardFields printed = CardFields.front("金阳", "女", "汉", "1978/10/27", "北京市", "110102197810272321");
        // Then nothing is changed
        FieldRectifier.Rectified result = FieldRectifier.rectify(card(printed, Map.of()));
        assertThat(FieldsView.of(result.fields())).isEqualTo(FieldsView.of(printed));
        assertThat(result.corrections()).isEmpty();
    }

    private static ExtractedCard card(CardFields fields, Map<FieldName, Float> doubtful) {
        return card(fields, doubtful, -1);
    }

    /** Readings whose glyphs are all certain (0.99) except in the doubtful fields (all, or only {@code onlyIndex}). */
    private static ExtractedCard card(CardFields fields, Map<FieldName, Float> doubtful, int onlyIndex) {
        Map<FieldName, FieldReading> readings = new EnumMap<>(FieldName.class);
        for (FieldName field : FieldName.values()) {
            String value = fields.get(field);
            if (field.side() != CardSide.FRONT || value.isEmpty()) {
                continue;
            }
            List<Glyph> glyphs = new ArrayList<>();
            int[] symbols = value.codePoints().toArray();
            for (int i = 0; i < symbols.length; i++) {
                boolean doubt = doubtful.containsKey(field) && (onlyIndex < 0 || onlyIndex == i);
                glyphs.add(new Glyph(new String(Character.toChars(symbols[i])), new Point(i, 0),
                        doubt ? doubtful.get(field) : 0.99f, 0));
            }
            readings.put(field, new FieldReading(field, value, value, glyphs, 0.99f, List.of()));
        }
        return new ExtractedCard(CardSide.FRONT, fields, readings, null, List.of(), List.of());
    }
}
