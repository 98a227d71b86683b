package io.idcardstream.engine.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValidityRuleTest {

    private static final LocalDate BIRTH = LocalDate.of(2000, 6, 15);

    @Test
    void shouldGiveFiveTenTwentyYearsOrLongTermByAgeAtIssue() {
        // Given a holder born on 2000-06-15, when cards are issued on each side of the age limits,
        // then the spans follow article 5 of the Resident Identity Card Law
        assertThat(ValidityRule.expiry(BIRTH, LocalDate.of(2016, 6, 14))).contains(LocalDate.of(2021, 6, 14));
        assertThat(ValidityRule.expiry(BIRTH, LocalDate.of(2016, 6, 15))).contains(LocalDate.of(2026, 6, 15));
        assertThat(ValidityRule.expiry(BIRTH, LocalDate.of(2026, 6, 14))).contains(LocalDate.of(2036, 6, 14));
        assertThat(ValidityRule.expiry(BIRTH, LocalDate.of(2026, 6, 15))).contains(LocalDate.of(2046, 6, 15));
        assertThat(ValidityRule.expiry(BIRTH, LocalDate.of(2046, 6, 14))).contains(LocalDate.of(2066, 6, 14));
        assertThat(ValidityRule.expiry(BIRTH, LocalDate.of(2046, 6, 15))).isEqualTo(Optional.empty());
    }

    @Test
    void shouldRefuseAnIssueDateBeforeBirth() {
        // Given an issue date the day before birth, when the expiry is asked, then the error names both dates
        assertThatThrownBy(() -> ValidityRule.expiry(BIRTH, BIRTH.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("issued must not be before birth but was 2000-06-14 < 2000-06-15");
    }
}
