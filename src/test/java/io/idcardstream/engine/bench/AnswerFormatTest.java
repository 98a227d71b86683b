package io.idcardstream.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.ocr.CardFields;
import org.junit.jupiter.api.Test;

class AnswerFormatTest {

    @Test
    void shouldAcceptTheApisDateFormats() {
        assertThat(AnswerFormat.badBirth("1987/1/1")).isFalse();
        assertThat(AnswerFormat.badBirth("2000/02/29")).isFalse();
        assertThat(AnswerFormat.badValidDate("2010.07.21-2020.07.21")).isFalse();
        assertThat(AnswerFormat.badValidDate("2010.07.21-长期")).isFalse();
    }

    @Test
    void shouldFlagDatesOutOfFormatOrNotOnTheCalendar() {
        assertThat(AnswerFormat.badBirth("1987-01-01")).isTrue();
        assertThat(AnswerFormat.badBirth("1987/2/30")).isTrue();
        assertThat(AnswerFormat.badBirth("19870101")).isTrue();
        assertThat(AnswerFormat.badValidDate("2010.7.21-2020.07.21")).isTrue();
        assertThat(AnswerFormat.badValidDate("2010.07.21-长")).isTrue();
        assertThat(AnswerFormat.badValidDate("2010.07.21—2020.07.21")).isTrue();
    }

    @Test
    void shouldNotCallAMissingDateMalformed() {
        // Given answers with empty dates (a failed read, or the other side's fields), then they are not malformed
        assertThat(AnswerFormat.malformed(CardFields.EMPTY)).isFalse();
        assertThat(AnswerFormat.malformed(CardFields.back("北京市公安局", ""))).isFalse();
        assertThat(AnswerFormat.malformed(CardFields.front("", "", "", "1987/13/1", "", ""))).isTrue();
    }
}
