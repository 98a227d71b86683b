package io.idcardstream.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.idcardstream.identity.CardDates.ValidityPeriod;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CardDatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1987/1/1|1987-01-01",
        "1987/01/01|1987-01-01",
        "1990/12/22|1990-12-22",
        "1987年1月1日|1987-01-01",
        "2013年05月06日|2013-05-06",
        "1987 年 1 月 1 日|1987-01-01",
        "'  1987/1/1 '|1987-01-01",
        "1987-01-01|1987-01-01",
        "2000/2/29|2000-02-29",
    })
    void shouldParseBirthDatesInApiPrintedAndIsoForms(String text, LocalDate expected) {
        // Given a birth date as the API returns it, as printed, or in ISO form
        // When it is parsed
        Optional<LocalDate> birth = CardDates.parseBirth(text);
        // Then it is that date
        assertThat(birth).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "1987/2/30", "1987年2月30日", "1987-02-30", "1900/2/29", "1987/13/1", "1987/0/10",
        "0987/1/1", "87/1/1", "1987-1-1", "1987.01.01", "19870101", "1987年1月", "1987/1/1/", "生日1987/1/1",
    })
    void shouldRejectImpossibleOrUnknownBirthDates(String text) {
        // Given an impossible date or an unknown form
        // When it is parsed
        Optional<LocalDate> birth = CardDates.parseBirth(text);
        // Then nothing is guessed
        assertThat(birth).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1987-01-01|1987/1/1", "2013-05-06|2013/5/6", "1990-12-22|1990/12/22"})
    void shouldFormatBirthDatesLikeTheApi(LocalDate date, String expected) {
        // Given a date
        // When it is formatted
        String text = CardDates.formatBirth(date);
        // Then it has the API's unpadded form and parses back to the same date
        assertThat(text).isEqualTo(expected);
        assertThat(CardDates.parseBirth(text)).contains(date);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2010.07.21-2020.07.21|2010-07-21|2020-07-21",
        "2005.10.08-2025.10.08|2005-10-08|2025-10-08",
        "2010.07.21—2020.07.21|2010-07-21|2020-07-21",
        "2010.07.21–2020.07.21|2010-07-21|2020-07-21",
        "2010.07.21一2020.07.21|2010-07-21|2020-07-21",
        "2010.07.21~2020.07.21|2010-07-21|2020-07-21",
        "2010.07.21至2020.07.21|2010-07-21|2020-07-21",
        "2010.07.21--2020.07.21|2010-07-21|2020-07-21",
        "2010.07.212020.07.21|2010-07-21|2020-07-21",
        "20100721-20200721|2010-07-21|2020-07-21",
        "2010072120200721|2010-07-21|2020-07-21",
        "2010. 07. 21 - 2020. 07. 21|2010-07-21|2020-07-21",
        "2010．07．21－2020．07．21|2010-07-21|2020-07-21",
        "2020.07.21-2010.07.21|2020-07-21|2010-07-21",
    })
    void shouldParseValidityPeriodsWithOcrVariants(String text, LocalDate from, LocalDate until) {
        // Given a validity period as printed or as OCR reads it, even one that ends before it starts
        // When it is parsed
        Optional<ValidityPeriod> period = CardDates.parseValidity(text);
        // Then both dates are read as they are
        assertThat(period).contains(new ValidityPeriod(from, until, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2010.07.21-长期", "2010.07.21长期", "20100721至长期", "2010.07.21 - 長期"})
    void shouldParseLongTermValidity(String text) {
        // Given a long-term (长期) validity period
        // When it is parsed
        Optional<ValidityPeriod> period = CardDates.parseValidity(text);
        // Then it has a start and no end
        assertThat(period).contains(new ValidityPeriod(LocalDate.of(2010, 7, 21), null, true));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "2010.07.21", "2010.07.21-", "长期", "2010.07-2020.07", "2010.02.30-2020.02.30", "2010.07.21-2020.13.21",
        "2010.07.21-2020.07.21-", "2010.07.21---2020.07.21", "2010.7.21-2020.7.21", "有效期限2010.07.21-2020.07.21",
        "abc",
    })
    void shouldRejectUnparsableValidity(String text) {
        // Given text that is not a validity period or holds an impossible date
        // When it is parsed
        Optional<ValidityPeriod> period = CardDates.parseValidity(text);
        // Then nothing is guessed
        assertThat(period).isEmpty();
    }

    @Test
    void shouldFormatValidityAsPrinted() {
        // Given a dated and a long-term period
        ValidityPeriod dated = ValidityPeriod.until(LocalDate.of(2010, 7, 21), LocalDate.of(2020, 7, 21));
        ValidityPeriod longTerm = ValidityPeriod.longTerm(LocalDate.of(2010, 7, 1));
        // When they are formatted
        // Then they have the card's form
        assertThat(dated.format()).isEqualTo("2010.07.21-2020.07.21");
        assertThat(longTerm.format()).isEqualTo("2010.07.01-长期");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2010.07.21-2020.07.21|10",
        "2005.10.08-2025.10.08|20",
        "2015.03.01-2020.03.01|5",
        "2010.07.21-2017.07.21|7",
        "2008.02.29-2018.02.28|10",
        "2008.02.29-2018.03.01|10",
        "2004.02.29-2024.02.29|20",
    })
    void shouldMeasureWholeYearSpans(String text, int expectedYears) {
        // Given a period ending on its start's month and day (a leap-day start may end on 28 February or 1 March)
        ValidityPeriod period = CardDates.parseValidity(text).orElseThrow();
        // When its span is measured
        OptionalInt years = period.spanYears();
        // Then it is the whole number of years
        assertThat(years).hasValue(expectedYears);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2010.01.01-2020.12.12", "2010.07.21-2020.07.20", "2004.02.29-2024.02.28", "2004.02.29-2024.03.01",
        "2020.07.21-2010.07.21", "2010.07.21-2010.07.21", "2010.07.21-长期",
    })
    void shouldGiveNoSpanForIrregularOrLongTermPeriods(String text) {
        // Given a period that is not a positive whole number of years, or is long-term
        ValidityPeriod period = CardDates.parseValidity(text).orElseThrow();
        // When its span is measured
        OptionalInt years = period.spanYears();
        // Then there is none
        assertThat(years).isEmpty();
    }

    @Test
    void shouldRejectInconsistentPeriods() {
        // Given the long-term flag contradicting the end date
        // When a period is constructed
        // Then the error names the argument and what was expected
        LocalDate from = LocalDate.of(2010, 7, 21);
        assertThatThrownBy(() -> new ValidityPeriod(from, LocalDate.of(2020, 7, 21), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("until must be null for a long-term period, got a date");
        assertThatThrownBy(() -> new ValidityPeriod(from, null, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("until must be a date unless the period is long-term, got null");
        assertThatThrownBy(() -> new ValidityPeriod(null, null, true))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("from");
    }
}
