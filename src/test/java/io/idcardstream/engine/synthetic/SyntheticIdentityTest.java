package io.idcardstream.engine.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.identity.CardDates.ValidityPeriod;
import io.idcardstream.identity.PrintedSex;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SyntheticIdentityTest {

    @Test
    void shouldPrintBirthWithoutLeadingZerosAndValidityWithDots() {
        // Given the seed's sample card holder with a ten-year card and a long-term card
        SyntheticIdentity tenYears = identity(ValidityPeriod.until(LocalDate.of(2010, 7, 21), LocalDate.of(2020, 7, 21)));
        SyntheticIdentity longTerm = identity(ValidityPeriod.longTerm(LocalDate.of(2008, 9, 20)));

        // When printed, then the forms are the card's own
        assertThat(tenYears.birthPrinted()).isEqualTo("1987年1月1日");
        assertThat(tenYears.validPeriod()).isEqualTo("2010.07.21-2020.07.21");
        assertThat(longTerm.validPeriod()).isEqualTo("2008.09.20-长期");
    }

    @Test
    void shouldNotRevealPersonalDataInToString() {
        // Given an identity, when it is printed, then only the sex and birth year show
        assertThat(identity(ValidityPeriod.longTerm(LocalDate.of(2008, 9, 20))))
                .hasToString("SyntheticIdentity[MALE, born 1987]");
    }

    private static SyntheticIdentity identity(ValidityPeriod validity) {
        return new SyntheticIdentity("李明", PrintedSex.MALE, "汉", LocalDate.of(1987, 1, 1), "北京市石景山区高新技术园腾讯大楼",
                "440524198701010014", "北京市公安局石景山分局", validity);
    }
}
