package io.idcardstream.engine.fields;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.engine.FieldsView;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.FieldCorrection;
import io.idcardstream.ocr.FieldName;
import org.junit.jupiter.api.Test;

/** Clients parse Birth and ValidDate in the API's forms: a date read that is not one is withheld, with a record. */
class MalformedDatesTest {

    @Test
    void shouldWithholdABirthDateNotInTheApisFormAndRecordWhatWasRead() {
        // Given a birth date whose day lies under a stamp
        ExtractedCard card = Readings.of(front("1987年1月")).card();
        // When malformed dates are withheld
        ExtractedCard withheld = MalformedDates.withhold(card);
        // Then Birth is answered empty and what was read is reported
        assertThat(FieldsView.of(withheld.fields())).isEqualTo(FieldsView.of(front("")));
        assertThat(withheld.cleanups()).containsExactly(
                new FieldCorrection(FieldName.BIRTH, "1987年1月", "", MalformedDates.REASON));
    }

    @Test
    void shouldWithholdAValidityNotInTheApisForm() {
        ExtractedCard card = Readings.of(CardFields.back("上海市公安局", "2010.07.21-2020.0")).card();
        ExtractedCard withheld = MalformedDates.withhold(card);
        assertThat(FieldsView.of(withheld.fields())).isEqualTo(FieldsView.of(CardFields.back("上海市公安局", "")));
        assertThat(withheld.cleanups()).containsExactly(
                new FieldCorrection(FieldName.VALID_DATE, "2010.07.21-2020.0", "", MalformedDates.REASON));
    }

    @Test
    void shouldKeepWellFormedDates() {
        // Given dates in the API's forms, and an empty birth date (nothing read)
        ExtractedCard front = Readings.of(front("1987/1/1")).card();
        ExtractedCard back = Readings.of(CardFields.back("上海市公安局", "2010.07.21-长期")).card();
        ExtractedCard nothing = Readings.of(front("")).card();
        // Then they come back as they are
        assertThat(MalformedDates.withhold(front)).isSameAs(front);
        assertThat(MalformedDates.withhold(back)).isSameAs(back);
        assertThat(MalformedDates.withhold(nothing)).isSameAs(nothing);
    }

    /**
     * The class's rule is "a date read that is not a real date in that form": a day that does not exist, written in
     * the API's form, is as unusable to a client as a malformed one. FAILS at 6f4e6e9: only the form is checked
     * ({@code MalformedDates.BIRTH} and {@code VALID_DATE} are patterns), so both dates below are answered.
     */
    @Test
    void shouldWithholdADateInTheApisFormThatIsNoRealDay() {
        // Given a validity whose end reads 30 February (a misread day), and a birth date of 30 February
        ExtractedCard back = Readings.of(CardFields.back("上海市公安局", "2010.02.28-2020.02.30")).card();
        ExtractedCard front = Readings.of(front("1987/2/30")).card();
        // When malformed dates are withheld
        // Then neither is answered
        assertThat(MalformedDates.withhold(back).fields().validDate()).isEmpty();
        assertThat(MalformedDates.withhold(front).fields().birth()).isEmpty();
    }

    private static CardFields front(String birth) {
        return CardFields.front("李明", "男", "汉", birth, "北京市海淀区中关村大街1号", "440524198701010014");
    }
}
