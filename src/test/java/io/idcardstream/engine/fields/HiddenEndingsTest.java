package io.idcardstream.engine.fields;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.engine.FieldsView;
import io.idcardstream.ocr.CardFields;
import io.idcardstream.ocr.FieldCorrection;
import io.idcardstream.ocr.FieldName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The back's endings a seal or the card's edge hides, completed where the card's rules leave one possibility. */
class HiddenEndingsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2012.10.17-2032, 2012.10.17-2032.10.17",          // a seal over the end's month and day: 20 years
        "2014.06.120190612, 2014.06.12-2019.06.12",        // a digit and the dash lost between the dates: 5 years
        "2006.03.01-2016.0, 2006.03.01-2016.03.01",        // the end cut at the card's edge: 10 years
        "20061108-2026, 2006.11.08-2026.11.08",            // the start read without its dots
        "2010.09.04-长, 2010.09.04-长期",                    // a stamp over 期: long-term is the one end in words
        "2010.09.04期, 2010.09.04-长期"                      // a seal over the dash and 长
    })
    void shouldCompleteAValidityEndFromTheStartWhenTheDigitsReadFitOneLegalSpan(String read, String completed) {
        assertThat(HiddenEndings.completedValidity(read)).isEqualTo(completed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2010.01.01-2001",         // 2015.01.01, 2020.01.01 and 2030.01.01 all hold 2,0,0,1 in order
        "2010.01.01-2017",         // no legal span ends in 2017
        "2010.01.01-201",          // three digits say too little
        "2010.07.21-2020.07.21",   // already whole
        "2010.07.21-长期",          // long-term
        "2010.13.01-2015",         // the start is no date
        "长期",                     // no start
        "2010.09.04-长2",           // more than one character of 长期
        "2010.02.30-长"             // the start is no date
    })
    void shouldLeaveAValidityThatNoOrMoreThanOneLegalEndExplains(String read) {
        assertThat(HiddenEndings.completedValidity(read)).isEqualTo(read);
    }

    @Test
    void shouldCompleteTheBacksEndingsAndReportEachChange() {
        // Given a back whose authority lost its last 局 under a seal and whose validity lost its end's month and day
        ExtractedCard card = Readings.of(CardFields.back("北京市公安局海淀分", "2012.10.17-2032")).card();
        // When the hidden endings are completed
        ExtractedCard completed = HiddenEndings.apply(card);
        // Then both are whole, and both changes are reported
        assertThat(FieldsView.of(completed.fields()))
                .isEqualTo(FieldsView.of(CardFields.back("北京市公安局海淀分局", "2012.10.17-2032.10.17")));
        assertThat(completed.cleanups()).containsExactly(
                new FieldCorrection(FieldName.VALID_DATE, "2012.10.17-2032", "2012.10.17-2032.10.17",
                        HiddenEndings.VALIDITY_END),
                new FieldCorrection(FieldName.AUTHORITY, "北京市公安局海淀分", "北京市公安局海淀分局",
                        HiddenEndings.AUTHORITY_END));
    }

    @Test
    void shouldCompleteAnAuthorityEndingInTheBureausFirstTwoCharacters() {
        ExtractedCard completed = HiddenEndings.apply(Readings.of(CardFields.back("上海市公安", "2010.07.21-长期"))
                .card());
        assertThat(completed.fields().authority()).isEqualTo("上海市公安局");
        assertThat(completed.cleanups()).containsExactly(
                new FieldCorrection(FieldName.AUTHORITY, "上海市公安", "上海市公安局", HiddenEndings.AUTHORITY_END));
    }

    @Test
    void shouldLeaveWholeValuesABareBureauWordAndTheFrontAlone() {
        // Given a whole back, an authority that is only 公安 (too short to be a place's bureau), and a front
        ExtractedCard whole = Readings.of(CardFields.back("北京市公安局海淀分局", "2010.07.21-2020.07.21")).card();
        ExtractedCard bare = Readings.of(CardFields.back("公安", "2010.07.21-2020.07.21")).card();
        ExtractedCard front = Readings.of(CardFields.front("李明", "男", "汉", "1987/1/1", "北京市海淀区", "")).card();
        // Then each comes back as it is
        assertThat(HiddenEndings.apply(whole)).isSameAs(whole);
        assertThat(HiddenEndings.apply(bare)).isSameAs(bare);
        assertThat(HiddenEndings.apply(front)).isSameAs(front);
    }
}
