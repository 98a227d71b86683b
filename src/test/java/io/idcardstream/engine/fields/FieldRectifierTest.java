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

    /** The number above read with its 15th digit (a 0) as 8: the check fails. */
    private static final String MISREAD = "440524198701018014";

    @Test
    void shouldRepairTheDigitOfACardPrintingAnotherSexOnlyWithTheRecognisersEvidence() {
        // Given a card that prints 女 although its number says male (some specimens do), the 15th digit misread
        // uncertainly: the one repair agrees with the birth date but not with the printed sex
        CardFields printed = CardFields.front("李明", "女", "汉", "1987/1/1", "北京市", MISREAD);
        ExtractedCard unsupported = Readings.of(printed).with(FieldName.ID_NUM, 14, 0.5f).card();
        ExtractedCard supported = Readings.of(printed)
                .with(FieldName.ID_NUM, 14, 0.5f, Readings.alternative("0", 0.2f)).card();
        // When rectified
        // Then outside the first group the repair needs the recogniser to have considered the new digit
        assertThat(FieldRectifier.rectify(unsupported).fields().idNum()).isEqualTo(MISREAD);
        assertThat(FieldRectifier.rectify(supported).fields().idNum()).isEqualTo(ID);
        assertThat(FieldRectifier.rectify(supported).corrections()).containsExactly(
                new FieldCorrection(FieldName.ID_NUM, MISREAD, ID, "ID_NUMBER_FROM_CHECK_DIGIT"));
    }

    @Test
    void shouldPreferTheRepairThatAgreesWithThePrintedSex() {
        // Given the card printing 女 with two uncertain digits: the 15th (→ 0 makes a male number) and the 17th, the
        // sex digit (→ 2 makes a female number with the same birth date)
        CardFields printed = CardFields.front("李明", "女", "汉", "1987/1/1", "北京市", MISREAD);
        ExtractedCard card = Readings.of(printed).with(FieldName.ID_NUM, 14, 0.5f, Readings.alternative("0", 0.4f))
                .with(FieldName.ID_NUM, 16, 0.5f).card();
        // When rectified
        // Then the repair agreeing with birth and sex wins, though the other had more evidence
        assertThat(FieldRectifier.repairIdNumber(printed, card.readings().get(FieldName.ID_NUM).glyphs()))
                .contains("440524198701018024");
    }

    @Test
    void shouldChooseBetweenTwoAgreeingRepairsOnlyByTheRecognisersEvidence() {
        // Given two uncertain digits, the 15th (→ 0) and the 16th (→ 6), each giving a number that agrees with
        // everything printed
        CardFields printed = CardFields.front("李明", "男", "汉", "1987/1/1", "北京市", MISREAD);
        ExtractedCard unsupported = Readings.of(printed).with(FieldName.ID_NUM, 14, 0.5f)
                .with(FieldName.ID_NUM, 15, 0.5f).card();
        ExtractedCard supported = Readings.of(printed).with(FieldName.ID_NUM, 14, 0.5f, Readings.alternative("0", 0.3f))
                .with(FieldName.ID_NUM, 15, 0.5f, Readings.alternative("6", 0.01f)).card();
        // Then with no evidence nothing is repaired, with clearly more for one it is taken
        assertThat(FieldRectifier.repairIdNumber(printed, unsupported.readings().get(FieldName.ID_NUM).glyphs()))
                .isEmpty();
        assertThat(FieldRectifier.repairIdNumber(printed, supported.readings().get(FieldName.ID_NUM).glyphs()))
                .contains(ID);
    }

    @Test
    void shouldRequireEvidenceForARepairThatContradictsThePrintedBirthDate() {
        // Given a printed birth date the repaired number does not have (the last group)
        CardFields printed = CardFields.front("李明", "男", "汉", "1990/5/5", "北京市", MISREAD);
        ExtractedCard unsupported = Readings.of(printed).with(FieldName.ID_NUM, 14, 0.5f).card();
        ExtractedCard supported = Readings.of(printed)
                .with(FieldName.ID_NUM, 14, 0.5f, Readings.alternative("0", 0.1f)).card();
        assertThat(FieldRectifier.repairIdNumber(printed, unsupported.readings().get(FieldName.ID_NUM).glyphs()))
                .isEmpty();
        assertThat(FieldRectifier.repairIdNumber(printed, supported.readings().get(FieldName.ID_NUM).glyphs()))
                .contains(ID);
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
