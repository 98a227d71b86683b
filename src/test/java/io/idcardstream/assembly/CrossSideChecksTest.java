package io.idcardstream.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.events.state.BackSide;
import io.idcardstream.events.state.FrontSide;
import io.idcardstream.identity.RegionCodes;
import io.idcardstream.identity.ResidentIdNumber;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The checks across the two sides: the law's validity term for the age at issue, expiry, authority vs region. */
class CrossSideChecksTest {
    private static final CrossSideChecks CHECKS = new CrossSideChecks(RegionCodes.bundled());
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @ParameterizedTest(name = "born {0}, issued {1} for {2} years (0 = long-term): fits {3}")
    @CsvSource({
        "2012-01-01, 2020-06-01, 5, true",    // 8: under 16, five years
        "2012-01-01, 2020-06-01, 10, false",
        "2000-01-01, 2020-06-01, 10, true",   // 20: 16-25, ten years
        "2000-01-01, 2020-06-01, 20, false",
        "1985-01-01, 2020-06-01, 20, true",   // 35: 26-45, twenty years
        "1985-01-01, 2020-06-01, 0, false",
        "1960-01-01, 2020-06-01, 0, true",    // 60: 46 and over, long-term
        "1960-01-01, 2020-06-01, 20, false",
        "2004-05-01, 2020-06-01, 5, true",    // 16 on the issue day, 15 when it may have been applied for: both
        "2004-05-01, 2020-06-01, 10, true",
    })
    void shouldJudgeTheValiditySpanByTheAgeAtIssue(LocalDate birth, LocalDate issued, int years, boolean fits) {
        // Given
        FrontSide front = front(birth, "110105");
        BackSide back = back("北京市公安局朝阳分局", issued, years);

        // When
        CrossSideChecks.Result result = CHECKS.check(front, back, TODAY);

        // Then
        assertThat(result.validitySpanFitsAge()).isEqualTo(fits);
        assertThat(result.flags().contains(CrossSideChecks.VALIDITY_SPAN_DOES_NOT_FIT_AGE)).isEqualTo(!fits);
    }

    @ParameterizedTest(name = "{0} for region {1}: {2}")
    @CsvSource({
        "北京市公安局朝阳分局, 110105, true",
        "北京市公安局, 110105, true",
        "广州市公安局天河分局, 110105, false",
        "赵县公安局, 130133, true",
        "石家庄市公安局, 130133, true",
    })
    void shouldMatchTheAuthorityAgainstThePlacesOfTheRegionCode(String authority, String region, boolean matches) {
        assertThat(CHECKS.authorityMatches(authority, region)).contains(matches);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"北京市, 北京", "石景山区, 石景山", "赵县, 赵县", "新疆维吾尔自治区, 新疆", "延边朝鲜族自治州, 延边朝鲜族"})
    void shouldShortenDivisionNamesOnlyToTwoCharactersOrMore(String name, String shortName) {
        assertThat(CrossSideChecks.shortName(name)).isEqualTo(shortName);
    }

    @org.junit.jupiter.api.Test
    void shouldLeaveARetiredRegionCodeUnchecked() {
        // Given the seed's sample card: 440524 was retired before 2002 and is in no table
        // When / Then: not a finding either way
        assertThat(CHECKS.authorityMatches("赵县公安局", "440524")).isEmpty();
    }

    private static FrontSide front(LocalDate birth, String region) {
        String first17 = region + birth.toString().replace("-", "") + "123";
        return new FrontSide("r-f", 0L, null, "MALE", null, birth, null,
                first17 + ResidentIdNumber.checkDigit(first17), List.of(), List.of(), List.of());
    }

    private static BackSide back(String authority, LocalDate from, int years) {
        return new BackSide("r-b", 0L, authority, from, years == 0 ? null : from.plusYears(years), years == 0,
                List.of(), List.of(), List.of());
    }
}
