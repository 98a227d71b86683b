package io.idcardstream.engine.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.FieldCorrection;
import io.idcardstream.ocr.FieldEvidence;
import io.idcardstream.ocr.FieldName;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The reported confidence is the characters' evidence capped by what the value says: its form, its agreement with
 * the card's other fields, and whether the engine changed it rather than read it.
 */
class FieldConfidenceTest {
    /** Check character valid; born 1987-01-01; male. */
    private static final String ID = "440524198701010014";
    private static final CardFields GOOD_FRONT = CardFields.front("李明", "男", "汉", "1987/1/1",
            "北京市海淀区中关村大街1号", ID);
    private static final CardFields GOOD_BACK = CardFields.back("北京市公安局海淀分局", "2010.07.21-2020.07.21");

    @Test
    void shouldNotCapValuesOfTheirFormThatAgreeWithTheCard() {
        Map<String, Float> caps = new TreeMap<>();
        for (FieldName field : FieldName.values()) {
            caps.put(field.name(), FieldConfidence.formCap(field, field.side() == GOOD_BACK.side() ? GOOD_BACK
                    : GOOD_FRONT));
        }
        assertThat(caps).allSatisfy((field, cap) -> assertThat(cap).as(field).isEqualTo(1f));
    }

    @Test
    void shouldCapValuesNotOfTheirFieldsFormLow() {
        // Given one value per field that is not of its field's form
        CardFields front = CardFields.front("", "难", "汊", "1987年1月", "北京市海淀", "4405241987");
        CardFields back = CardFields.back("北京市公安", "2010.07.21-2020.0");
        // Then each is capped at MALFORMED
        assertThat(caps(front, back)).isEqualTo(Map.of("NAME", 0.3f, "SEX", 0.3f, "NATION", 0.3f, "BIRTH", 0.3f,
                "ADDRESS", 0.3f, "ID_NUM", 0.3f, "AUTHORITY", 0.3f, "VALID_DATE", 0.3f));
    }

    @Test
    void shouldCapValuesThatDisagreeWithTheCardOrLookCutShortBelowConfident() {
        // Given a birth date and sex the valid number contradicts, a one-character name, an address without an
        // address's ending, a number failing its check, and a validity that is not a whole number of years
        CardFields front = CardFields.front("李", "女", "汉", "1987/1/2", "北京市海淀区中关村大街1", ID);
        CardFields failing = GOOD_FRONT.with(FieldName.ID_NUM, "440524198701010015");
        CardFields back = CardFields.back("北京市公安局", "2010.07.21-2020.07.20");
        // Then each is capped at DOUBTFUL, under CONFIDENT
        Map<String, Float> caps = caps(front, back);
        caps.put("ID_NUM", FieldConfidence.formCap(FieldName.ID_NUM, failing));
        assertThat(caps).isEqualTo(Map.of("NAME", 0.85f, "SEX", 0.85f, "NATION", 1f, "BIRTH", 0.85f,
                "ADDRESS", 0.85f, "ID_NUM", 0.85f, "AUTHORITY", 1f, "VALID_DATE", 0.85f));
        assertThat(FieldConfidence.DOUBTFUL).isLessThan(FieldConfidence.CONFIDENT);
    }

    @Test
    void shouldNotCapALongTermValidityOrANameWithAMiddleDot() {
        assertThat(FieldConfidence.formCap(FieldName.VALID_DATE, CardFields.back("北京市公安局", "2010.07.21-长期")))
                .isEqualTo(1f);
        assertThat(FieldConfidence.formCap(FieldName.NAME, GOOD_FRONT.with(FieldName.NAME, "阿依古丽·买买提")))
                .isEqualTo(1f);
    }

    @Test
    void shouldPullTheMeanHalfWayToTheLeastSureCharacter() {
        // Given a name of three characters read at 0.99, 0.99 and 0.6 (mean 0.86)
        ExtractedCard card = Readings.of(GOOD_FRONT.with(FieldName.NAME, "欧阳明")).with(FieldName.NAME, 2, 0.6f)
                .card();
        FieldReading name = card.readings().get(FieldName.NAME);
        // Then the evidence is half way from 0.86 to 0.6, and nothing caps it
        assertThat(FieldConfidence.evidence(name)).isCloseTo(0.73f, within(1e-6f));
        assertThat(FieldConfidence.of(FieldName.NAME, name, card.fields(), List.of(), List.of())).isCloseTo(0.73f,
                within(1e-6f));
    }

    @Test
    void shouldCapAValueTheEngineChangedButNotOneItOnlyCleaned() {
        // Given a surely read nation that the engine completed from the list, and a name whose only changes were a
        // speck dropped and a second reading of a character dropped
        ExtractedCard card = Readings.of(GOOD_FRONT.with(FieldName.NATION, "仫佬")).card();
        List<FieldCorrection> corrections = List.of(
                new FieldCorrection(FieldName.NATION, "佬", "仫佬", NationCompletion.REASON),
                new FieldCorrection(FieldName.NAME, "，李明", "李明", "PUNCTUATION_SPECKS_DROPPED"),
                new FieldCorrection(FieldName.NAME, "李朋", "李明", "DUPLICATE_READING_DROPPED"));
        // Then the completed nation is capped under CONFIDENT, the cleaned name keeps its evidence
        assertThat(FieldConfidence.of(FieldName.NATION, card.readings().get(FieldName.NATION), card.fields(),
                corrections, List.of())).isEqualTo(0.85f);
        assertThat(FieldConfidence.of(FieldName.NAME, card.readings().get(FieldName.NAME), card.fields(),
                corrections, List.of())).isEqualTo(Readings.SURE);
    }

    @Test
    void shouldCapAValueAStampWasReadOverButNotItsNeighbours() {
        // Given a surely read address and name, and stamp text read over the address's row (beside the value)
        ExtractedCard card = Readings.of(GOOD_FRONT).card();
        List<DiscardedText> discarded = List.of(new DiscardedText(FieldName.ADDRESS, DiscardedText.STAMP_TEXT, 4));
        // Then the address is capped under CONFIDENT (lines under a stamp lose characters without a trace), the name
        // keeps its evidence
        assertThat(FieldConfidence.of(FieldName.ADDRESS, card.readings().get(FieldName.ADDRESS), card.fields(),
                List.of(), discarded)).isEqualTo(0.85f);
        assertThat(FieldConfidence.of(FieldName.NAME, card.readings().get(FieldName.NAME), card.fields(),
                List.of(), discarded)).isEqualTo(Readings.SURE);
    }

    @Test
    void shouldReportTheCappedConfidenceWithTheReadingsPolygon() {
        ExtractedCard card = Readings.of(GOOD_FRONT.with(FieldName.NATION, "汊")).card();
        FieldReading nation = card.readings().get(FieldName.NATION);
        assertThat(FieldConfidence.evidence(FieldName.NATION, nation, card.fields(), List.of(), List.of()))
                .isEqualTo(new FieldEvidence(FieldName.NATION, 0.3f, nation.polygon()));
    }

    /** Each field's form cap, front fields from {@code front}, back fields from {@code back}. */
    private static Map<String, Float> caps(CardFields front, CardFields back) {
        Map<String, Float> caps = new TreeMap<>();
        for (FieldName field : FieldName.values()) {
            caps.put(field.name(), FieldConfidence.formCap(field, field.side() == back.side() ? back : front));
        }
        return caps;
    }
}
