package io.idcardstream.identity;

import static io.idcardstream.identity.ValidationIssue.BIRTH_DATE_UNREADABLE;
import static io.idcardstream.identity.ValidationIssue.BIRTH_MISMATCH;
import static io.idcardstream.identity.ValidationIssue.CHECK_DIGIT_MISMATCH;
import static io.idcardstream.identity.ValidationIssue.EXPIRED;
import static io.idcardstream.identity.ValidationIssue.ID_NUMBER_FORMAT_INVALID;
import static io.idcardstream.identity.ValidationIssue.NOT_YET_VALID;
import static io.idcardstream.identity.ValidationIssue.REGION_CODE_UNKNOWN;
import static io.idcardstream.identity.ValidationIssue.SEX_MISMATCH;
import static io.idcardstream.identity.ValidationIssue.VALIDITY_IMPLAUSIBLE;
import static io.idcardstream.identity.ValidationIssue.VALIDITY_UNREADABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Card values marked "idcards-dev" are the ground truth of /work/shared/datasets/idcards-dev/labels.json. */
class IdentityValidatorTest {

    private static final LocalDate VERIFIED_ON = LocalDate.of(2024, 6, 1);

    private final IdentityValidator validator = new IdentityValidator();

    @Test
    void shouldPassAConsistentFrontAndOnlyFlagItsRetiredRegionCode() {
        // Given front_07 (idcards-dev): consistent fields, region 440524 retired before 2002
        CardFacts facts = CardFacts.front("李明", "男", "1987/1/1", "440524198701010014");
        // When it is validated
        IdentityChecks report = validator.validate(facts, VERIFIED_ON);
        // Then every front check passes except the region flag, and the back's checks do not apply
        assertThat(report).isEqualTo(new IdentityChecks(true, true, false, true, true, null, null,
                List.of(REGION_CODE_UNKNOWN)));
    }

    @Test
    void shouldReportPrintedBirthAndSexThatDisagreeWithTheNumber() {
        // Given front_02 (idcards-dev): printed 2013-05-06 and 男, the number says 1989-08-13, digit 17 even,
        // and its check digit and region are wrong too
        CardFacts facts = CardFacts.front("代用名", "男", "2013/5/6", "430512198908131367");
        // When it is validated
        IdentityChecks report = validator.validate(facts, VERIFIED_ON);
        // Then every disagreement is reported and nothing is corrected
        assertThat(report).isEqualTo(new IdentityChecks(true, false, false, false, false, null, null,
                List.of(CHECK_DIGIT_MISMATCH, REGION_CODE_UNKNOWN, BIRTH_MISMATCH, SEX_MISMATCH)));
        assertThat(facts).isEqualTo(new CardFacts("代用名", "男", "2013/5/6", "430512198908131367", ""));
    }

    @Test
    void shouldReportOnlyTheCheckDigitOfTheSpecimenNumber() {
        // Given front_04 (idcards-dev): consistent fields, a deliberately wrong check digit
        CardFacts facts = CardFacts.front("金阳", "女", "1978年10月27日", "110102197810272321");
        // When it is validated
        IdentityChecks report = validator.validate(facts, VERIFIED_ON);
        // Then only the check digit fails
        assertThat(report).isEqualTo(new IdentityChecks(true, false, true, true, true, null, null,
                List.of(CHECK_DIGIT_MISMATCH)));
    }

    @Test
    void shouldValidateBothSidesTogether() {
        // Given both_02 (idcards-dev): digit 17 even under a printed 男, region 513701 retired, and a
        // validity of 2010.01.01-2020.12.12, which is not a whole number of years
        CardFacts facts = new CardFacts("张三", "男", "1995/7/17", "513701199507176346", "2010.01.01-2020.12.12");
        // When it is validated in 2024
        IdentityChecks report = validator.validate(facts, VERIFIED_ON);
        // Then the sex, the span and the expiry are reported
        assertThat(report).isEqualTo(new IdentityChecks(true, true, false, true, false, false, true,
                List.of(REGION_CODE_UNKNOWN, SEX_MISMATCH, VALIDITY_IMPLAUSIBLE, EXPIRED)));
    }

    @ParameterizedTest
    @CsvSource({"2025-10-07, false", "2025-10-08, false", "2025-10-09, true"})
    void shouldJudgeExpiryAgainstTheVerificationDate(LocalDate verificationDate, boolean expectedExpired) {
        // Given back_01 (idcards-dev): valid 2005.10.08-2025.10.08, no front
        CardFacts facts = CardFacts.back("2005.10.08-2025.10.08");
        // When it is validated before, on and after its last day
        IdentityChecks report = validator.validate(facts, verificationDate);
        // Then it has expired only after its last day; the front's checks do not apply
        assertThat(report).isEqualTo(new IdentityChecks(null, null, null, null, null, true, expectedExpired,
                expectedExpired ? List.of(EXPIRED) : List.of()));
    }

    @Test
    void shouldNeverExpireALongTermCard() {
        // Given a holder born in 1960 with a long-term card issued at 50
        CardFacts facts = new CardFacts("王五", "男", "1960/3/15", "110105196003151235", "2010.07.21-长期");
        // When it is validated in 2099
        IdentityChecks report = validator.validate(facts, LocalDate.of(2099, 12, 31));
        // Then it is plausible and not expired
        assertThat(report).isEqualTo(new IdentityChecks(true, true, true, true, true, true, false, List.of()));
    }

    @Test
    void shouldReportASpanTheLawDoesNotAllow() {
        // Given a seven-year validity on a back alone
        CardFacts facts = CardFacts.back("2010.07.21-2017.07.21");
        // When it is validated
        IdentityChecks report = validator.validate(facts, VERIFIED_ON);
        // Then the span is implausible (and the card expired)
        assertThat(report).isEqualTo(new IdentityChecks(null, null, null, null, null, false, true,
                List.of(VALIDITY_IMPLAUSIBLE, EXPIRED)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // born 2010-01-01: a child's card is for five years
        "2010/1/1|110105201001010010|2015.06.01-2020.06.01|true",
        "2010/1/1|110105201001010010|2015.06.01-2025.06.01|false",
        // born 1960-03-15: at 50 the card is long-term, not twenty years
        "1960/3/15|110105196003151235|2010.07.21-长期|true",
        "1960/3/15|110105196003151235|2010.07.21-2030.07.21|false",
        "1960/3/15|110105196003151235|2000.07.21-2020.07.21|true",
        // born 1980-03-01, turning 26 on 2006-03-01: ten years at 25, twenty at 26
        "1980/3/1|110105198003012410|2006.01.15-2016.01.15|true",
        "1980/3/1|110105198003012410|2006.01.15-2026.01.15|false",
        // issued one month after turning 26: applied for up to 90 days earlier, possibly at 25
        "1980/3/1|110105198003012410|2006.04.01-2016.04.01|true",
        "1980/3/1|110105198003012410|2006.04.01-2026.04.01|true",
        // issued four months after turning 26: applied for at 26
        "1980/3/1|110105198003012410|2006.07.01-2016.07.01|false",
        "1980/3/1|110105198003012410|2006.07.01-2026.07.01|true",
        // a card issued before the holder was born
        "2010/1/1|110105201001010010|2005.06.01-2010.06.01|false",
    })
    void shouldCheckTheSpanAgainstTheAgeAtIssue(String birth, String idNum, String validDate, boolean plausible) {
        // Given both sides of a card
        CardFacts facts = new CardFacts("王五", "男", birth, idNum, validDate);
        // When it is validated long before any of the periods end
        IdentityChecks report = validator.validate(facts, LocalDate.of(2010, 8, 1));
        // Then the span is plausible only when it is the one the law gives at the holder's age
        assertThat(report.validityPlausible()).isEqualTo(plausible);
        assertThat(report.issues().contains(VALIDITY_IMPLAUSIBLE)).isEqualTo(!plausible);
    }

    @Test
    void shouldUseTheNumbersBirthDateForTheAgeRuleWhenNoneIsPrinted() {
        // Given a front without a printed birth date: the number says 2010-01-01, so ten years is wrong
        CardFacts facts = new CardFacts("", "", "", "110105201001010010", "2015.06.01-2025.06.01");
        // When it is validated
        IdentityChecks report = validator.validate(facts, VERIFIED_ON);
        // Then the span is judged by the number's birth date
        assertThat(report).isEqualTo(new IdentityChecks(true, true, true, null, null, false, false,
                List.of(VALIDITY_IMPLAUSIBLE)));
    }

    @Test
    void shouldReportACardThatIsNotYetValid() {
        // Given a back whose validity starts after the verification date
        CardFacts facts = CardFacts.back("2024.06.02-2034.06.02");
        // When it is validated the day before
        IdentityChecks report = validator.validate(facts, VERIFIED_ON);
        // Then it is reported as not yet valid, not as expired
        assertThat(report).isEqualTo(new IdentityChecks(null, null, null, null, null, true, false,
                List.of(NOT_YET_VALID)));
    }

    @Test
    void shouldReportUnreadableDatesWithoutComparingThem() {
        // Given an impossible printed birth date and a validity that is not a period
        CardFacts facts = new CardFacts("李明", "男", "1987/2/30", "440524198701010014", "2010.07");
        // When it is validated
        IdentityChecks report = validator.validate(facts, VERIFIED_ON);
        // Then both are unreadable and the checks that need them do not apply
        assertThat(report).isEqualTo(new IdentityChecks(true, true, false, null, true, null, null,
                List.of(REGION_CODE_UNKNOWN, BIRTH_DATE_UNREADABLE, VALIDITY_UNREADABLE)));
    }

    @Test
    void shouldSkipNumberChecksWhenTheNumberIsMalformed() {
        // Given a 17-character number
        CardFacts facts = CardFacts.front("李明", "男", "1987/1/1", "44052419870101001");
        // When it is validated
        IdentityChecks report = validator.validate(facts, VERIFIED_ON);
        // Then only the format fails; checks against the number do not apply
        assertThat(report).isEqualTo(new IdentityChecks(false, null, null, null, null, null, null,
                List.of(ID_NUMBER_FORMAT_INVALID)));
    }

    @Test
    void shouldTreatANumberWithAnImpossibleBirthDateAsMalformed() {
        // Given a number encoding 1987-02-30 with a correct check digit
        CardFacts facts = CardFacts.front("李明", "男", "1987/2/28", "440524198702300013");
        // When it is validated
        IdentityChecks report = validator.validate(facts, VERIFIED_ON);
        // Then the format fails, the other digits are still checked, and the birth dates cannot be compared
        assertThat(report).isEqualTo(new IdentityChecks(false, true, false, null, true, null, null,
                List.of(ID_NUMBER_FORMAT_INVALID, REGION_CODE_UNKNOWN)));
    }

    @Test
    void shouldReportNothingForNoFields() {
        // Given nothing read (nulls and blanks)
        CardFacts facts = new CardFacts(null, " ", null, "", null);
        // When it is validated
        IdentityChecks report = validator.validate(facts, VERIFIED_ON);
        // Then no check applies
        assertThat(report).isEqualTo(new IdentityChecks(null, null, null, null, null, null, null, List.of()));
    }

    @Test
    void shouldNotCompareASexThatIsNeitherMaleNorFemale() {
        // Given a sex field OCR could not read as 男 or 女
        CardFacts facts = CardFacts.front("李明", "未", "1987/1/1", "440524198701010014");
        // When it is validated
        IdentityChecks report = validator.validate(facts, VERIFIED_ON);
        // Then the sex check does not apply
        assertThat(report.sexMatchesIdNumber()).isNull();
        assertThat(report.issues()).containsExactly(REGION_CODE_UNKNOWN);
    }

    @Test
    void shouldUseTheRegionCodesItIsGiven() {
        // Given a validator whose table knows 440524
        IdentityValidator withOldCodes =
                new IdentityValidator(RegionCodes.fromLines(List.of("440524\t潮阳市"), "old.tsv"));
        // When front_07 is validated
        IdentityChecks report = withOldCodes.validate(
                CardFacts.front("李明", "男", "1987/1/1", "440524198701010014"), VERIFIED_ON);
        // Then its region is known
        assertThat(report).isEqualTo(new IdentityChecks(true, true, true, true, true, null, null, List.of()));
    }

    @ParameterizedTest
    @CsvSource({"2024-12-31T15:59:59Z, 2024-12-31", "2024-12-31T16:00:00Z, 2025-01-01"})
    void shouldTakeTodayInShanghaiTime(Instant now, LocalDate expected) {
        // Given a UTC clock just before and at midnight in Shanghai (UTC+8)
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        // When today's verification date is asked for
        LocalDate today = IdentityValidator.todayInShanghai(clock);
        // Then it is the Shanghai date
        assertThat(today).isEqualTo(expected);
    }

    @Test
    void shouldNotPrintTheFactsThemselves() {
        // Given a front's facts
        CardFacts facts = CardFacts.front("李明", "男", "1987/1/1", "440524198701010014");
        // When they are printed
        // Then only the names of the fields present appear
        assertThat(facts.toString()).isEqualTo("CardFacts[present=name,sex,birth,idNum]");
    }

    @Test
    void shouldRequireFactsAndAVerificationDate() {
        // Given missing arguments
        // When validating
        // Then the error names the argument
        assertThatThrownBy(() -> validator.validate(null, VERIFIED_ON))
                .isInstanceOf(NullPointerException.class).hasMessage("facts");
        assertThatThrownBy(() -> validator.validate(CardFacts.back("2010.07.21-长期"), null))
                .isInstanceOf(NullPointerException.class).hasMessage("verificationDate");
    }
}
