package io.idcardstream.engine.fields;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.ocr.CardFields;
import org.junit.jupiter.api.Test;

/** When a reading with holes still proves that the card was legible (the ImageBlur decision on soft images). */
class CompletenessTest {
    private static final String ID = "330106200701107668";

    @Test
    void shouldCallAFrontWithAMissingNameButAValidNumberAgreeingWithBirthAndSexLegible() {
        // Given a small card's front read without its name, the number passing its check and matching birth and sex
        ExtractedCard card = Readings.of(CardFields.front("", "女", "汉", "2007/1/10", "浙江省杭州市西湖区团结路73号", ID))
                .card();

        // Then it has a hole, and it was legible
        assertThat(Completeness.complete(card)).isFalse();
        assertThat(Completeness.provedLegible(card)).isTrue();
    }

    @Test
    void shouldNotCallAFrontLegibleWhenItsNumberFailsTheCheckOrDisagreesWithTheBirthDate() {
        String wrongCheck = ID.substring(0, 17) + "9";
        assertThat(Completeness.provedLegible(Readings.of(
                CardFields.front("", "女", "汉", "2007/1/10", "", wrongCheck)).card())).isFalse();
        assertThat(Completeness.provedLegible(Readings.of(
                CardFields.front("", "女", "汉", "", "", ID)).card())).isFalse();
        assertThat(Completeness.provedLegible(Readings.of(
                CardFields.front("", "男", "汉", "2007/1/10", "", ID)).card())).isFalse();
    }

    @Test
    void shouldNeverCallABackLegibleForItHasNoCheckDigit() {
        ExtractedCard back = Readings.of(CardFields.back("杭州市公安局", "")).card();

        assertThat(Completeness.provedLegible(back)).isFalse();
    }
}
